/**
 * Good examples ("Gute Beispiele"): projects that show how a method works in practice. The entries
 * here are fictional demo entries written by the Förderlotse team, marked as such on every page,
 * until editors publish real ones (issue 17.2). Content is data, checked by `exampleSchema`.
 */
import { z } from 'zod';
import { fundingRoutes } from '../frl/public';
import { landkreise, organisationKinds } from '../shared/organisation';

export const budgetRanges = {
  'bis-10000': { label: 'bis 10.000 €', max: 10000 },
  'bis-35000': { label: '10.001 bis 35.000 €', max: 35000 },
  'bis-80000': { label: '35.001 bis 80.000 €', max: 80000 },
  'ueber-80000': { label: 'über 80.000 €', max: Number.MAX_SAFE_INTEGER },
} as const;
export type BudgetRange = keyof typeof budgetRanges;

export const MAX_EXAMPLE_IMAGES = 6;

const paragraph = z.string().trim().min(20).max(3000);

export const exampleSchema = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80),
  title: z.string().trim().min(5).max(200),
  /** Demo entries are labelled on every page; real entries come from editors. */
  fictional: z.boolean(),
  place: z.string().trim().min(2).max(120),
  landkreis: z.enum(landkreise),
  organisationKind: z.enum(organisationKinds),
  fundingRoute: z.enum(fundingRoutes),
  year: z.number().int().min(2022).max(2100),
  methodSlugs: z.array(z.string()).min(1).max(6),
  peopleReached: z.number().int().positive().max(1_000_000),
  budgetRange: z.enum(Object.keys(budgetRanges) as [BudgetRange, ...BudgetRange[]]),
  summary: z.string().trim().min(20).max(400),
  whatWorked: z.array(paragraph).min(1).max(6),
  doDifferently: z.array(paragraph).min(1).max(6),
  /** Shown only when the person consented; demo entries have none. */
  contact: z.strictObject({ name: z.string().min(2).max(120), email: z.email(), consent: z.literal(true) }).nullable(),
  /** Pictures uploaded by editors (ADR 0073): the stored image's id and its alt text, which is required. */
  images: z
    .array(z.strictObject({ id: z.number().int().positive(), alt: z.string().trim().min(5).max(300) }))
    .max(MAX_EXAMPLE_IMAGES)
    .optional(),
});
export type GoodExample = z.infer<typeof exampleSchema>;

