/**
 * The sample applications (db/demo/applications.ts) plus the derived values the PDF needs. Each
 * call returns a fresh copy; tests may change it freely.
 */
import { createHash } from 'node:crypto';
import type { StoredAttachment } from '../../machines/frl/application/enclosures';
import { applicationToFacts, totalsFor } from '../../machines/frl/application/facts';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { gemeindeOrganisation, sampleGemeindeApplication, sampleVereinApplication, vereinOrganisation } from '../../db/demo/applications';

import { evaluate, type EligibilityResult } from '../../machines/frl/engine';
import { factsSchema } from '../../machines/frl/facts';
import { shippedParameters, type ParameterTable } from '../../machines/frl/parameters';
import type { BudgetTotals } from '../../machines/frl/application/budget';

export { gemeindeOrganisation, sampleGemeindeApplication, sampleVereinApplication, vereinOrganisation };

/** The reference date of the samples (the day the application is checked and printed). */
export const SAMPLE_DATE = '2026-11-22';
export const SAMPLE_CREATED_AT = new Date('2026-11-22T10:30:00+01:00');

export interface SampleDerived {
  totals: BudgetTotals;
  eligibility: EligibilityResult;
  parameters: ParameterTable;
}

/** Totals and eligibility result as the app computes them for the sample date. */
export function deriveSample(data: ApplicationData, date = SAMPLE_DATE, parameters: ParameterTable = shippedParameters): SampleDerived {
  const totals = totalsFor(data, parameters, date);
  const facts = factsSchema.parse(
    applicationToFacts(data, parameters, date, { documentTypes: ['unterstuetzungsschreiben', 'freistellungsbescheid'] }),
  );
  return { totals, eligibility: evaluate(date, facts, { parameters }), parameters };
}

/** Sets the own cash so that the financing plan balances (for samples changed by a test). */
export function balanceOwnCash(data: ApplicationData, date = SAMPLE_DATE, parameters: ParameterTable = shippedParameters): ApplicationData {
  data.budget.ownCashCents = 0;
  const gap = totalsFor(data, parameters, date).gapCents;
  data.budget.ownCashCents = Math.max(0, gap);
  return data;
}

/** Stored documents as the demo data attaches them (placeholder files; size and hash are examples). */
export function sampleAttachments(types: readonly string[]): StoredAttachment[] {
  return types.map((type, i) => ({
    type,
    fileName: `${type}-beispiel.pdf`,
    sizeBytes: 1200 + i * 37,
    sha256: createHash('sha256').update(type).digest('hex'),
  }));
}

/**
 * The stress case of issue 23: the Gemeinde sample with 200 cost lines of varied, partly long
 * descriptions, balanced; used by tests and `npm run bench -- pdf`.
 */
export function stressApplication(lines = 200): ApplicationData {
  const data = sampleGemeindeApplication();
  const categories = ['honorare', 'oeffentlichkeitsarbeit', 'raum-technik', 'verpflegung', 'sachmittel', 'reisekosten', 'personal'];
  const text =
    'Moderation, Dokumentation und Nachbereitung der Bürgerwerkstatt im Ortsteil mit barrierefreiem Zugang und Übersetzung in Leichte Sprache ';
  data.budget.lines = Array.from({ length: lines }, (_, i) => ({
    id: `s${i}`,
    category: categories[i % categories.length]!,
    description: `${i + 1}. ${text.repeat(1 + (i % 3)).slice(0, 40 + ((i * 37) % 260))}`.trim(),
    kind: i % 4 === 0 ? ('pauschal' as const) : ('menge' as const),
    quantityMilli: i % 4 === 0 ? undefined : 1000 * (1 + (i % 5)),
    unitPriceCents: i % 4 === 0 ? undefined : 2500 + i * 10,
    amountCents: i % 4 === 0 ? 10_000 + i * 100 : undefined,
    year: 2027,
  }));
  data.budget.requestedGrantCents = undefined;
  return balanceOwnCash(data);
}

/** 30 parts of 2 000 characters with emoji – the schema's maximum for the field "Bausteine". */
export function maximumTextApplication(): ApplicationData {
  const data = sampleVereinApplication();
  const sentence = 'Bürgerinnen und Bürger planen den Dorfplatz gemeinsam 🤝 ';
  const description = [...sentence.repeat(40)].slice(0, 2000).join('');
  data.project.parts = Array.from({ length: 30 }, (_, i) => ({
    id: `t${i}`,
    title: `Baustein ${i + 1} ${'Titel '.repeat(40)}`.slice(0, 200),
    description,
  }));
  return data;
}
