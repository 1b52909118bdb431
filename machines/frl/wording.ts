import { formatEuro, formatEuroWhole, formatPercentBasisPoints } from '../shared/format';
import type { ProgrammePart } from '../shared/organisation';
import { durationParameterOf, type DatedValue, type ParameterId } from './parameters';
import { routeInfo, type FundingRoute } from './routes';

/**
 * Texts that name an amount, a rate or a duration take it from the parameter in force on the
 * reference date, never from a number typed into the sentence: the ministry changes parameters in
 * the Regelwerk, and every explanation, fix and help text follows. A text that names a parameter
 * is a `Phrase` – a function of the `ParameterWords` – and is said with `say`.
 */

export interface ParameterWords {
  /** "5.000 €" */
  euro(id: ParameterId): string;
  /** "5.000 Euro" – simple language spells out the currency. */
  euroInWords(id: ParameterId): string;
  /** "90 %" */
  percent(id: ParameterId): string;
  /** "90 Prozent" */
  percentInWords(id: ParameterId): string;
  /** What remains to 100 %: "10 %" for a rate of 90 %. */
  remainderPercent(id: ParameterId): string;
  remainderPercentInWords(id: ParameterId): string;
  /** "12 Monate", "1 Monat" */
  months(id: ParameterId): string;
  /** "3 Kalenderjahre", "1 Kalenderjahr" */
  calendarYears(id: ParameterId): string;
  /** "13,90 € je Stunde" */
  perHour(id: ParameterId): string;
}

export type Phrase = string | ((words: ParameterWords) => string);

/** A sentence in both registers, each possibly naming parameters. */
export interface PhraseTexts {
  verwaltung: Phrase;
  einfach: Phrase;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const inWords = (formatted: string, unit: string, word: string) => formatted.replace(`\u00a0${unit}`, `\u00a0${word}`);

const wordsCache = new WeakMap<Record<ParameterId, DatedValue>, ParameterWords>();

/** The words for the parameter values in force (as `resolveParameters` returns them). */
export function wordsFor(params: Record<ParameterId, DatedValue>): ParameterWords {
  let words = wordsCache.get(params);
  if (words) return words;
  const value = (id: ParameterId) => params[id].value;
  words = {
    euro: (id) => formatEuroWhole(value(id)),
    euroInWords: (id) => inWords(formatEuroWhole(value(id)), '€', 'Euro'),
    percent: (id) => formatPercentBasisPoints(value(id)),
    percentInWords: (id) => inWords(formatPercentBasisPoints(value(id)), '%', 'Prozent'),
    remainderPercent: (id) => formatPercentBasisPoints(10_000 - value(id)),
    remainderPercentInWords: (id) => inWords(formatPercentBasisPoints(10_000 - value(id)), '%', 'Prozent'),
    months: (id) => plural(value(id), 'Monat', 'Monate'),
    calendarYears: (id) => plural(value(id), 'Kalenderjahr', 'Kalenderjahre'),
    perHour: (id) => `${formatEuro(value(id))} je Stunde`,
  };
  wordsCache.set(params, words);
  return words;
}

export function say(phrase: Phrase, words: ParameterWords): string {
  return typeof phrase === 'string' ? phrase : phrase(words);
}

export function sayTexts(texts: PhraseTexts, words: ParameterWords): { verwaltung: string; einfach: string } {
  return { verwaltung: say(texts.verwaltung, words), einfach: say(texts.einfach, words) };
}

// ---- help texts of the Förder-Check and the application that name parameters -------------------

/** How long a route may run: "in der Regel bis zu 12 Monate" / "bis zu 3 Kalenderjahre". */
export function routeDuration(route: FundingRoute, words: ParameterWords): string {
  const id = durationParameterOf[route];
  return routeInfo[route].durationUnit === 'months' ? `in der Regel bis zu ${words.months(id)}` : `bis zu ${words.calendarYears(id)}`;
}

/** The route's description with its duration, for the choice of the route. */
export function routeDescription(route: FundingRoute, words: ParameterWords): string {
  return `${routeInfo[route].description}, ${routeDuration(route, words)}.`;
}

/** The duration rule of the chosen route, for the schedule step. */
export function durationHint(route: FundingRoute, words: ParameterWords): string {
  const clause = route === 'B' ? 'FRL Teil 2 B V Nr. 3' : 'FRL Teil 2 A V Nr. 4';
  const countsYears = routeInfo[route].durationUnit === 'calendarYears' ? '; jedes angefangene Jahr zählt' : '';
  return `${routeInfo[route].label}: ${routeDuration(route, words)}${countsYears} (${clause}).`;
}

/** Every route's duration at once, for the Förder-Check's question about the period. */
export function durationsHint(words: ParameterWords): string {
  return (
    `Einzelvorhaben laufen ${routeDuration('A1.1', words)}, Modellkommune ${routeDuration('A1.2', words)}, ` +
    `Bürgerkommune ${routeDuration('A1.3', words)}, Vorhaben der Zivilgesellschaft ${routeDuration('B', words)} ` +
    '(FRL Teil 2 A V Nr. 4, Teil 2 B V Nr. 3).'
  );
}

/** The rate and the minimum, for the Förder-Check's question about the costs. */
export function grantLimitsHint(words: ParameterWords): string {
  return `Die Zuwendung beträgt höchstens ${words.percent('grant.maxRate')} der zuwendungsfähigen Ausgaben und mindestens ${words.euro('grant.minimum')} (FRL Teil 2 A V Nr. 2 und 5, Teil 2 B V Nr. 2 und 4). Grobe Schätzungen genügen.`;
}

/** The same in short, under the field for the wished grant. */
export function grantFieldHint(words: ParameterWords): string {
  return `Höchstens ${words.percent('grant.maxRate')} der Kosten, mindestens ${words.euro('grant.minimum')}.`;
}

/**
 * How the largest possible grant is worked out, after the amount itself. `part` decides whether
 * in-kind contributions count (Teil 2 B only); `cap` is the cap of the project when known.
 */
export function proposalBasis(words: ParameterWords, part: ProgrammePart | null, cap?: string | null): string {
  const inKind =
    part === 'A'
      ? null
      : `${part === 'B' ? '' : 'bei Vorhaben der Zivilgesellschaft '}so bemessen, dass unbare Leistungen höchstens ${words.percent('inKind.maxShareOfOwnContribution')} des Eigenanteils ausmachen`;
  return `${words.percent('grant.maxRate')} der zuwendungsfähigen Ausgaben, höchstens ${cap ?? 'der Höchstbetrag'}, abzüglich zweckgebundener Mittel Dritter und anderer öffentlicher Mittel${inKind ? `; ${inKind}` : ''}; auf volle Euro abgerundet`;
}

/** The in-kind rules, for the budget step (`wage`: the minimum wage in force, when known). */
export function inKindHint(words: ParameterWords, wage: string | null): string {
  return `Ehrenamtliche Stunden (nur unterstützendes Engagement) werden mit dem gesetzlichen Mindestlohn des Monats bewertet, in dem sie geleistet werden (${wage ? `derzeit ${wage}` : 'gesetzlicher Mindestlohn'}); Räume mit der ortsüblichen Miete. Sie stehen auf beiden Seiten des Plans und dürfen höchstens ${words.percent('inKind.maxShareOfOwnContribution')} des Eigenanteils ausmachen (FRL Teil 2 B V Nr. 5).`;
}
