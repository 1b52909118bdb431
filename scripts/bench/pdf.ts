import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import {
  applicationPdf,
  applicationPdfInput,
  fillRequestFor,
  loadTemplate,
  type ApplicationPdfSource,
  type PdfVariant,
} from '../../forms/antrag/index';
import { fillPdf } from '../../forms/fill';
import { dejaVuSans, fontProgramFromBytes, printableText } from '../../forms/pdf/font';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { knownCalls } from '../../machines/frl/calls';
import { shippedParameters } from '../../machines/frl/parameters';
import {
  maximumTextApplication,
  SAMPLE_CREATED_AT,
  SAMPLE_DATE,
  sampleAttachments,
  sampleGemeindeApplication,
  stressApplication,
} from '../../tests/support/sample-application';

/**
 * The application PDF through `applicationPdf` – the one function behind the web download and the
 * CLI: a full application (Gemeinde sample with Verbund, budget, Anlage 3, stored attachments),
 * flattened with a font subset and editable with the complete font, against loading and saving the
 * empty template (issue 6: ≤ 100 ms median, ≤ 2× the template round trip); the 200-line stress
 * application and the schema's longest text (issue 23).
 */
const sourceFor = (data: ApplicationData, variant: PdfVariant): ApplicationPdfSource => ({
  data,
  attachments: sampleAttachments(['verbundvereinbarung']),
  rules: { parameters: shippedParameters, calls: knownCalls },
  referenceDate: SAMPLE_DATE,
  createdAt: SAMPLE_CREATED_AT,
  variant,
});

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('de-DE')} KB`;

async function timed(task: () => Promise<Uint8Array>, warmUp: number, runs: number): Promise<{ times: number[]; bytes: Uint8Array }> {
  const times: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let r = 0; r < warmUp + runs; r += 1) {
    const started = performance.now();
    bytes = await task();
    if (r >= warmUp) times.push(performance.now() - started);
  }
  return { times, bytes };
}

export async function benchPdf(): Promise<void> {
  const template = loadTemplate();
  const gemeinde = sampleGemeindeApplication();
  const tasks = {
    vorlage: async () => {
      const doc = await PDFDocument.load(template, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      return doc.save({ objectsPerTick: Infinity, updateFieldAppearances: false });
    },
    einreichung: () => applicationPdf(sourceFor(gemeinde, 'einreichung')),
    bearbeitbar: () => applicationPdf(sourceFor(gemeinde, 'bearbeitbar')),
  };
  type Task = keyof typeof tasks;
  const names = Object.keys(tasks) as Task[];
  const times: Record<Task, number[]> = { vorlage: [], einreichung: [], bearbeitbar: [] };
  const sizes: Record<Task, number> = { vorlage: 0, einreichung: 0, bearbeitbar: 0 };
  const warmUp = 5;
  const runs = 30;
  // Interleaved, so that a busy machine slows all three alike.
  for (let r = 0; r < warmUp + runs; r += 1) {
    for (const name of names) {
      const started = performance.now();
      const bytes = await tasks[name]();
      const elapsed = performance.now() - started;
      if (r >= warmUp) times[name].push(elapsed);
      sizes[name] = bytes.length;
    }
  }
  const base = quantile(times.vorlage, 0.5);
  const line = (label: string, name: Task) => {
    const median = quantile(times[name], 0.5);
    const ratio = name === 'vorlage' ? '' : `, ${(median / base).toLocaleString('de-DE', { maximumFractionDigits: 2 })}× der Vorlage`;
    return `${label}: Median ${ms(median)}, p95 ${ms(quantile(times[name], 0.95))}, ${kb(sizes[name])}${ratio}`;
  };
  console.log('\n## PDF-Antrag');
  console.log(
    `Vollständiger Antrag (Gemeinde, Verbund, 8 Kostenpositionen, Anlage 3, Anlagenverzeichnis), ${runs} Läufe nach ${warmUp} zum Aufwärmen`,
  );
  console.log(line('Leere Vorlage laden und speichern', 'vorlage'));
  console.log(line('„zur Einreichung“ (abgeflacht, Schrift als Teilmenge)', 'einreichung'));
  console.log(line('„bearbeitbar“ (Felder bleiben, DejaVu Sans vollständig)', 'bearbeitbar'));
  console.log('Ziel: Median ≤ 100 ms und ≤ 2× der Vorlage');

  // Issue 23: the 200-line stress application and the schema's longest text.
  const stress = stressApplication(200);
  const longest = maximumTextApplication();
  for (const [label, data] of [
    ['Belastungsantrag mit 200 Kostenpositionen', stress],
    ['Längster zulässiger Text (Bausteine: 30 × 2.000 Zeichen mit Emoji)', longest],
  ] as const) {
    for (const variant of ['einreichung', 'bearbeitbar'] as const) {
      const { times: t, bytes } = await timed(() => applicationPdf(sourceFor(data, variant)), 2, 10);
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      console.log(
        `${label}, „${variant}“ (10 Läufe): Median ${ms(quantile(t, 0.5))}, p95 ${ms(quantile(t, 0.95))}, ${kb(bytes.length)}, ${pages} Seiten`,
      );
    }
  }
  const bausteine = longest.project.parts.map((p, i) => `${i + 1}. ${p.title}\n${p.description}`).join('\n\n');
  const textTimes: number[] = [];
  for (let r = 0; r < 23; r += 1) {
    const started = performance.now();
    printableText(bausteine, dejaVuSans(), true);
    if (r >= 3) textTimes.push(performance.now() - started);
  }
  console.log(
    `Textaufbereitung des längsten Textes allein (${bausteine.length.toLocaleString('de-DE')} UTF-16-Einheiten, 20 Läufe): Median ${ms(quantile(textTimes, 0.5))}, p95 ${ms(quantile(textTimes, 0.95))}`,
  );

  // For comparison: a form whose font the filler does not find in the template (the real SAB form)
  // gets DejaVu Sans embedded completely on every call – what reusing the template's font saves.
  const regular = dejaVuSans().bytes;
  const foreign = new Uint8Array(regular.length + 1);
  foreign.set(regular);
  const program = fontProgramFromBytes(foreign);
  const request = fillRequestFor(applicationPdfInput(sourceFor(gemeinde, 'bearbeitbar')));
  const embed = await timed(() => fillPdf(template, request, { variant: 'editable', font: program }), 3, 10);
  console.log(
    `Zum Vergleich „bearbeitbar“ mit bei jedem Aufruf neu vollständig eingebetteter Schrift (10 Läufe): Median ${ms(quantile(embed.times, 0.5))}, ${kb(embed.bytes.length)}`,
  );
}

const invokedDirectly = process.argv[1]?.endsWith('scripts/bench/pdf.ts');
if (invokedDirectly) await benchPdf();
