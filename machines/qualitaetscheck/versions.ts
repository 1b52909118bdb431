import { qualityCheckContentArchive } from './content';
import { perspectiveInfo, type Perspective, type QualityCheckContent } from './schema';
import { questionsFor, type PlacedQuestion } from './scoring';

/**
 * Content versions: the version in the code (2026-1) is the first; EBBS or ministry staff publish
 * later ones as data. Labels are "year-number" and order numerically ("2026-10" after "2026-9").
 */

const labelPattern = /^(\d{4})-(\d{1,3})$/;

/** Negative when `a` is older than `b`; labels that do not parse sort first. */
export function compareVersionLabels(a: string, b: string): number {
  const pa = labelPattern.exec(a);
  const pb = labelPattern.exec(b);
  if (!pa || !pb) return (pa ? 1 : 0) - (pb ? 1 : 0) || a.localeCompare(b);
  return Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2]);
}

/** The label after the newest one: "2026-1" → "2026-2"; in a later year "2027-1". */
export function nextVersionLabel(existing: readonly string[], today: string): string {
  const year = Number(today.slice(0, 4));
  const newest = [...existing].sort(compareVersionLabels).at(-1);
  const match = newest ? labelPattern.exec(newest) : null;
  if (!match || Number(match[1]) < year) return `${year}-1`;
  return `${match[1]}-${Number(match[2]) + 1}`;
}

/**
 * Every published version, oldest first: the code's archive, then the published ones in label
 * order. A published version with a label the code already has is ignored (the code wins).
 */
export function contentArchive(
  published: readonly QualityCheckContent[],
  code: readonly QualityCheckContent[] = qualityCheckContentArchive,
): QualityCheckContent[] {
  const known = new Set(code.map((c) => c.version));
  const extra = published.filter((c) => !known.has(c.version));
  return [...code, ...extra].sort((a, b) => compareVersionLabels(a.version, b.version));
}

/** The version new checks use: the newest. */
export const currentOf = (archive: readonly QualityCheckContent[]): QualityCheckContent => archive[archive.length - 1]!;

export type PublishProblem = string;

/** Why a candidate may not be published on top of the archive (German), or an empty list. */
export function publishProblems(candidate: QualityCheckContent, archive: readonly QualityCheckContent[]): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const newest = currentOf(archive);
  if (archive.some((c) => c.version === candidate.version)) {
    problems.push(
      `Die Fassung „${candidate.version}“ gibt es schon. Bitte vergeben Sie eine neue Fassungsbezeichnung, zum Beispiel „${nextVersionLabel(
        archive.map((c) => c.version),
        candidate.publishedOn,
      )}“.`,
    );
  } else if (compareVersionLabels(candidate.version, newest.version) < 0) {
    problems.push(
      `Die Fassung „${candidate.version}“ ist älter als die aktuelle Fassung „${newest.version}“. Eine neue Fassung braucht eine höhere Bezeichnung.`,
    );
  }
  return problems;
}

export interface ChangedQuestion extends PlacedQuestion {
  previousText: string;
}

export interface PerspectiveChange extends PlacedQuestion {
  added: Perspective[];
  removed: Perspective[];
}

export interface ContentChange {
  fromVersion: string;
  toVersion: string;
  addedCriteria: Array<{ id: string; title: string }>;
  removedCriteria: Array<{ id: string; title: string }>;
  addedQuestions: PlacedQuestion[];
  /** Answers to these stay stored and are reported as "gehört zu einer früheren Fassung". */
  removedQuestions: PlacedQuestion[];
  /** Same id, other wording: answers carry over, so the meaning must stay the same. */
  rewordedQuestions: ChangedQuestion[];
  perspectiveChanges: PerspectiveChange[];
  thresholdsChanged: boolean;
  /** Nothing a respondent would notice in the questions. */
  questionsUnchanged: boolean;
}

const allQuestions = (content: QualityCheckContent): PlacedQuestion[] =>
  content.criteria.flatMap((c) => c.questions.map((q) => ({ criterionId: c.id, criterionTitle: c.title, questionId: q.id, text: q.text })));

/** What publishing `to` on top of `from` changes for respondents (for the editor's preview). */
export function describeContentChange(from: QualityCheckContent, to: QualityCheckContent): ContentChange {
  const before = new Map(allQuestions(from).map((q) => [q.questionId, q]));
  const after = new Map(allQuestions(to).map((q) => [q.questionId, q]));
  const perspectivesOf = (content: QualityCheckContent, id: string) =>
    content.criteria.flatMap((c) => c.questions).find((q) => q.id === id)?.perspectives ?? [];
  const criterionIds = (content: QualityCheckContent) => new Set(content.criteria.map((c) => c.id));
  const fromIds = criterionIds(from);
  const toIds = criterionIds(to);
  const rewordedQuestions: ChangedQuestion[] = [];
  const perspectiveChanges: PerspectiveChange[] = [];
  for (const [id, question] of after) {
    const earlier = before.get(id);
    if (!earlier) continue;
    if (earlier.text !== question.text) rewordedQuestions.push({ ...question, previousText: earlier.text });
    const was = perspectivesOf(from, id);
    const now = perspectivesOf(to, id);
    const added = now.filter((p) => !was.includes(p));
    const removed = was.filter((p) => !now.includes(p));
    if (added.length || removed.length) perspectiveChanges.push({ ...question, added, removed });
  }
  const change: Omit<ContentChange, 'questionsUnchanged'> = {
    fromVersion: from.version,
    toVersion: to.version,
    addedCriteria: to.criteria.filter((c) => !fromIds.has(c.id)).map((c) => ({ id: c.id, title: c.title })),
    removedCriteria: from.criteria.filter((c) => !toIds.has(c.id)).map((c) => ({ id: c.id, title: c.title })),
    addedQuestions: [...after.values()].filter((q) => !before.has(q.questionId)),
    removedQuestions: [...before.values()].filter((q) => !after.has(q.questionId)),
    rewordedQuestions,
    perspectiveChanges,
    thresholdsChanged: JSON.stringify(from.thresholds) !== JSON.stringify(to.thresholds),
  };
  return {
    ...change,
    questionsUnchanged:
      !change.addedQuestions.length && !change.removedQuestions.length && !rewordedQuestions.length && !perspectiveChanges.length,
  };
}

/** "Verwaltung, Politik" */
export const perspectiveList = (list: readonly Perspective[]) => list.map((p) => perspectiveInfo[p].label).join(', ');

/** How many questions each perspective answers in a version (for the editor's overview). */
export function questionCounts(content: QualityCheckContent): Record<Perspective, number> {
  return Object.fromEntries((Object.keys(perspectiveInfo) as Perspective[]).map((p) => [p, questionsFor(content, p).length])) as Record<
    Perspective,
    number
  >;
}
