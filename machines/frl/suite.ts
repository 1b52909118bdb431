import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { thousandsSeparatorProblems } from './case-text';
import { statusLabel, statuses, type Status } from './criterion';
import {
  CaseError,
  evaluate,
  parseCase,
  verdictLabel,
  verdicts,
  type EligibilityResult,
  type EvaluateOptions,
  type Verdict,
} from './engine';
import { criteria } from './criteria/index';
import { describeIssues } from './facts';

/**
 * YAML test cases a ministry lawyer can read and extend: a name, a reference date, the facts, the
 * expected verdict and the expected findings, named by clause (citation) or criterion id.
 * Statuses and verdicts may be written as in the UI ("nicht erfüllt", "Nicht förderfähig").
 */

const statusByWord = new Map<string, Status>(
  statuses.flatMap(
    (s) =>
      [
        [s, s],
        [statusLabel[s], s],
      ] as Array<[string, Status]>,
  ),
);
const verdictByWord = new Map<string, Verdict>(
  verdicts.flatMap(
    (v) =>
      [
        [v, v],
        [verdictLabel[v].toLowerCase(), v],
      ] as Array<[string, Verdict]>,
  ),
);

const expectedFindingSchema = z
  .strictObject({
    citation: z.string().optional(),
    criterion: z.string().optional(),
    status: z.string().refine((s) => statusByWord.has(s.trim()), {
      error: `Status muss einer von ${statuses.map((s) => `„${statusLabel[s]}“`).join(', ')} sein.`,
    }),
  })
  .refine((f) => f.citation || f.criterion, { error: 'Jede erwartete Feststellung braucht citation oder criterion.' });

/** The verdict a suite case expects ("nicht_foerderfaehig" or its German words), if it names one. */
export const expectedVerdictOf = (c: SuiteCase): Verdict | undefined =>
  c.expect.verdict ? verdictByWord.get(c.expect.verdict.trim().toLowerCase()) : undefined;

export const suiteCaseSchema = z.strictObject({
  name: z.string().min(1, { error: 'Der Fall braucht einen Namen.' }),
  description: z.string().optional(),
  referenceDate: z.unknown(),
  facts: z.unknown(),
  expect: z.strictObject({
    verdict: z
      .string()
      .refine((v) => verdictByWord.has(v.trim().toLowerCase()), {
        error: `Erwartetes Ergebnis muss eines von ${verdicts.join(', ')} sein.`,
      })
      .optional(),
    findings: z.array(expectedFindingSchema).default([]),
  }),
});
export type SuiteCase = z.output<typeof suiteCaseSchema>;

export interface CaseOutcome {
  name: string;
  source: string;
  passed: boolean;
  failures: string[];
  result: EligibilityResult | null;
}

export interface ParsedCase {
  source: string;
  case?: SuiteCase;
  error?: string;
}

/** Reads every YAML document of a file; syntax and shape errors are reported per document. */
export function parseSuiteFile(text: string, fileName: string): ParsedCase[] {
  const documents = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [documents];
  return list.map((doc, index) => {
    const source = list.length > 1 ? `${fileName}#${index + 1}` : fileName;
    if (doc.errors.length) return { source, error: `YAML-Fehler: ${doc.errors.map((e) => e.message).join('; ')}` };
    // 10.000 would be read as 10: refused before the numbers are used.
    const ambiguous = thousandsSeparatorProblems(doc);
    if (ambiguous.length) return { source, error: ambiguous.join('; ') };
    // Dates stay strings: YAML 1.2 core schema does not turn 2026-11-22 into a Date.
    const parsed = suiteCaseSchema.safeParse(doc.toJS());
    if (!parsed.success) return { source, error: describeIssues(parsed.error).join('; ') };
    return { source, case: parsed.data };
  });
}

function matchingCriteria(expected: { citation?: string; criterion?: string }) {
  if (expected.criterion) return criteria.filter((c) => c.id === expected.criterion);
  const wanted = expected.citation!.replace(/\s+/g, ' ').trim();
  return criteria.filter((c) => c.clauses.includes(wanted));
}

/** Runs one case and compares verdict and findings; every mismatch is a sentence. */
export function runCase(parsed: ParsedCase, options: EvaluateOptions = {}): CaseOutcome {
  const name = parsed.case?.name ?? parsed.source;
  if (!parsed.case) return { name, source: parsed.source, passed: false, failures: [parsed.error ?? 'unlesbar'], result: null };
  const c = parsed.case;
  let result: EligibilityResult;
  try {
    const { referenceDate, facts } = parseCase({ referenceDate: c.referenceDate, facts: c.facts });
    result = evaluate(referenceDate, facts, options);
  } catch (error) {
    const problems = error instanceof CaseError ? error.problems : [String(error)];
    return { name, source: parsed.source, passed: false, failures: problems, result: null };
  }
  const failures: string[] = [];
  if (c.expect.verdict) {
    const expected = verdictByWord.get(c.expect.verdict.trim().toLowerCase())!;
    if (result.verdict !== expected) {
      failures.push(`Ergebnis: erwartet „${verdictLabel[expected]}“, erhalten „${verdictLabel[result.verdict]}“.`);
    }
  }
  for (const expected of c.expect.findings) {
    const label = expected.criterion ?? expected.citation!;
    const matches = matchingCriteria(expected);
    if (matches.length === 0) {
      failures.push(`${label}: kein Kriterium mit dieser ${expected.criterion ? 'Kennung' : 'Fundstelle'}.`);
      continue;
    }
    if (matches.length > 1) {
      failures.push(`${label}: passt auf mehrere Kriterien (${matches.map((m) => m.id).join(', ')}); bitte „criterion“ angeben.`);
      continue;
    }
    const finding = result.findings.find((f) => f.id === matches[0]!.id)!;
    const wanted = statusByWord.get(expected.status.trim())!;
    if (finding.status !== wanted) {
      failures.push(
        `${label} (${finding.id}): erwartet „${statusLabel[wanted]}“, erhalten „${statusLabel[finding.status]}“${finding.detail ? ` – ${finding.detail}` : ''}.`,
      );
    }
  }
  return { name, source: parsed.source, passed: failures.length === 0, failures, result };
}

/** Serialises a case (e.g. from the test bench) as YAML text for the suite. */
export { stringify as toYaml } from 'yaml';
