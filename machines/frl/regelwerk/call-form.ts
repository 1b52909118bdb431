import { z } from 'zod';
import { formatDate } from '../../shared/format';
import { dateField, evenWithFieldErrors, longText, optionalDateField, requiredText } from '../../shared/fields';
import type { FundingCall } from '../calls';

/**
 * The form of a Förderaufruf (FRL Teil 1 IV Nr. 3) in the workbench. Lists (focus topics,
 * required documents) are typed one per line.
 */

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The fields alone (Conform reads HTML constraints from them; it cannot look through a transform). */
export const callFormFields = z.object({
  title: requiredText('den Titel des Förderaufrufs', 200),
  issuedBy: requiredText('das veröffentlichende Ministerium', 100),
  publishedOn: optionalDateField('das Datum der Veröffentlichung'),
  opensOn: optionalDateField('den Beginn der Antragstellung'),
  deadline: dateField('den Stichtag', 'Bitte geben Sie den Stichtag an, bis zu dem Anträge bei der SAB eingehen müssen.'),
  focusTopics: longText('die Schwerpunkte', 2000),
  requiredDocuments: longText(
    'die einzureichenden Unterlagen',
    4000,
    'Bitte nennen Sie die einzureichenden Unterlagen, je Zeile eine (zum Beispiel „Vorhabenbeschreibung“).',
  ),
  notes: longText('die Hinweise', 4000),
  source: requiredText('die Quelle (Bekanntmachung des Aufrufs)', 300),
});

export const callFormSchema = callFormFields
  .superRefine((form, ctx) => {
    if (form.publishedOn && form.deadline && form.deadline < form.publishedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: `Der Stichtag (${formatDate(form.deadline)}) liegt vor der Veröffentlichung (${formatDate(form.publishedOn)}).`,
      });
    }
    if (form.opensOn && form.deadline && form.opensOn > form.deadline) {
      ctx.addIssue({ code: 'custom', path: ['opensOn'], message: 'Die Antragstellung muss spätestens am Stichtag beginnen.' });
    }
    if (form.opensOn && form.publishedOn && form.opensOn < form.publishedOn) {
      ctx.addIssue({ code: 'custom', path: ['opensOn'], message: 'Die Antragstellung kann nicht vor der Veröffentlichung beginnen.' });
    }
  }, evenWithFieldErrors)
  .transform(
    (form): Omit<FundingCall, 'id'> => ({
      title: form.title,
      issuedBy: form.issuedBy,
      publishedOn: form.publishedOn ?? null,
      opensOn: form.opensOn ?? form.publishedOn ?? null,
      deadline: form.deadline,
      focusTopics: lines(form.focusTopics),
      requiredDocuments: lines(form.requiredDocuments),
      notes: form.notes ?? '',
      source: form.source,
    }),
  );

/** A call as the form shows it (dates German, lists one per line). */
export function callToForm(call: Omit<FundingCall, 'id'>): Record<string, string> {
  const german = (iso: string | null) => (iso ? formatDate(iso) : '');
  return {
    title: call.title,
    issuedBy: call.issuedBy,
    publishedOn: german(call.publishedOn),
    opensOn: call.opensOn && call.opensOn !== call.publishedOn ? german(call.opensOn) : '',
    deadline: german(call.deadline),
    focusTopics: call.focusTopics.join('\n'),
    requiredDocuments: call.requiredDocuments.join('\n'),
    notes: call.notes,
    source: call.source,
  };
}

/** "7-foerderaufruf-2027" – a readable id for a new call. */
export function callIdFrom(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'aufruf';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The fields of a call in the order the form asks for them, with their German labels. */
export const callFieldLabels: Record<keyof Omit<FundingCall, 'id'>, string> = {
  title: 'Titel',
  issuedBy: 'Veröffentlicht von',
  publishedOn: 'Veröffentlicht am',
  opensOn: 'Antragstellung ab',
  deadline: 'Stichtag',
  focusTopics: 'Schwerpunkte',
  requiredDocuments: 'Einzureichende Unterlagen',
  notes: 'Hinweise',
  source: 'Quelle',
};

export interface CallDifference {
  field: keyof typeof callFieldLabels;
  label: string;
  /** As a person reads it (dates German, lists one per line); "–" when empty; null for a new call. */
  before: string | null;
  after: string;
}

function readable(call: Omit<FundingCall, 'id'>, field: keyof typeof callFieldLabels): string {
  const value = call[field];
  if (Array.isArray(value)) return value.length ? value.join('\n') : '–';
  if (value === null || value === '') return '–';
  return ['publishedOn', 'opensOn', 'deadline'].includes(field) ? formatDate(value) : value;
}

/** What a proposed call changes, field by field; every field of a new call (before = null). */
export function callDifferences(before: Omit<FundingCall, 'id'> | null, after: Omit<FundingCall, 'id'>): CallDifference[] {
  const fields = Object.keys(callFieldLabels) as Array<keyof typeof callFieldLabels>;
  return fields
    .map((field) => ({
      field,
      label: callFieldLabels[field],
      before: before ? readable(before, field) : null,
      after: readable(after, field),
    }))
    .filter((d) => d.before === null || d.before !== d.after);
}
