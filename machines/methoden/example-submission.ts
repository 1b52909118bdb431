import { fundingRoutes, type FundingRoute } from '../frl/public';
import { landkreise, organisationKinds, type Landkreis, type OrganisationKind } from '../shared/organisation';
import { methodBySlug, methodForFormat, methods } from './catalogue';
import { slugBase } from './content-kinds';
import { budgetRanges, exampleSchema, type BudgetRange, type GoodExample } from './examples';

/**
 * A good example offered by a grantee from its own finished project (issue 17 Nr. 2b, issue 19
 * Nr. 5): prefilled from the application, the Bescheid and the Verwendungsnachweis, edited and
 * chosen by the grantee, public only once an editor (EBBS or ministry) approved it. The published
 * entry has the same shape as every other example (`exampleSchema`), so search, filters and
 * "similar examples" treat it alike.
 */

export const submissionStatuses = ['eingereicht', 'veroeffentlicht', 'abgelehnt', 'zurueckgezogen'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissionStatusLabel: Record<SubmissionStatus, string> = {
  eingereicht: 'Wartet auf die Redaktion',
  veroeffentlicht: 'Veröffentlicht',
  abgelehnt: 'Nicht veröffentlicht',
  zurueckgezogen: 'Zurückgezogen',
};

export const REASON_MIN_LENGTH = 10;

/** What the project already knows; every field is a suggestion the grantee may change. */
export interface SubmissionSource {
  applicationId: number;
  title: string;
  summary: string;
  goals: string;
  place: string;
  landkreis: Landkreis | null;
  organisationKind: OrganisationKind | null;
  fundingRoute: FundingRoute | null;
  formatIds: readonly string[];
  /** Last day of the approved period (ISO). */
  periodEnd: string;
  approvedTotalCents: number;
  participants: number | null;
  report: { bewertung: string; abweichungen: string; ergebnisse: string };
  contact: { name: string; email: string };
}

/** Form values, flat and as strings: what the page shows and posts back. */
export type SubmissionForm = Record<string, string>;

const paragraphs = (text: string, max = 6) =>
  text
    .split(/\n{2,}|\r\n\r\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, max)
    .map((p) => (p.length > 3000 ? `${p.slice(0, 2997)}…` : p));

export function budgetRangeOf(cents: number): BudgetRange {
  const euros = cents / 100;
  return (Object.keys(budgetRanges) as BudgetRange[]).find((k) => euros <= budgetRanges[k].max) ?? 'ueber-80000';
}

export function slugFor(title: string, applicationId: number): string {
  return `${slugBase(title) || 'beispiel'}-${applicationId}`;
}

/** The prefilled form: from the application (title, place, methods), the Bescheid (budget, year) and the Sachbericht. */
export function prefilledSubmission(s: SubmissionSource): SubmissionForm {
  const methodSlugs = [...new Set(s.formatIds.map((f) => methodForFormat(f)?.slug).filter((x): x is string => Boolean(x)))].slice(0, 6);
  const summary = (s.summary || s.goals).replace(/\s+/g, ' ').trim();
  return {
    title: s.title,
    place: s.place,
    landkreis: s.landkreis ?? '',
    organisationKind: s.organisationKind ?? '',
    fundingRoute: s.fundingRoute ?? '',
    year: s.periodEnd.slice(0, 4),
    methods: methodSlugs.join(','),
    peopleReached: s.participants ? String(s.participants) : '',
    budgetRange: budgetRangeOf(s.approvedTotalCents),
    summary: summary.length > 400 ? `${summary.slice(0, 399)}…` : summary,
    whatWorked: paragraphs(s.report.bewertung || s.report.ergebnisse).join('\n\n'),
    doDifferently: paragraphs(s.report.abweichungen).join('\n\n'),
    contact: '',
    contactName: s.contact.name,
    contactEmail: s.contact.email,
  };
}

export type SubmissionParse = { ok: true; example: GoodExample } | { ok: false; errors: Record<string, string> };

/**
 * The grantee's form as a good example, each problem in German at its field. `methods` may come
 * as several values (checkboxes) joined by commas.
 */
export function parseSubmission(form: SubmissionForm, applicationId: number): SubmissionParse {
  const errors: Record<string, string> = {};
  const get = (k: string) => (form[k] ?? '').trim();
  const title = get('title');
  if (title.length < 5 || title.length > 200) errors.title = 'Bitte geben Sie einen Titel mit 5 bis 200 Zeichen an.';
  const place = get('place');
  if (place.length < 2 || place.length > 120) errors.place = 'Bitte nennen Sie den Ort (2 bis 120 Zeichen).';
  const landkreis = landkreise.find((l) => l === get('landkreis'));
  if (!landkreis) errors.landkreis = 'Bitte wählen Sie den Landkreis oder die Kreisfreie Stadt.';
  const organisationKind = organisationKinds.find((k) => k === get('organisationKind'));
  if (!organisationKind) errors.organisationKind = 'Bitte wählen Sie die Art des Trägers.';
  const fundingRoute = fundingRoutes.find((r) => r === get('fundingRoute'));
  if (!fundingRoute) errors.fundingRoute = 'Bitte wählen Sie den Förderweg.';
  const year = Number(get('year'));
  if (!/^\d{4}$/.test(get('year')) || year < 2022 || year > 2100)
    errors.year = 'Bitte geben Sie das Jahr als vierstellige Zahl an, frühestens 2022.';
  const methodSlugs = [
    ...new Set(
      get('methods')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  if (!methodSlugs.length) errors.methods = 'Bitte wählen Sie mindestens eine Methode.';
  else if (methodSlugs.length > 6) errors.methods = 'Bitte wählen Sie höchstens sechs Methoden.';
  else if (methodSlugs.some((m) => !methodBySlug(m))) errors.methods = 'Bitte wählen Sie nur Methoden aus der Liste.';
  const people = get('peopleReached').replace(/\./g, '');
  if (!/^\d{1,7}$/.test(people) || Number(people) < 1)
    errors.peopleReached = 'Bitte geben Sie die Zahl der erreichten Menschen als ganze Zahl an, zum Beispiel 120.';
  const budgetRange = (Object.keys(budgetRanges) as BudgetRange[]).find((k) => k === get('budgetRange'));
  if (!budgetRange) errors.budgetRange = 'Bitte wählen Sie die Größenordnung des Budgets.';
  const summary = get('summary');
  if (summary.length < 20 || summary.length > 400)
    errors.summary = `Bitte fassen Sie das Vorhaben in 20 bis 400 Zeichen zusammen (jetzt ${summary.length.toLocaleString('de-DE')}).`;
  const list = (k: 'whatWorked' | 'doDifferently', what: string) => {
    const items = paragraphs(get(k), 7);
    if (!items.length || items.some((p) => p.length < 20))
      errors[k] = `Bitte schreiben Sie, ${what}: mindestens ein Absatz mit 20 Zeichen; Absätze trennen Sie durch eine Leerzeile.`;
    else if (items.length > 6) errors[k] = 'Bitte fassen Sie sich in höchstens sechs Absätzen.';
    return items;
  };
  const whatWorked = list('whatWorked', 'was gut funktioniert hat');
  const doDifferently = list('doDifferently', 'was Sie anders machen würden');
  let contact: GoodExample['contact'] = null;
  if (get('contact') === 'ja') {
    const name = get('contactName');
    const email = get('contactEmail');
    if (name.length < 2 || name.length > 120) errors.contactName = 'Bitte geben Sie den Namen der Kontaktperson an.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
      errors.contactEmail = 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.';
    contact = { name, email, consent: true };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = exampleSchema.safeParse({
    slug: slugFor(title, applicationId),
    title,
    fictional: false,
    place,
    landkreis,
    organisationKind,
    fundingRoute,
    year,
    methodSlugs,
    peopleReached: Number(people),
    budgetRange,
    summary,
    whatWorked,
    doDifferently,
    contact,
  });
  // The checks above cover the schema; a mismatch would be a bug here, said at the title.
  if (!parsed.success) return { ok: false, errors: { title: 'Die Angaben konnten nicht geprüft werden. Bitte prüfen Sie alle Felder.' } };
  return { ok: true, example: parsed.data };
}

/** The stored example back as form values (for editing a submission again). */
export function submissionFormOf(e: GoodExample): SubmissionForm {
  return {
    title: e.title,
    place: e.place,
    landkreis: e.landkreis,
    organisationKind: e.organisationKind,
    fundingRoute: e.fundingRoute,
    year: String(e.year),
    methods: e.methodSlugs.join(','),
    peopleReached: String(e.peopleReached),
    budgetRange: e.budgetRange,
    summary: e.summary,
    whatWorked: e.whatWorked.join('\n\n'),
    doDifferently: e.doDifferently.join('\n\n'),
    contact: e.contact ? 'ja' : '',
    contactName: e.contact?.name ?? '',
    contactEmail: e.contact?.email ?? '',
  };
}

/** Methods a grantee can pick (those that are also application formats, as on /beispiele). */
export const pickableMethods = methods.filter((m) => m.formatId).map((m) => ({ slug: m.slug, name: m.name }));

/** A stored example, or null when it no longer fits the schema (then it is not shown). */
export function exampleFromJson(json: string): GoodExample | null {
  try {
    const parsed = exampleSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
