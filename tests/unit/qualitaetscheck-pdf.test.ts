import { describe, expect, it } from 'vitest';
import { DRAFT_HEADER, renderApplicationPdf } from '../../forms/antrag/index';
import { appendQualityAnnex, qualityAnnexHeading, renderQualityReportPdf, type QualityAnnexInput } from '../../forms/qualitaetscheck/index';
import { qualityCheckContent as content } from '../../machines/qualitaetscheck/content';
import type { Perspective } from '../../machines/qualitaetscheck/schema';
import { assess, combineProfiles, pageQuestions, type AnswerSheet, type AnswerValue } from '../../machines/qualitaetscheck/scoring';
import { pdfInfo, pdfPages, pdfText, reddish, renderInput, renderRasters, squash } from '../support/pdf';
import { sampleGemeindeApplication } from '../support/sample-application';

const createdAt = new Date('2026-11-30T09:00:00Z');
const [dialog, ressourcen, spielraum] = content.criteria;

/** Answers `value` to every question of the given criteria for a perspective. */
function answers(perspective: Perspective, byCriterion: Record<string, AnswerValue>, note?: string): AnswerSheet {
  const sheet: AnswerSheet = {};
  for (const [criterionId, value] of Object.entries(byCriterion)) {
    for (const q of pageQuestions(content, criterionId, perspective)) sheet[q.id] = { value, version: content.version, ...(note ? { note } : {}) };
  }
  return sheet;
}

const verwaltung = answers('verwaltung', { [dialog!.id]: '3', [ressourcen!.id]: '0', [spielraum!.id]: '2' }, 'Interne Notiz: Bürgermeisterin fragen');
const zivil = answers('zivilgesellschaft', { [dialog!.id]: '0', [ressourcen!.id]: '1' });
const combined = combineProfiles(content, [
  { id: '1', perspective: 'verwaltung', answers: verwaltung },
  { id: '2', perspective: 'zivilgesellschaft', answers: zivil },
]);

describe('QualitätsCheck report PDF', () => {
  it('shows the own profile as numbers, the strengths, suggestions for weak criteria and what is open', async () => {
    const own = assess(content, 'verwaltung', verwaltung);
    const bytes = await renderQualityReportPdf({
      title: 'Bürgerhaushalt Wiesenbach 2027',
      organisation: 'Gemeinde Wiesenbach',
      content,
      own,
      combined,
      respondents: [
        { name: 'Sabine Krause', perspective: 'verwaltung', answered: own.progress.answered, total: own.progress.total },
        { name: 'Tom Richter', perspective: 'zivilgesellschaft', answered: 7, total: 30 },
      ],
      createdAt,
    });
    const text = squash(pdfText(bytes));
    expect(text).toContain('QualitätsCheck Beteiligung: Bürgerhaushalt Wiesenbach 2027');
    expect(text).toContain('Gemeinde Wiesenbach · Fassung 2026-1 · Stand 30.11.2026');
    expect(text).toContain('Ihr Ergebnis aus Sicht „Verwaltung“');
    expect(text).toContain(`${own.progress.answered} von ${own.progress.total} Aussagen beantwortet.`);
    // Dialogbereitschaft: all "trifft voll zu" → 100; Ressourcen: all "gar nicht" → 0, with its suggestions.
    expect(text).toContain('Dialogbereitschaft und -fähigkeit (100 von 100 Punkten)');
    expect(text).toContain(`${ressourcen!.title} (0 von 100 Punkten)`);
    expect(text).toContain(squash(ressourcen!.suggestions[0]!.text));
    expect(text).toContain('Beteiligungsformat – Zukunftswerkstatt:');
    expect(text).toContain(`Noch offen: ${own.missing.length} Aussagen`);
    // The combined section names the divergence and who answered.
    expect(text).toContain('Gemeinsames Profil der Runde');
    expect(text).toMatch(/Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./);
    expect(text).toContain('Tom Richter – Zivilgesellschaft, 7 von 30 Aussagen beantwortet');
    // Notes are personal and stay out of the report.
    expect(text).not.toContain('Bürgermeisterin fragen');
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('QualitätsCheck Beteiligung – Bürgerhaushalt Wiesenbach 2027');
    const pages = pdfPages(bytes);
    expect(pages.at(-1)).toContain(`QualitätsCheck – Seite ${pages.length} von ${pages.length}`);
  });

  it('prints the profile table row by row with score and rating', async () => {
    const own = assess(content, 'verwaltung', verwaltung);
    const bytes = await renderQualityReportPdf({ title: '', organisation: null, content, own, combined: null, respondents: [], createdAt });
    const lines = pdfText(bytes, { layout: true }).split('\n');
    const row = lines.find((l) => l.includes('Inhaltliche Gestaltungsspielräume') && /\b67\b/.test(l));
    expect(row, 'row of Gestaltungsspielräume with 67 points').toBeDefined();
    expect(row).toContain('Teilweise erfüllt');
    expect(squash(pdfText(bytes))).not.toContain('Gemeinsames Profil der Runde');
  });
});

