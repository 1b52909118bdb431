import { parseAllDocuments, stringify } from 'yaml';
import { thousandsSeparatorProblems, thousandsSeparatorProblemsInText } from '../case-text';
import type { EligibilityResult } from '../engine';
import { suiteCaseSchema, type ParsedCase } from '../suite';
import { describeIssues } from '../facts';
import { describeJsonError, yamlErrorPosition, yamlErrorSentence } from '../../shared/syntax-errors';

/**
 * The test bench reads what ministry staff paste or upload: the CLI's JSON case
 * (`{ referenceDate, facts }`), or a YAML case – with or without the suite's `name` and `expect`.
 * Problems come back as German sentences that name the line or the field.
 */

export type BenchInput = { kind: 'case'; value: unknown } | { kind: 'suite'; case: ParsedCase } | { kind: 'error'; messages: string[] };

const isSuiteShaped = (value: unknown) => typeof value === 'object' && value !== null && ('expect' in value || 'name' in value);

export function readBenchInput(text: string, sourceName = 'Eingabe'): BenchInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'error', messages: ['Bitte geben Sie einen Fall ein oder laden Sie eine Datei hoch.'] };
  // Positions are counted in the text as entered, blank lines before the case included.
  const leading = text.length - text.trimStart().length;
  let value: unknown;
  if (trimmed.startsWith('{')) {
    try {
      value = JSON.parse(trimmed);
    } catch {
      const { position, sentence } = describeJsonError(text, leading);
      return { kind: 'error', messages: [`Der Fall ist kein gültiges JSON${position ? ` (${position})` : ''}: ${sentence}`] };
    }
    // JSON.parse reads 10.000 as 10 without a trace; the source text shows the thousands separator.
    const ambiguous = thousandsSeparatorProblemsInText(trimmed);
    if (ambiguous.length) return { kind: 'error', messages: ambiguous };
  } else {
    const documents = parseAllDocuments(trimmed, { prettyErrors: true });
    const list = Array.isArray(documents) ? documents : [documents];
    if (list.length !== 1) {
      return {
        kind: 'error',
        messages: [
          `Die Eingabe enthält ${list.length} YAML-Dokumente; der Prüfstand prüft einen Fall auf einmal. Die ganze Suite läuft über „Alle Fälle der Suite ausführen“.`,
        ],
      };
    }
    const doc = list[0]!;
    if (doc.errors.length) {
      return {
        kind: 'error',
        messages: doc.errors.map(
          (e) => `Der Fall ist kein gültiges YAML (${yamlErrorPosition(e, text, leading)}): ${yamlErrorSentence(e)}`,
        ),
      };
    }
    try {
      value = doc.toJS();
    } catch {
      // An alias (*name) without its anchor (&name), or aliases nested beyond any sensible size.
      return {
        kind: 'error',
        messages: ['Der Fall ist kein gültiges YAML: Ein Verweis (*Name) nennt keinen Anker (&Name), der vor ihm gesetzt ist.'],
      };
    }
    const ambiguous = thousandsSeparatorProblems(doc);
    if (ambiguous.length) return { kind: 'error', messages: ambiguous };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'error', messages: ['Der Fall muss ein Objekt mit „referenceDate“ und „facts“ sein.'] };
  }
  if (isSuiteShaped(value)) {
    const parsed = suiteCaseSchema.safeParse(value);
    if (!parsed.success) return { kind: 'error', messages: describeIssues(parsed.error) };
    return { kind: 'suite', case: { source: sourceName, case: parsed.data } };
  }
  return { kind: 'case', value };
}

/**
 * A case as a YAML document for tests/cases/: the facts as entered and, as expectation, the
 * verdict and every unmet criterion of the current result (named by id, which is unique). When
 * the person states another verdict than today's result, that verdict is the expectation alone:
 * the case then records what the rules should decide, and fails until they do.
 */
export function caseAsYaml(input: {
  name: string;
  description?: string;
  referenceDate: string;
  facts: unknown;
  result: EligibilityResult;
  expectedVerdict?: EligibilityResult['verdict'];
}): string {
  const differs = input.expectedVerdict !== undefined && input.expectedVerdict !== input.result.verdict;
  const unmet = differs ? [] : input.result.findings.filter((f) => f.status === 'nicht_erfuellt');
  return stringify(
    {
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      referenceDate: input.referenceDate,
      facts: input.facts,
      expect: {
        verdict: input.expectedVerdict ?? input.result.verdict,
        ...(differs ? {} : { findings: unmet.map((f) => ({ criterion: f.id, status: 'nicht erfüllt' })) }),
      },
    },
    { lineWidth: 0 },
  );
}
