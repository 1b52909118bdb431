/**
 * PDF forms on the command line:
 *   npm run forms -- inspect FORM.pdf [--json]      list the fields of any PDF (name, type, page, position, size)
 *   npm run forms -- fill APPLICATION.json OUT.pdf   the application PDF from an exported application – the
 *        same function as the web download, with the shipped rules [--bearbeitbar] [--datum=JJJJ-MM-TT] [--vorlage=TEMPLATE.pdf]
 *   npm run forms -- schema                          print the JSON Schema of the export format
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { knownCalls } from '../machines/frl/calls';
import { shippedParameters } from '../machines/frl/parameters';
import { fieldKindLabel } from './pdf/fields';
import { inspectPdf } from './inspect';
import { applicationPdf, loadTemplate } from './antrag/index';
import { applicationJsonSchema, decodeJsonFile, importApplication } from './antrag/json';

/** Where a command writes: the process's streams, or a test's collector (also used by scripts/rules.ts). */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The command line's flags (`--json`) and options (`--datum=…`). */
interface Invocation {
  flags: Set<string | undefined>;
  option(name: string): string | undefined;
  out: CliOutput['stdout'];
}

const usage = `Verwendung:
  npm run forms -- inspect FORMULAR.pdf [--json]
  npm run forms -- fill ANTRAG.json AUSGABE.pdf [--bearbeitbar] [--datum=JJJJ-MM-TT] [--vorlage=VORLAGE.pdf]
  npm run forms -- schema`;

function readFile(path: string | undefined, what: string): Uint8Array {
  if (!path) throw new Error(`Bitte geben Sie ${what} an.\n\n${usage}`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new Error(`Die Datei ${path} gibt es nicht oder sie ist nicht lesbar.`);
  }
}

async function inspect(path: string | undefined, { flags, out }: Invocation) {
  const { pages, fields } = await inspectPdf(readFile(path, 'die PDF-Datei'));
  if (flags.has('--json')) {
    out.write(`${JSON.stringify({ pages, fields }, null, 2)}\n`);
    return;
  }
  const rows = fields.map((f) => [
    f.name,
    fieldKindLabel[f.kind] + (f.multiline ? ' (mehrzeilig)' : ''),
    f.page === null ? '–' : String(f.page),
    `${f.x.toLocaleString('de-DE')} / ${f.y.toLocaleString('de-DE')}`,
    `${f.width.toLocaleString('de-DE')} × ${f.height.toLocaleString('de-DE')}`,
    f.label ?? '',
  ]);
  const header = ['Feld', 'Typ', 'Seite', 'x / y (pt)', 'Breite × Höhe', 'Bezeichnung (/TU)'];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  out.write(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) out.write(`${line(row)}\n`);
  const names = new Set(fields.map((f) => f.name));
  out.write(`\n${names.size} Felder, ${fields.length} Widgets, ${pages} Seiten\n`);
}

async function fill(input: string | undefined, output: string | undefined, { flags, option, out }: Invocation) {
  const decoded = decodeJsonFile(readFile(input, 'die JSON-Datei des Antrags'));
  if (!decoded.ok) throw new Error(`${input}: ${decoded.error}`);
  if (!output) throw new Error(`Bitte geben Sie die Ausgabedatei an.\n\n${usage}`);
  const imported = importApplication(decoded.text);
  if (!imported.ok) throw new Error(`Der Antrag in ${input} ist fehlerhaft:\n${imported.errors.map((e) => `- ${e}`).join('\n')}`);
  const date = option('--datum') ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('Bitte geben Sie das Datum als --datum=JJJJ-MM-TT an.');
  const templatePath = option('--vorlage');
  loadTemplate(templatePath);
  // The same function and the same kind of source as the web download; the rules are the shipped
  // ones (an installation's published parameter changes live in its database).
  const bytes = await applicationPdf({
    data: imported.data,
    attachments: imported.attachments,
    rules: { parameters: shippedParameters, calls: knownCalls },
    referenceDate: date,
    createdAt: option('--datum') ? new Date(`${date}T12:00:00Z`) : new Date(),
    variant: flags.has('--bearbeitbar') ? 'bearbeitbar' : 'einreichung',
    templatePath,
  });
  writeFileSync(output, bytes);
  out.write(`Geschrieben: ${output} (${(bytes.length / 1024).toFixed(0)} KB)\n`);
}

/**
 * Runs one command line (the arguments after `npm run forms --`); resolves with the exit code:
 * 0 done, 1 bad input (the German message on stderr), 2 an unknown command.
 */
export async function formsCli(args: readonly string[], io: CliOutput): Promise<number> {
  const invocation: Invocation = {
    flags: new Set(args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0])),
    option: (name) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1),
    out: io.stdout,
  };
  const [command, ...positional] = args.filter((a) => !a.startsWith('--'));
  try {
    if (command === 'inspect') await inspect(positional[0], invocation);
    else if (command === 'fill') await fill(positional[0], positional[1], invocation);
    else if (command === 'schema') io.stdout.write(`${JSON.stringify(applicationJsonSchema(), null, 2)}\n`);
    else {
      io.stderr.write(`${command ? `Unbekannter Befehl „${command}“.\n\n` : ''}${usage}\n`);
      return 2;
    }
    return 0;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

// `npm run forms` runs this file; the tests import formsCli without running a command.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await formsCli(process.argv.slice(2), process);
}
