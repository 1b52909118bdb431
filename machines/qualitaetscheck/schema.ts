import { z } from 'zod';
import { participationFormats } from '../shared/participation';

/**
 * The shape of QualitätsCheck content. Content is plain, JSON-compatible data: EBBS or ministry
 * staff publish a new version as a JSON file without a code change, and `parseQualityCheckContent`
 * checks it and names every problem with its path. Answers are keyed by question id, so ids must
 * stay stable across versions; a question whose meaning changes gets a new id.
 */

export const perspectives = ['verwaltung', 'zivilgesellschaft', 'politik', 'prozessgestaltende'] as const;
export type Perspective = (typeof perspectives)[number];

export const perspectiveInfo: Record<Perspective, { label: string; description: string }> = {
  verwaltung: {
    label: 'Verwaltung',
    description:
      'Sie arbeiten in einer Gemeinde-, Stadt- oder Kreisverwaltung und verantworten das Vorhaben fachlich oder organisatorisch.',
  },
  zivilgesellschaft: {
    label: 'Zivilgesellschaft',
    description:
      'Sie engagieren sich in einem Verein, einer Initiative oder als Einwohnerin oder Einwohner und bringen sich in das Vorhaben ein.',
  },
  politik: {
    label: 'Politik',
    description: 'Sie gehören einem Gemeinde-, Stadt-, Orts- oder Kreisrat an oder sind Bürgermeisterin oder Bürgermeister.',
  },
  prozessgestaltende: {
    label: 'Prozessgestaltung',
    description:
      'Sie planen, moderieren oder begleiten das Beteiligungsverfahren, zum Beispiel als Beteiligungsbüro oder externe Moderation.',
  },
};

export const isPerspective = (value: unknown): value is Perspective =>
  typeof value === 'string' && (perspectives as readonly string[]).includes(value);

export const suggestionKinds = ['format', 'ressourcen', 'zeitplanung', 'sonstiges'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];
export const suggestionKindLabel: Record<SuggestionKind, string> = {
  format: 'Beteiligungsformat',
  ressourcen: 'Ressourcen',
  zeitplanung: 'Zeitplanung',
  sonstiges: 'Weitere Anregung',
};

/** Page names the check flow uses itself; no criterion may take them as id. */
export const reservedPageIds = ['perspektive', 'ergebnis'] as const;

const knownFormatIds = new Set(participationFormats.map((f) => f.id));

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z
  .string({ error: 'Bitte geben Sie eine Kennung an.' })
  .regex(idPattern, {
    error: 'Eine Kennung besteht aus Kleinbuchstaben (a–z), Ziffern und einzelnen Bindestrichen, zum Beispiel „transparenz-ergebnisse“.',
  })
  .max(60, { error: 'Eine Kennung hat höchstens 60 Zeichen.' });

/** A text; `what` in the accusative ("den Titel"), `subject` in the nominative ("Der Titel"). */
const text = (what: string, subject: string, max: number) =>
  z
    .string({ error: `Bitte geben Sie ${what} als Text an.` })
    .trim()
    .min(1, { error: `Bitte geben Sie ${what} an.` })
    .max(max, { error: `${subject} hat höchstens ${max} Zeichen.` });

const isoDate = z
  .string({ error: 'Bitte geben Sie das Datum als Text im Format JJJJ-MM-TT an.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Bitte geben Sie das Datum im Format JJJJ-MM-TT an, zum Beispiel 2026-03-01.' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    error: 'Dieses Datum gibt es nicht.',
  });

export const questionSchema = z.strictObject({
  id,
  text: text('den Text der Frage', 'Der Text der Frage', 400),
  /** An optional explanation shown below the question. */
  hint: text('den Hinweis', 'Der Hinweis', 600).optional(),
  perspectives: z
    .array(z.enum(perspectives, { error: `Erlaubt sind nur die Perspektiven ${perspectives.join(', ')}.` }), {
      error: 'Bitte geben Sie die Perspektiven als Liste an.',
    })
    .min(1, { error: 'Bitte nennen Sie mindestens eine Perspektive, für die die Frage gilt.' })
    .refine((list) => new Set(list).size === list.length, { error: 'Jede Perspektive darf nur einmal genannt werden.' }),
});
export type Question = z.infer<typeof questionSchema>;

