import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { fillRequestFor, loadTemplate, renderApplicationPdf, type RenderApplicationInput } from '../../forms/antrag/index';
import { fillPdf } from '../../forms/fill';
import { dejaVuSans, fontProgramFromBytes } from '../../forms/pdf/font';
import { deriveSample, SAMPLE_CREATED_AT, sampleGemeindeApplication } from '../../tests/support/sample-application';

/**
 * Issue 6: filling and saving the official PDF for a full application (Gemeinde sample with
 * Verbund, budget and Anlage 3), flattened with a font subset and editable with the complete font,
 * against loading and saving the empty template. Goal: ≤ 100 ms median, ≤ 2× the template round trip.
 */
export async function benchPdf(): Promise<void> {
  const template = loadTemplate();
  const data = sampleGemeindeApplication();
  const derived = deriveSample(data);
  const input = (variant: RenderApplicationInput['variant']): RenderApplicationInput => ({
    data,
    totals: derived.totals,
    eligibility: derived.eligibility,
    includeEligibilityAnnex: true,
    draft: false,
    variant,
    createdAt: SAMPLE_CREATED_AT,
    parameters: derived.parameters,
  });
  const tasks = {
    vorlage: async () => {
      const doc = await PDFDocument.load(template, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      return doc.save({ objectsPerTick: Infinity, updateFieldAppearances: false });
    },
    einreichung: () => renderApplicationPdf(input('einreichung')),
    bearbeitbar: () => renderApplicationPdf(input('bearbeitbar')),
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
      const ms = performance.now() - started;
      if (r >= warmUp) times[name].push(ms);
      sizes[name] = bytes.length;
    }
  }
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  };
  const ms = (value: number) => `${value.toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('de-DE')} KB`;
  const base = quantile(times.vorlage, 0.5);
  const line = (label: string, name: Task) => {
    const median = quantile(times[name], 0.5);
    const ratio = name === 'vorlage' ? '' : `, ${(median / base).toLocaleString('de-DE', { maximumFractionDigits: 2 })}× der Vorlage`;
    return `${label}: Median ${ms(median)}, p95 ${ms(quantile(times[name], 0.95))}, ${kb(sizes[name])}${ratio}`;
  };
  console.log('\n## PDF-Antrag');
  console.log(`Vollständiger Antrag (Gemeinde, Verbund, 8 Kostenpositionen, Anlage 3 mit 39 Kriterien), ${runs} Läufe nach ${warmUp} zum Aufwärmen`);
  console.log(line('Leere Vorlage laden und speichern', 'vorlage'));
  console.log(line('„zur Einreichung“ ausfüllen und speichern (abgeflacht, Schrift als Teilmenge)', 'einreichung'));
  console.log(line('„bearbeitbar“ ausfüllen und speichern (Felder bleiben, DejaVu Sans vollständig)', 'bearbeitbar'));
  console.log('Ziel: Median ≤ 100 ms und ≤ 2× der Vorlage');

  // For comparison: a form whose font the filler does not find in the template (the real SAB form)
  // gets DejaVu Sans embedded completely on every call – what reusing the template's font saves.
  const regular = dejaVuSans().bytes;
  const foreign = new Uint8Array(regular.length + 1);
  foreign.set(regular);
  const program = fontProgramFromBytes(foreign);
  const request = fillRequestFor(input('bearbeitbar'));
  const embedTimes: number[] = [];
  let embedSize = 0;
  for (let r = 0; r < 3 + 10; r += 1) {
    const started = performance.now();
    const bytes = await fillPdf(template, request, { variant: 'editable', font: program });
    if (r >= 3) embedTimes.push(performance.now() - started);
    embedSize = bytes.length;
  }
  console.log(`Zum Vergleich „bearbeitbar“ mit bei jedem Aufruf neu vollständig eingebetteter Schrift (10 Läufe): Median ${ms(quantile(embedTimes, 0.5))}, ${kb(embedSize)}`);
}

const invokedDirectly = process.argv[1]?.endsWith('scripts/bench/pdf.ts');
if (invokedDirectly) await benchPdf();
