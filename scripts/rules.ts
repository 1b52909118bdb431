/**
 * The rules on the command line, for ministry staff and CI:
 *   npm run rules -- check CASE.json      evaluate one case, print verdict and every criterion as JSON
 *   npm run rules -- test [PATH]          run the YAML cases in PATH (default tests/cases)
 * Formats: docs/rules-cases.md
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { CliOutput } from '../forms/cli';
import { thousandsSeparatorProblemsInText } from '../machines/frl/case-text';
import { CaseError, evaluateCase } from '../machines/frl/engine';
import { parseSuiteFile, runCase } from '../machines/frl/suite';

function filesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesIn(join(path, name)))
    .filter((file) => ['.yaml', '.yml'].includes(extname(file)));
}

function readCaseFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CaseError([`${path}: keine gültige ${extname(path) === '.json' ? 'JSON' : 'YAML'}-Datei (${(error as Error).message})`]);
  }
  // Both parsers read 10.000 as 10; the source text still shows the thousands separator.
  const ambiguous = thousandsSeparatorProblemsInText(text);
  if (ambiguous.length) throw new CaseError(ambiguous);
  return value;
}

function check(path: string, out: CliOutput['stdout']) {
  const result = evaluateCase(readCaseFile(path));
  out.write(`${JSON.stringify(result, null, 2)}\n`);
}

/** Runs the suites in path; true when at least one case ran and none failed. */
function test(path: string, out: CliOutput['stdout']): boolean {
  const files = filesIn(path);
  let passed = 0;
  let failed = 0;
  const started = performance.now();
  for (const file of files) {
    for (const parsed of parseSuiteFile(readFileSync(file, 'utf8'), relative(process.cwd(), file))) {
      const outcome = runCase(parsed);
      if (outcome.passed) {
        passed += 1;
        out.write(`✓ ${outcome.name}  (${outcome.source})\n`);
      } else {
        failed += 1;
        out.write(`✗ ${outcome.name}  (${outcome.source})\n${outcome.failures.map((f) => `    ${f}\n`).join('')}`);
      }
    }
  }
  const ms = performance.now() - started;
  out.write(`\n${passed} bestanden, ${failed} fehlgeschlagen (${files.length} Dateien, ${ms.toFixed(0)} ms)\n`);
  return failed === 0 && passed > 0;
}

/**
 * Runs one command line (the arguments after `npm run rules --`); returns the exit code: 0
 * passed, 1 a case failed, 2 bad input (the German message on stderr). Anything else is a fault of
 * the program and is thrown.
 */
export function rulesCli(args: readonly string[], io: CliOutput): number {
  const [command, target] = args;
  try {
    if (command === 'check') {
      if (!target) throw new CaseError(['Bitte geben Sie eine Falldatei an: npm run rules -- check fall.json']);
      check(target, io.stdout);
      return 0;
    }
    if (command === 'test') return test(target ?? 'tests/cases', io.stdout) ? 0 : 1;
    throw new CaseError(['Unbekannter Befehl. Verfügbar: check DATEI, test [PFAD].']);
  } catch (error) {
    if (error instanceof CaseError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr.write(`Datei oder Ordner nicht gefunden: ${(error as NodeJS.ErrnoException).path}\n`);
      return 2;
    }
    throw error;
  }
}

// `npm run rules` runs this file; the tests import rulesCli without running a command.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = rulesCli(process.argv.slice(2), process);
}