export const suggestionSchema = z
  .strictObject({
    id,
    kind: z.enum(suggestionKinds, { error: `Erlaubt sind nur die Arten ${suggestionKinds.join(', ')}.` }),
    text: text('den Text der Anregung', 'Der Text der Anregung', 600),
    /** For kind "format": the id of a format in the participation formats catalogue. */
    formatId: z.string({ error: 'Bitte geben Sie die Kennung des Formats als Text an.' }).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === 'format' && s.formatId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['formatId'],
        message: 'Eine Anregung der Art „format“ braucht die Kennung eines Formats aus dem Formatkatalog.',
      });
    }
    if (s.kind !== 'format' && s.formatId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['formatId'], message: 'Nur Anregungen der Art „format“ verweisen auf ein Format.' });
    }
    if (s.formatId !== undefined && !knownFormatIds.has(s.formatId)) {
      ctx.addIssue({ code: 'custom', path: ['formatId'], message: `Das Format „${s.formatId}“ steht nicht im Formatkatalog.` });
    }
  });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const minQuestionsPerCriterion = 3;
export const maxQuestionsPerCriterion = 5;
export const minQuestionsPerPerspective = 2;

export const criterionSchema = z
  .strictObject({
    id: id.refine((v) => !(reservedPageIds as readonly string[]).includes(v), {
      error: `Die Kennungen ${reservedPageIds.join(' und ')} sind für Seiten des Checks reserviert.`,
    }),
    title: text('den Titel des Kriteriums', 'Der Titel des Kriteriums', 120),
    /** One sentence: what the criterion means. */
    explanation: text('die Erläuterung des Kriteriums', 'Die Erläuterung des Kriteriums', 400),
    questions: z
      .array(questionSchema, { error: 'Bitte geben Sie die Fragen als Liste an.' })
      .min(minQuestionsPerCriterion, { error: `Jedes Kriterium braucht mindestens ${minQuestionsPerCriterion} Fragen.` })
      .max(maxQuestionsPerCriterion, { error: `Jedes Kriterium hat höchstens ${maxQuestionsPerCriterion} Fragen.` }),
    suggestions: z
      .array(suggestionSchema, { error: 'Bitte geben Sie die Anregungen als Liste an.' })
      .min(2, { error: 'Jedes Kriterium braucht mindestens 2 Anregungen.' })
      .max(4, { error: 'Jedes Kriterium hat höchstens 4 Anregungen.' }),
  })
  .superRefine((criterion, ctx) => {
    for (const perspective of perspectives) {
      const count = criterion.questions.filter((q) => q.perspectives.includes(perspective)).length;
      if (count < minQuestionsPerPerspective) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions'],
          message: `Für die Perspektive „${perspectiveInfo[perspective].label}“ gibt es nur ${count} Frage(n); nötig sind mindestens ${minQuestionsPerPerspective}.`,
        });
      }
    }
  });
export type Criterion = z.infer<typeof criterionSchema>;

/** Points from 0 to 100; `what` in the accusative, `subject` in the nominative. */
const points = (what: string, subject: string) =>
  z
    .number({ error: `Bitte geben Sie ${what} als Zahl an.` })
    .int({ error: `Bitte geben Sie ${what} als ganze Zahl an.` })
    .min(0, { error: `${subject} liegt zwischen 0 und 100 Punkten.` })
    .max(100, { error: `${subject} liegt zwischen 0 und 100 Punkten.` });

