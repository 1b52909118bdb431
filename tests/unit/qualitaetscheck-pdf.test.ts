import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DRAFT_HEADER, renderApplicationPdf } from '../../forms/antrag/index';
import { appendQualityAnnex, qualityAnnexHeading, renderQualityReportPdf, type QualityAnnexInput } from '../../forms/qualitaetscheck/index';
import { qualityCheckContent as content } from '../../machines/qualitaetscheck/content';
import type { Perspective } from '../../machines/qualitaetscheck/schema';
import { assess, combineProfiles, pageQuestions, type AnswerSheet, type AnswerValue } from '../../machines/qualitaetscheck/scoring';
import { pdfInfo, pdfPages, pdfStructure, pdfText, reddish, renderInput, renderRasters, squash } from '../support/pdf';
import { sampleGemeindeApplication } from '../support/sample-application';

const createdAt = new Date('2026-11-30T09:00:00Z');
const [dialog, ressourcen, spielraum] = content.criteria;

/** Answers `value` to every question of the given criteria for a perspective. */
function answers(perspective: Perspective, byCriterion: Record<string, AnswerValue>, note?: string): AnswerSheet {
  const sheet: AnswerSheet = {};
  for (const [criterionId, value] of Object.entries(byCriterion)) {
    for (const q of pageQuestions(content, criterionId, perspective))
      sheet[q.id] = { value, version: content.version, ...(note ? { note } : {}) };
  }
  return sheet;
}

const verwaltung = answers(
  'verwaltung',
  { [dialog!.id]: '3', [ressourcen!.id]: '0', [spielraum!.id]: '2' },
  'Interne Notiz: Bürgermeisterin fragen',
);
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
    expect(text).toMatch(
      /Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./,
    );
    expect(text).toContain('Tom Richter – Zivilgesellschaft, 7 von 30 Aussagen beantwortet');
    // The reader's own notes are in their own report (issue 22).
    expect(text).toContain('Ihre Notizen');
    expect(text).toContain('Interne Notiz: Bürgermeisterin fragen');
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('QualitätsCheck Beteiligung – Bürgerhaushalt Wiesenbach 2027');
    const pages = pdfPages(bytes);
    expect(pages.at(-1)).toContain(`QualitätsCheck – Seite ${pages.length} von ${pages.length}`);
  });

  it('is a tagged PDF: headings, lists and tables in reading order, every word of the page in the structure (issue 22)', async () => {
    const own = assess(content, 'verwaltung', verwaltung);
    const bytes = await renderQualityReportPdf({
      title: 'Bürgerhaushalt Wiesenbach 2027',
      organisation: 'Gemeinde Wiesenbach',
      content,
      own,
      combined,
      respondents: [{ name: 'Sabine Krause', perspective: 'verwaltung', answered: own.progress.answered, total: own.progress.total }],
      createdAt,
    });
    const info = pdfInfo(bytes);
    expect(info.Tagged).toBe('yes');
    const structure = pdfStructure(bytes);
    const lines = structure.split('\n');
    // The tree: one document, the title as H1, sections as H2/H3, the profile table with header cells.
    expect(lines[0]).toMatch(/^Document/);
    expect(structure).toMatch(/H1[^\n]*\n\s+"QualitätsCheck Beteiligung: Bürgerhaushalt/);
    expect(structure).toMatch(/H2[^\n]*\n\s+"Ihr Ergebnis aus Sicht „Verwaltung“"/);
    expect(structure).toMatch(/Table[^\n]*\n\s+TR[^\n]*\n\s+TH:\n\s+\/Scope \/Column\n\s+"Kriterium"/);
    expect(structure).toMatch(/TR[^\n]*\n\s+TD[^\n]*\n\s+"Dialogbereitschaft und -fähigkeit"/);
    expect(structure).toMatch(/LI[^\n]*\n\s+Lbl/);
    // Every word printed on the pages belongs to the structure, except the page labels (artifacts).
    const tagged = new Set(
      squash(
        lines
          .filter((l) => /^\s*"/.test(l))
          .map((l) => l.trim().slice(1, -1))
          .join(' '),
      ).split(' '),
    );
    const printed = squash(pdfText(bytes).replace(/QualitätsCheck – Seite \d+ von \d+/g, '')).split(' ');
    expect(printed.filter((word) => !tagged.has(word))).toEqual([]);
    // Reading order: the structure's text follows the pages' text.
    const structureText = squash(
      lines
        .filter((l) => /^\s*"/.test(l))
        .map((l) => l.trim().slice(1, -1))
        .join(' '),
    );
    expect(structureText.indexOf('Ihr Ergebnis aus Sicht')).toBeLessThan(structureText.indexOf('Gemeinsames Profil der Runde'));
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

  it('appends the combined profile after the form, listed as an enclosure and numbered with the whole document', async () => {
    const input = renderInput(sampleGemeindeApplication(), { eligibility: null });
    const without = await renderApplicationPdf(input);
    const withAnnex = await renderApplicationPdf({ ...input, qualityAnnex: [annex] });
    const before = pdfPages(without);
    const after = pdfPages(withAnnex);
    expect(after.length).toBeGreaterThan(before.length);
    // The form keeps its pages (only the page totals and the list of enclosures change); the annex follows.
    const withoutTotals = (page: string) => squash(page).replace(/Seite \d+ von \d+/, '');
    const formPage = before.findIndex((p) => p.includes('8 Anlagen'));
    after.slice(0, before.length).forEach((page, i) => {
      if (i !== formPage) expect(withoutTotals(page), `Seite ${i + 1}`).toBe(withoutTotals(before[i]!));
    });
    expect(squash(after[formPage]!)).toMatch(/\d+ QualitätsCheck Beteiligung \(Selbsteinschätzung\) Teil dieses Dokuments/);
    after.forEach((page, i) => expect(squash(page)).toContain(`Seite ${i + 1} von ${after.length}`));
    const annexText = squash(after.slice(before.length).join(' '));
    expect(annexText).toContain(`${qualityAnnexHeading} – Bürgerhaushalt Wiesenbach 2027`);
    expect(annexText).toContain('2 Personen: Verwaltung 1, Zivilgesellschaft 1');
    expect(annexText).toMatch(
      /Die Sichtweisen gehen deutlich auseinander, am stärksten bei „[^“]+“: Verwaltung 100 Punkte, Zivilgesellschaft 0 Punkte\./,
    );
    expect(annexText).toContain('Antrag FRL Bürgerbeteiligung · Anlage QualitätsCheck');
    expect(annexText).not.toContain('Bürgermeisterin fragen');
    expect(pdfInfo(withAnnex).Title).toBe(pdfInfo(without).Title);
    expect(squash(pdfText(without))).not.toContain(qualityAnnexHeading);
  });

  it('marks the annex pages of a draft "Entwurf" like every page of the form', async () => {
    const input = renderInput(sampleGemeindeApplication(), { eligibility: null, draft: true });
    const draftBytes = await renderApplicationPdf({ ...input, qualityAnnex: [annex] });
    const pages = pdfPages(draftBytes);
    const annexPages = pages.filter((p) => squash(p).includes('· Anlage QualitätsCheck ·'));
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

  it('adds no page when nothing is attached', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await appendQualityAnnex(doc, []);
    expect(doc.getPageCount()).toBe(1);
  });
});