describe('QualitätsCheck annex to the application PDF', () => {
  const annex: QualityAnnexInput = { title: 'Bürgerhaushalt Wiesenbach 2027', content, combined, respondents: [] };

  it('appends the combined profile after the form, with its own page labels', async () => {
    const input = renderInput(sampleGemeindeApplication(), { includeEligibilityAnnex: false });
    const without = await renderApplicationPdf(input);
    const withAnnex = await renderApplicationPdf({ ...input, qualityAnnex: [annex] });
    const before = pdfPages(without);
    const after = pdfPages(withAnnex);
    expect(after.length).toBeGreaterThan(before.length);
    // The form's pages are unchanged; the annex follows.
    expect(after.slice(0, before.length).map(squash)).toEqual(before.map(squash));
    const annexText = squash(after.slice(before.length).join(' '));
    expect(annexText).toContain(`${qualityAnnexHeading} – Bürgerhaushalt Wiesenbach 2027`);
    expect(annexText).toContain('2 Personen: Verwaltung 1, Zivilgesellschaft 1');
    expect(annexText).toMatch(/Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./);
    expect(annexText).toContain(`Anlage QualitätsCheck – Seite 1 von ${after.length - before.length}`);
    expect(annexText).not.toContain('Bürgermeisterin fragen');
    expect(pdfInfo(withAnnex).Title).toBe(pdfInfo(without).Title);
    expect(squash(pdfText(without))).not.toContain(qualityAnnexHeading);
  });

  it('marks the annex pages of a draft "Entwurf" like every page of the form', async () => {
    const input = renderInput(sampleGemeindeApplication(), { includeEligibilityAnnex: false, draft: true });
    const draftBytes = await renderApplicationPdf({ ...input, qualityAnnex: [annex] });
    const pages = pdfPages(draftBytes);
    const annexPages = pages.filter((p) => squash(p).includes('Anlage QualitätsCheck – Seite'));
    expect(annexPages.length).toBeGreaterThan(0);
    for (const page of annexPages) expect(squash(page)).toContain(DRAFT_HEADER);
    // A complete application's annex carries no marking.
    const finalBytes = await renderApplicationPdf({ ...input, draft: false, qualityAnnex: [annex] });
    expect(squash(pdfPages(finalBytes).at(-1)!)).not.toContain(DRAFT_HEADER);
    // The diagonal watermark (pdftotext skips diagonal text): clearly more red on the draft's annex page.
    const draftRaster = renderRasters(draftBytes, 30).at(-1)!;
    const finalRaster = renderRasters(finalBytes, 30).at(-1)!;
    expect(reddish(draftRaster) - reddish(finalRaster)).toBeGreaterThan(0.01);
  });

  it('leaves a PDF untouched when nothing is attached', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await appendQualityAnnex(bytes, [])).toBe(bytes);
  });
});