export const thresholdsSchema = z
  .strictObject({
    /** A criterion scoring at least this is a strength. */
    strength: points('die Schwelle für Stärken', 'Die Schwelle für Stärken'),
    /** A criterion scoring below this is weak and gets suggestions. */
    weak: points('die Schwelle für Entwicklungsfelder', 'Die Schwelle für Entwicklungsfelder'),
    /** Perspectives whose mean scores differ by at least this many points differ strongly. */
    divergence: points('die Schwelle für abweichende Sichtweisen', 'Die Schwelle für abweichende Sichtweisen'),
  })
  .refine((t) => t.weak < t.strength, { error: 'Die Schwelle für Entwicklungsfelder muss unter der Schwelle für Stärken liegen.' });
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const qualityCheckContentSchema = z
  .strictObject({
    /** Version label, e.g. "2026-1": year and running number. */
    version: z
      .string({ error: 'Bitte geben Sie die Fassung als Text an.' })
      .regex(/^\d{4}-\d{1,3}$/, { error: 'Die Fassung besteht aus Jahr und laufender Nummer, zum Beispiel „2026-1“.' }),
    publishedOn: isoDate,
    title: text('den Titel', 'Der Titel', 120),
    introduction: text('die Einleitung', 'Die Einleitung', 1500),
    /** What the check is not (no influence on a funding decision). */
    disclaimer: text('den Hinweis zur Einordnung', 'Der Hinweis zur Einordnung', 800),
    /** Where the structure comes from; the questions are our own wording. */
    source: text('die Quellenangabe', 'Die Quellenangabe', 600),
    thresholds: thresholdsSchema,
    criteria: z
      .array(criterionSchema, { error: 'Bitte geben Sie die Kriterien als Liste an.' })
      .min(1, { error: 'Bitte geben Sie mindestens ein Kriterium an.' }),
  })
  .superRefine((content, ctx) => {
    const seen = (kind: string, seenIds: Map<string, string>, value: string, where: string, path: (string | number)[]) => {
      const earlier = seenIds.get(value);
      if (earlier)
        ctx.addIssue({ code: 'custom', path, message: `Die Kennung „${value}“ kommt doppelt vor (${kind}, schon bei ${earlier}).` });
      else seenIds.set(value, where);
    };
    const criterionIds = new Map<string, string>();
    const questionIds = new Map<string, string>();
    content.criteria.forEach((criterion, c) => {
      seen('Kriterium', criterionIds, criterion.id, `criteria[${c}]`, ['criteria', c, 'id']);
      const suggestionIds = new Map<string, string>();
      criterion.questions.forEach((question, q) => {
        seen('Frage', questionIds, question.id, `criteria[${c}].questions[${q}]`, ['criteria', c, 'questions', q, 'id']);
      });
      criterion.suggestions.forEach((suggestion, s) => {
        seen('Anregung', suggestionIds, suggestion.id, `criteria[${c}].suggestions[${s}]`, ['criteria', c, 'suggestions', s, 'id']);
      });
    });
  });
export type QualityCheckContent = z.infer<typeof qualityCheckContentSchema>;

const typeNames: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  boolean: 'Wahrheitswert',
  array: 'Liste',
  object: 'Objekt',
  undefined: 'nichts',
  null: 'null',
};
const typeOf = (input: unknown) => (input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

/** German messages for the generic cases the schema does not word itself. */
const germanErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'Dieses Feld fehlt.'
        : `Erwartet wird ${typeNames[issue.expected] ?? issue.expected}, gefunden wurde ${typeNames[typeOf(issue.input)] ?? typeOf(issue.input)}.`;
    case 'unrecognized_keys':
      return `Unbekanntes Feld: ${issue.keys.map((k) => `„${k}“`).join(', ')}.`;
    case 'invalid_value':
      return `Erlaubt sind nur: ${issue.values.map(String).join(', ')}.`;
    default:
      return undefined;
  }
};

/** "criteria[2].questions[0].text" – the path as it reads in the JSON file. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Adds the id of the criterion a path points into, so a reader finds it in a long file. */
function describePath(path: readonly PropertyKey[], input: unknown): string {
  const where = jsonPath(path) || '(gesamter Inhalt)';
  if (path[0] !== 'criteria' || typeof path[1] !== 'number') return where;
  const criteria = (input as { criteria?: unknown } | null)?.criteria;
  const criterion = Array.isArray(criteria) ? (criteria[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof criterion?.id === 'string' ? `${where} (Kriterium „${criterion.id}“)` : where;
}

export type ContentParseResult = { ok: true; content: QualityCheckContent } | { ok: false; errors: string[] };

/**
 * Checks untrusted content (a JSON text or an already parsed value) and returns it typed, or every
 * problem as a German message that starts with its path, e.g.
 * "criteria[2].questions[0].perspectives (Kriterium „gestaltungsspielraum“): …".
 */
export function parseQualityCheckContent(json: unknown): ContentParseResult {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      return { ok: false, errors: [`Der Inhalt ist kein gültiges JSON${detail}.`] };
    }
  }
  const result = qualityCheckContentSchema.safeParse(input, { error: germanErrors });
  if (result.success) return { ok: true, content: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${describePath(issue.path, input)}: ${issue.message}`) };
}