export const demoExamples: GoodExample[] = [
  {
    slug: 'jugendforum-talheim',
    title: 'Jugendforum „Unser Platz“ in Talheim',
    fictional: true,
    place: 'Talheim (erfundener Ort)',
    landkreis: 'Erzgebirgskreis',
    organisationKind: 'gemeinde',
    fundingRoute: 'A1.1',
    year: 2025,
    methodSlugs: ['kinder-und-jugendbeteiligung', 'planning-for-real'],
    peopleReached: 85,
    budgetRange: 'bis-10000',
    summary: 'Jugendliche planten an zwei Abenden und einem Modellnachmittag die Umgestaltung des alten Busplatzes zu einem Treffpunkt.',
    whatWorked: [
      'Die Termine legten die Jugendlichen selbst fest; gekommen sind deutlich mehr als zu früheren Einladungen der Gemeinde.',
      'Ein einfaches Pappmodell des Platzes machte Vorschläge sichtbar, auch von Jüngeren, die in der Runde wenig sagten.',
    ],
    doDifferently: ['Wir würden den Gemeinderat früher einbinden; die Zusage zur ersten Bank kam erst nach vier Monaten.'],
    contact: null,
  },
  {
    slug: 'buergerrat-mobilitaet-lindenau',
    title: 'Bürgerrat Mobilität im Ortskern von Lindenau',
    fictional: true,
    place: 'Lindenau (erfundener Ort)',
    landkreis: 'Mittelsachsen',
    organisationKind: 'stadt',
    fundingRoute: 'A1.1',
    year: 2024,
    methodSlugs: ['buergerrat', 'online-beteiligung'],
    peopleReached: 420,
    budgetRange: 'bis-35000',
    summary:
      'Dreißig geloste Einwohnerinnen und Einwohner berieten an vier Samstagen über Verkehr im Ortskern; eine Online-Umfrage ergänzte die Sitzungen.',
    whatWorked: [
      'Das Nachfassen per Telefon brachte mehr Jüngere und Menschen ohne Beteiligungserfahrung in den Rat.',
      'Der Stadtrat hatte vorher beschlossen, zu jeder Empfehlung öffentlich Stellung zu nehmen.',
    ],
    doDifferently: ['Die Umfrage lief über das Beteiligungsportal des Freistaates; wir hätten sie früher bewerben sollen.'],
    contact: null,
  },
  {
    slug: 'nachbarschaftsgespraeche-weststadt',
    title: 'Küchentischgespräche in der Weststadt',
    fictional: true,
    place: 'Weststadt (erfundener Stadtteil)',
    landkreis: 'Görlitz',
    organisationKind: 'verein',
    fundingRoute: 'B',
    year: 2025,
    methodSlugs: ['nachbarschaftsgespraeche', 'aktivierende-befragung'],
    peopleReached: 160,
    budgetRange: 'bis-10000',
    summary:
      'Ein Nachbarschaftsverein führte zwölf kleine Gesprächsrunden in Wohnungen und Höfen und brachte die Ergebnisse in den Stadtteilbeirat.',
    whatWorked: ['Gastgebende aus der Nachbarschaft öffneten Türen, die für die Verwaltung verschlossen geblieben wären.'],
    doDifferently: ['Wir hätten Dolmetschen von Anfang an eingeplant, statt es nachträglich zu organisieren.'],
    contact: null,
  },
  {
    slug: 'leitlinien-auental',
    title: 'Beteiligungsleitlinien für Auental',
    fictional: true,
    place: 'Auental (erfundene Gemeinde)',
    landkreis: 'Sächsische Schweiz-Osterzgebirge',
    organisationKind: 'gemeinde',
    fundingRoute: 'A1.2',
    year: 2024,
    methodSlugs: ['beteiligungsleitlinien', 'world-cafe'],
    peopleReached: 230,
    budgetRange: 'bis-35000',
    summary:
      'Eine Arbeitsgruppe aus Einwohnerschaft, Rat und Verwaltung schrieb in einem Jahr Leitlinien, die der Gemeinderat als Satzung beschloss.',
    whatWorked: ['Zwei öffentliche World Cafés holten Rückmeldungen zum Entwurf ein, bevor der Rat beriet.'],
    doDifferently: ['Die Arbeitsgruppe war mit zwanzig Personen zu groß; zwölf hätten genügt.'],
    contact: null,
  },
];

const bySlug = new Map(demoExamples.map((e) => [e.slug, e]));
export function exampleBySlug(slug: string): GoodExample | undefined {
  return bySlug.get(slug);
}

/** Examples that used a method, newest first. */
export function examplesWithMethod(methodSlug: string, examples: readonly GoodExample[] = demoExamples): GoodExample[] {
  return examples.filter((e) => e.methodSlugs.includes(methodSlug)).sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'de'));
}

/**
 * Similar examples: shared methods count most, then the same funding route, then a similar budget.
 * Examples sharing nothing are left out.
 */
export function similarExamples(example: GoodExample, examples: readonly GoodExample[] = demoExamples, count = 3): GoodExample[] {
  const ranges = Object.keys(budgetRanges);
  return examples
    .filter((e) => e.slug !== example.slug)
    .map((e) => ({
      e,
      score:
        3 * e.methodSlugs.filter((m) => example.methodSlugs.includes(m)).length +
        (e.fundingRoute === example.fundingRoute ? 2 : 0) +
        (Math.abs(ranges.indexOf(e.budgetRange) - ranges.indexOf(example.budgetRange)) <= 0 ? 1 : 0),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.e.title.localeCompare(b.e.title, 'de'))
    .slice(0, count)
    .map((x) => x.e);
}
