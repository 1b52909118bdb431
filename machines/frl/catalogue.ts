import { formatDate, formatEuroWhole } from '../shared/format';
import {
  citationOf,
  formatRate,
  severityLabel,
  severityMeaning,
  topicLabel,
  topics,
  wordingOf,
  type Criterion,
  type CriterionWording,
} from './criterion';
import { criteria } from './criteria/index';
import { directiveVersionOn, directiveVersions } from './engine';
import { resolveParameters, valueOn, type ParameterDefinition, type ParameterTable } from './parameters';
import { routeInfo } from './routes';

/**
 * One source, two readers: the rule catalogue as data for the app's rules page and as Markdown for
 * docs/rules.md, both generated from the criteria the engine runs.
 */

export function formatParameterValue(definition: ParameterDefinition, value: number): string {
  switch (definition.unit) {
    case 'cents':
      return formatEuroWhole(value);
    case 'centsPerHour':
      return `${formatEuroWhole(value)} je Stunde`;
    case 'basisPoints':
      return formatRate(value);
    case 'months':
      return `${value} Monate`;
    case 'calendarYears':
      return `${value} Kalenderjahre`;
  }
}

/** Every dated value of a parameter as the Regelwerk lists it, the one in force on `date` marked. */
export function parameterValueRows(definition: ParameterDefinition, date: string) {
  const current = valueOn(definition, date);
  return definition.values.map((v) => ({
    from: v.from,
    value: formatParameterValue(definition, v.value),
    reference: v.reference,
    assumption: v.assumption ?? null,
    publication: v.publication ?? null,
    inForce: v === current,
  }));
}

/** A criterion as the catalogue shows it on a date: title and explanations with the parameters then in force. */
export type WordedCriterion = Omit<Criterion, 'title' | 'explanation'> & CriterionWording;

export function wordedCriteria(table: ParameterTable, date: string): WordedCriterion[] {
  const params = resolveParameters(table, date);
  return criteria.map((criterion) => ({ ...criterion, ...wordingOf(criterion, params) }));
}

export function applicabilityOf(criterion: Pick<Criterion, 'routes' | 'parts'>): string {
  if (criterion.routes) return criterion.routes.map((r) => `${routeInfo[r].label} (${routeInfo[r].clause})`).join(', ');
  if (criterion.parts.length === 2) return 'alle Förderwege';
  return criterion.parts[0] === 'A' ? 'Kommunen (Teil 2 A)' : 'Zivilgesellschaft (Teil 2 B)';
}

export interface CatalogueParameter {
  id: string;
  label: string;
  current: string;
  values: Array<{ from: string; value: string; reference: string; assumption?: string }>;
}

export function parameterEntries(table: ParameterTable, date: string): CatalogueParameter[] {
  return Object.values(table).map((definition) => ({
    id: definition.id,
    label: definition.label,
    current: (() => {
      const value = valueOn(definition, date);
      return value ? formatParameterValue(definition, value.value) : '–';
    })(),
    values: definition.values.map((v) => ({
      from: v.from,
      value: formatParameterValue(definition, v.value),
      reference: v.reference,
      ...(v.assumption ? { assumption: v.assumption } : {}),
    })),
  }));
}

/** The date whose parameter values docs/rules.md shows as current. */
export const catalogueDocDate = '2026-11-22';

/** The catalogue as Markdown; `date` selects the parameter values shown as current. */
export function catalogueMarkdown(table: ParameterTable, date: string): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Regelkatalog FRL Bürgerbeteiligung',
    '',
    '<!-- Erzeugt aus machines/frl/ mit `npm run rules:doc`. Nicht von Hand bearbeiten; ein Test prüft, dass diese Datei aktuell ist. -->',
    '',
    `Stand der Richtlinie: ${directiveVersionOn(date).label}. Parameter mit Stand ${formatDate(date)}.`,
    '',
    'Jedes Kriterium wird bei jeder Prüfung ausgewertet (kein vorzeitiger Abbruch) und ist dann',
    '„erfüllt“, „nicht erfüllt“, „noch offen“ oder „trifft nicht zu“. Die Schwere sagt, was ein nicht',
    'erfülltes Kriterium bedeutet:',
    '',
    ...(['ausschluss', 'begruendung', 'hinweis'] as const).map((s) => `- **${severityLabel[s]}**: ${severityMeaning[s]}.`),
    '',
    'Einträge mit **Annahme** beruhen nicht auf einer Quelle; das Ministerium kann sie ändern.',
    '',
    '## Fassungen der Richtlinie',
    '',
    ...directiveVersions.map((v) => `- ab ${formatDate(v.from)}: ${v.label}${'assumption' in v ? ` – **Annahme:** ${v.assumption}` : ''}`),
    '',
  );
  const worded = wordedCriteria(table, date);
  for (const topic of topics) {
    const items = worded.filter((c) => c.topic === topic);
    if (!items.length) continue;
    push(`## ${topicLabel[topic]}`, '');
    for (const c of items) {
      push(
        `### ${c.title}`,
        '',
        `- Kennung: \`${c.id}\``,
        `- Fundstelle: ${citationOf(c)}`,
        `- Schwere: ${severityLabel[c.severity]}`,
        `- Gilt für: ${applicabilityOf(c)}`,
      );
      if (c.parameters?.length) {
        push(
          `- Parameter: ${c.parameters
            .map((id) => {
              const def = table[id];
              const value = valueOn(def, date);
              return `${def.label} = ${value ? formatParameterValue(def, value.value) : '–'}${value ? ` (${value.reference}, ab ${formatDate(value.from)})` : ''}`;
            })
            .join('; ')}`,
        );
      }
      if (c.assumption) push(`- **Annahme:** ${c.assumption}`);
      push(
        '',
        `Erfüllt: ${c.explanation.erfuellt.verwaltung}`,
        `*Einfach:* ${c.explanation.erfuellt.einfach}`,
        '',
        `Nicht erfüllt: ${c.explanation.nicht_erfuellt.verwaltung}`,
        `*Einfach:* ${c.explanation.nicht_erfuellt.einfach}`,
        '',
      );
    }
  }
  push('## Parameter', '', '| Parameter | gilt ab | Wert | Fundstelle |', '|---|---|---|---|');
  for (const p of parameterEntries(table, date)) {
    for (const v of p.values) {
      push(
        `| ${p.label} (\`${p.id}\`) | ${formatDate(v.from)} | ${v.value} | ${v.reference}${v.assumption ? ` – Annahme: ${v.assumption}` : ''} |`,
      );
    }
  }
  push('');
  return lines.join('\n');
}
