/**
 * Named, pure conditions of the directive. Criteria and the questionnaire's guards call these, and
 * each is tested on its own (tests/unit/frl-predicates.test.ts).
 */
import { programmePartOf, type Landkreis, type OrganisationKind } from '../shared/organisation';
import { routeInfo, type FundingRoute } from './routes';

// ---- applicant ----------------------------------------------------------------------------

/** Gemeinden, Städte, kreisfreie Städte and Landkreise (FRL Teil 2 A III). */
export const isGebietskoerperschaft = (kind: OrganisationKind) => programmePartOf(kind) === 'A';

/** Gemeinnützige Vereine, Verbände, Stiftungen, gGmbH (FRL Teil 2 B III). */
export const isZivilgesellschaftlicherTraeger = (kind: OrganisationKind) => programmePartOf(kind) === 'B';

export const isEligibleKind = (kind: OrganisationKind) => programmePartOf(kind) !== null;

/** The route belongs to the programme part of the applicant's kind. */
export const routeFitsApplicant = (route: FundingRoute, kind: OrganisationKind) => routeInfo[route].part === programmePartOf(kind);

export const isSeatedInSaxony = (landkreis: Landkreis) => landkreis !== 'außerhalb Sachsens';

// ---- dates --------------------------------------------------------------------------------

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Number of calendar years the period touches: 15.12.2026–10.01.2027 touches 2. */
export function calendarYearsCovered(start: string, end: string): number {
  return parts(end)[0] - parts(start)[0] + 1;
}

/** The calendar years of the period, in order. */
export function calendarYearsOf(start: string, end: string): number[] {
  const first = parts(start)[0];
  return Array.from({ length: calendarYearsCovered(start, end) }, (_, i) => first + i);
}

/**
 * The last day of a period of `months` months starting on `start` (§ 187 Abs. 2, § 188 Abs. 2 and 3
 * BGB): 01.03.2026 + 12 → 28.02.2027; 31.01.2026 + 1 → 28.02.2026 (the day is missing in February).
 */
export function lastDayOfMonths(start: string, months: number): string {
  const [y, m, d] = parts(start);
  const targetMonthIndex = m - 1 + months;
  const targetYear = y + Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  if (d > daysInTarget) return new Date(Date.UTC(targetYear, targetMonth, daysInTarget)).toISOString().slice(0, 10);
  // Otherwise the period ends the day before the same calendar day `months` later.
  return new Date(Date.UTC(targetYear, targetMonth, d) - 86_400_000).toISOString().slice(0, 10);
}

/** True when the period start–end (both inclusive) lasts at most `months` months. */
export const lastsAtMostMonths = (start: string, end: string, months: number) => end <= lastDayOfMonths(start, months);

/** Whole months a period touches, rounded up (for messages): 01.03.–31.03. → 1. */
export function monthsSpanned(start: string, end: string): number {
  let months = 1;
  while (!lastsAtMostMonths(start, end, months)) months += 1;
  return months;
}

/** The planned start lies before the day of the check (ISO dates compare as text). */
export const startsBefore = (start: string, date: string) => start < date;

// ---- statements ---------------------------------------------------------------------------

/** Text that says "none" in one of the usual ways names no programme ("keine", "–", "entfällt"). */
const saysNone = /^(keine?s?|nein|entfällt|nicht zutreffend|k\.?\s?a\.?|n\.?\s?a\.?|[-–—/.]+)\.?$/i;

/** Whether a free-text answer names a programme at all (and does not merely say "none"). */
export const namesAProgramme = (text: string) => {
  const trimmed = text.trim();
  return /\p{L}.*\p{L}/u.test(trimmed) && !saysNone.test(trimmed);
};

// ---- money (integer cents, rates in basis points) -----------------------------------------

/** grant / eligible ≤ rate, decided in integers: 9.000,00 of 10.000,00 at 90 % is within. */
export const isWithinRate = (grantCents: number, eligibleCents: number, rateBasisPoints: number) =>
  grantCents * 10_000 <= eligibleCents * rateBasisPoints;

/** The rate in basis points, rounded up so 90,001 % does not display as 90 %. */
export const rateBasisPoints = (grantCents: number, eligibleCents: number) =>
  eligibleCents === 0 ? 0 : Math.ceil((grantCents * 10_000) / eligibleCents);

/** Rounds down to full euros (Annahme aus der sächsischen Formularpraxis). */
export const floorToEuro = (cents: number) => Math.floor(cents / 100) * 100;

/** The largest grant the rate allows, in full euros. */
export const maxGrantByRate = (eligibleCents: number, rateBasisPoints: number) =>
  floorToEuro(Math.floor((eligibleCents * rateBasisPoints) / 10_000));

/** The cap for the route: per year × calendar years for 1.2, 1.3 and B; total for 1.1. */
export function capFor(route: FundingRoute, capCents: number, calendarYears: number): number {
  return routeInfo[route].durationUnit === 'calendarYears' ? capCents * Math.max(1, calendarYears) : capCents;
}

/**
 * The largest grant the directive allows: min(rate × eligible expenditure, cap), in full euros
 * rounded down (FRL Teil 2 A V Nr. 2 and 5, Teil 2 B V Nr. 2 and 4).
 */
export const proposedGrant = (eligibleCents: number, rateBp: number, capCents: number) =>
  floorToEuro(Math.min(maxGrantByRate(eligibleCents, rateBp), capCents));

/**
 * The largest grant the whole plan allows, so that taking it breaks no financing rule:
 * the rate and the cap (proposedGrant); earmarked third-party money and other public funding
 * reduce the grant (ANBest-K/ANBest-P Nr. 1.2); and in Teil 2 B the in-kind contributions may
 * make up at most their share of the own share (FRL Teil 2 B V Nr. 5), so the own share must be
 * at least in-kind ÷ share. Full euros, rounded down.
 */
export function proposedGrantForPlan(plan: {
  eligibleCents: number;
  rateBp: number;
  capCents: number;
  /** Expenditure the financing must cover (Teil 2 A: without in-kind). */
  balanceTotalCents: number;
  earmarkedCents: number;
  otherPublicCents: number;
  /** Teil 2 B only: in-kind that counts towards the own share, and its maximum share. */
  inKindCents: number;
  inKindShareBp: number | null;
}): number {
  let grant = proposedGrant(plan.eligibleCents, plan.rateBp, plan.capCents);
  grant = Math.min(grant, floorToEuro(Math.max(0, plan.balanceTotalCents - plan.earmarkedCents - plan.otherPublicCents)));
  if (plan.inKindShareBp !== null && plan.inKindShareBp > 0 && plan.inKindCents > 0) {
    const minimumOwnShare = Math.ceil((plan.inKindCents * 10_000) / plan.inKindShareBp);
    grant = Math.min(grant, floorToEuro(Math.max(0, plan.balanceTotalCents - minimumOwnShare)));
  }
  return grant;
}

/** In-kind contributions may make up at most half of the own share (FRL Teil 2 B V Nr. 5). */
export const inKindWithinShare = (inKindCents: number, ownShareCents: number, maxShareBp: number) =>
  inKindCents * 10_000 <= ownShareCents * maxShareBp;

/** The most in-kind that may count towards the given own share. */
export const maxInKind = (ownShareCents: number, maxShareBp: number) => Math.floor((ownShareCents * maxShareBp) / 10_000);

/** Municipalities may start after the application arrives below 1 Mio €, others below 100.000 €. */
export const earlyStartAllowed = (totalCents: number, thresholdCents: number) => totalCents < thresholdCents;
