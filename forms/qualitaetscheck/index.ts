import type { PDFDocument } from 'pdf-lib';
import {
  combinedStrengths,
  combinedWeaknesses,
  ratingText,
  respondentsText,
  scoreCell,
  scoreText,
} from '../../machines/qualitaetscheck/report';
import { perspectiveInfo, type Perspective, type QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import {
  answerLabel,
  describeDivergence,
  type CombinedProfile,
  type QualityCheckResult,
  type ResolvedSuggestion,
} from '../../machines/qualitaetscheck/scoring';
import { formatDateTime } from '../../machines/shared/format';
import { applyMetadata } from '../fill';
import { ReportWriter } from '../pdf/report-writer';

/**
 * The QualitätsCheck as PDF: the personal report (own profile, strengths, suggestions, open
 * questions, the reader's own notes, and the round's combined profile) and the annex to the
 * application PDF (the combined profile only – nobody's notes).
 */

export interface Respondent {
  /** Shown in the personal report only; the annex never names people. */
  name: string | null;
  perspective: Perspective;
  answered: number;
  total: number;
}

export interface QualityReportInput {
  /** The name of the project the check is about; may be empty. */
  title: string;
  organisation: string | null;
  content: QualityCheckContent;
  /** The reader's own result, or null (e.g. an organisation member who has not answered). */
  own: QualityCheckResult | null;
  /** The round's combined profile; shown when more than one person answered. */
  combined: CombinedProfile | null;
  respondents: Respondent[];
  createdAt: Date;
}

export interface QualityAnnexInput {
  title: string;
  content: QualityCheckContent;
  combined: CombinedProfile;
  respondents: Array<Pick<Respondent, 'perspective' | 'answered' | 'total'>>;
}

/** "30.11.2026, 10:00" in Europe/Berlin */
const dateOf = (date: Date) => formatDateTime(date.toISOString());

const suggestionLine = (s: ResolvedSuggestion) => `${s.kindLabel}${s.format ? ` – ${s.format.label}` : ''}: ${s.text}`;

function combinedSection(w: ReportWriter, content: QualityCheckContent, combined: CombinedProfile, level: 1 | 2) {
  const sub = (level + 1) as 2 | 3;
  w.paragraph(
    `Antworten: ${respondentsText(combined.respondentsByPerspective)}. Gezeigt wird je Kriterium der Mittelwert aller Antworten und der Mittelwert je Sichtweise (0 bis 100 Punkte).`,
    { size: 9, color: [0.33] },
  );
  w.table(
    [
      { header: 'Kriterium', width: 165 },
      { header: 'Gesamt (Punkte)', width: 55, align: 'right' },
      { header: 'Sichtweisen (Punkte)', width: 175 },
      { header: 'Einschätzung', width: w.contentWidth - 395 },
    ],
    combined.criteria.map((c) => [
      c.title,
      scoreCell(c.mean),
      c.byPerspective.map((s) => `${perspectiveInfo[s.perspective].label} ${s.mean}`).join(', ') || '–',
      `${ratingText(c.rating)}${c.divergent ? '; Sichtweisen gehen auseinander' : ''}`,
    ]),
  );
  w.heading('Wo die Sichtweisen auseinandergehen', sub);
  if (combined.disagreements.length === 0) {
    w.paragraph(
      combined.criteria.some((c) => c.byPerspective.length >= 2)
        ? 'Bei keinem Kriterium liegen die Sichtweisen deutlich auseinander.'
        : 'Ein Vergleich ist möglich, sobald Personen aus mindestens zwei Sichtweisen geantwortet haben.',
    );
  } else {
    for (const c of combined.disagreements) {
      w.paragraph(c.title, { face: 'bold', after: 1, keepWithNext: 12 });
      w.paragraph(describeDivergence(c) ?? '', { indent: 12 });
    }
  }
  const strengths = combinedStrengths(combined);
  const weaknesses = combinedWeaknesses(content, combined);
  w.heading('Stärken', sub);
  w.paragraph(
    strengths.length
      ? strengths.map((c) => `${c.title} (${scoreText(c.mean)})`).join('; ')
      : 'Noch kein Kriterium erreicht die Schwelle für eine Stärke.',
  );
  w.heading('Entwicklungsfelder und Anregungen', sub);
  if (!weaknesses.length) w.paragraph('Kein Kriterium liegt unter der Schwelle für ein Entwicklungsfeld.');
  for (const c of weaknesses) {
    w.paragraph(`${c.title} (${scoreText(c.mean)})`, { face: 'bold', after: 1, keepWithNext: 24 });
    w.bullets(c.suggestions.map(suggestionLine), { indent: 12, size: 9 });
  }
}

/** The personal report: own profile and suggestions, then the round's combined profile. */
export async function renderQualityReportPdf(input: QualityReportInput): Promise<Uint8Array> {
  const { content, own, combined } = input;
  // A tagged PDF (headings, lists, tables in reading order) for screen readers.
  const w = await ReportWriter.create({ tagged: true });
  w.heading(`${content.title}${input.title ? `: ${input.title}` : ''}`, 1);
  w.paragraph([input.organisation, `Fassung ${content.version}`, `Stand ${dateOf(input.createdAt)}`].filter(Boolean).join(' · '), {
    size: 9,
    color: [0.33],
  });
  w.paragraph(content.disclaimer, { size: 9 });

  if (own) {
    w.heading(`Ihr Ergebnis aus Sicht „${perspectiveInfo[own.perspective].label}“`, 2);
    w.paragraph(`${own.progress.answered} von ${own.progress.total} Aussagen beantwortet.`);
    w.bars(own.profile.map((p) => ({ title: p.title, bars: [{ label: ratingText(p.rating), value: p.score, text: scoreText(p.score) }] })));
    w.table(
      [
        { header: 'Kriterium', width: 200 },
        { header: 'Punkte', width: 50, align: 'right' },
        { header: 'Einschätzung', width: 120 },
        { header: 'Beantwortet', width: w.contentWidth - 370 },
      ],
      own.profile.map((p) => [
        p.title,
        scoreCell(p.score),
        ratingText(p.rating),
        `${p.answered} von ${p.total}${p.notApplicable ? ` (${p.notApplicable} nicht anwendbar)` : ''}`,
      ]),
    );
    w.heading('Ihre Stärken', 3);
    w.paragraph(
      own.strengths.length
        ? own.strengths.map((p) => `${p.title} (${scoreText(p.score)})`).join('; ')
        : 'Noch kein Kriterium erreicht die Schwelle für eine Stärke.',
    );
    w.heading('Entwicklungsfelder und Anregungen', 3);
    if (!own.weaknesses.length) w.paragraph('Kein Kriterium liegt unter der Schwelle für ein Entwicklungsfeld.');
    for (const weak of own.weaknesses) {
      w.paragraph(`${weak.title} (${scoreText(weak.score)})`, { face: 'bold', after: 1, keepWithNext: 24 });
      w.paragraph(weak.explanation, { size: 9, indent: 12, after: 2 });
      w.bullets(weak.suggestions.map(suggestionLine), { indent: 12, size: 9 });
    }
    if (own.notes.length) {
      w.heading('Ihre Notizen', 3);
      w.paragraph('Nur in Ihrem eigenen Bericht; im gemeinsamen Profil und in der Anlage zum Antrag stehen keine Notizen.', {
        size: 9,
        color: [0.33],
      });
      w.bullets(
        own.notes.map((n) => `${n.criterionTitle}: ${n.text} – ${n.value ? answerLabel[n.value] : 'ohne Antwort'}. Notiz: ${n.note}`),
        { size: 9 },
      );
    }
    if (own.missing.length) {
      w.heading(`Noch offen: ${own.missing.length} ${own.missing.length === 1 ? 'Aussage' : 'Aussagen'}`, 3);
      w.bullets(
        own.missing.map((q) => `${q.criterionTitle}: ${q.text}`),
        { size: 9 },
      );
    }
    const kept = own.otherPerspective.length + own.formerVersion.length;
    if (kept) {
      w.heading('Aufbewahrte Antworten', 3);
      w.paragraph(
        `${kept} ${kept === 1 ? 'Antwort gehört' : 'Antworten gehören'} zu einer anderen Sichtweise oder einer früheren Fassung. Sie bleiben gespeichert, zählen aber nicht in diesem Ergebnis.`,
      );
    }
  }

  if (combined && combined.respondents > 1) {
    w.heading('Gemeinsames Profil der Runde', 2);
    combinedSection(w, content, combined, 2);
    w.heading('Wer geantwortet hat', 3);
    w.bullets(
      input.respondents.map(
        (r) => `${r.name ?? 'Ohne Namen'} – ${perspectiveInfo[r.perspective].label}, ${r.answered} von ${r.total} Aussagen beantwortet`,
      ),
      { size: 9 },
    );
  }
  w.heading('Herkunft der Kriterien', 3);
  w.paragraph(content.source, { size: 9 });

  const doc = await w.finish((page, total) => `QualitätsCheck – Seite ${page} von ${total}`);
  applyMetadata(doc, {
    title: `${content.title}${input.title ? ` – ${input.title}` : ''}`,
    author: input.organisation ?? 'Förderlotse Bürgerbeteiligung',
    subject: `Ergebnis des QualitätsChecks, Fassung ${content.version}, Stand ${dateOf(input.createdAt)}`,
    keywords: ['QualitätsCheck', 'Bürgerbeteiligung', 'Qualitätskriterien'],
    language: 'de-DE',
    createdAt: input.createdAt,
  });
  return doc.save({ useObjectStreams: true, addDefaultPage: false });
}

export const qualityAnnexHeading = 'Anlage: QualitätsCheck Beteiligung';

/**
 * Appends the annex to a filled application form, written straight into its document: one section
 * per attached check, combined profile only. The form's stamp adds footers and the draft marking
 * to these pages like to every other page.
 */
export async function appendQualityAnnex(target: PDFDocument, annexes: readonly QualityAnnexInput[]): Promise<void> {
  if (!annexes.length) return;
  const w = new ReportWriter(target);
  annexes.forEach((annex, index) => {
    if (index > 0) w.newPage();
    w.heading(`${qualityAnnexHeading}${annex.title ? ` – ${annex.title}` : ''}`, 1);
    w.paragraph(`Fassung ${annex.content.version} · freiwillige Selbsteinschätzung der antragstellenden Organisation`, {
      size: 9,
      color: [0.33],
    });
    w.paragraph(annex.content.disclaimer, { size: 9 });
    combinedSection(w, annex.content, annex.combined, 1);
  });
  await w.finish(null);
}
