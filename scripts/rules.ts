/**
 * The rules on the command line, for ministry staff and CI:
 *   npm run rules -- check CASE.json      evaluate one case, print verdict and every criterion as JSON
 *   npm run rules -- test [PATH]          run the YAML cases in PATH (default tests/cases)
 * Formats: docs/rules-cases.md
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { thousandsSeparatorProblemsInText } from '../machines/frl/case-text';
import { CaseError, evaluateCase } from '../machines/frl/engine';
import { parseSuiteFile, runCase } from '../machines/frl/suite';

const [command, target] = process.argv.slice(2);

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

function check(path: string) {
  const result = evaluateCase(readCaseFile(path));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function test(path: string) {
  const files = filesIn(path);
  let passed = 0;
  let failed = 0;
  const started = performance.now();
  for (const file of files) {
    for (const parsed of parseSuiteFile(readFileSync(file, 'utf8'), relative(process.cwd(), file))) {
      const outcome = runCase(parsed);
      if (outcome.passed) {
        passed += 1;
        process.stdout.write(`✓ ${outcome.name}  (${outcome.source})\n`);
      } else {
        failed += 1;
        process.stdout.write(`✗ ${outcome.name}  (${outcome.source})\n${outcome.failures.map((f) => `    ${f}\n`).join('')}`);
      }
    }
  }
  const ms = performance.now() - started;
  process.stdout.write(`\n${passed} bestanden, ${failed} fehlgeschlagen (${files.length} Dateien, ${ms.toFixed(0)} ms)\n`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}

try {
  if (command === 'check') {
    if (!target) throw new CaseError(['Bitte geben Sie eine Falldatei an: npm run rules -- check fall.json']);
    check(target);
  } else if (command === 'test') {
    test(target ?? 'tests/cases');
  } else {
    throw new CaseError(['Unbekannter Befehl. Verfügbar: check DATEI, test [PFAD].']);
  }
} catch (error) {
  if (error instanceof CaseError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    process.stderr.write(`Datei oder Ordner nicht gefunden: ${(error as NodeJS.ErrnoException).path}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
