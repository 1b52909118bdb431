import { parseWithZod } from '@conform-to/zod/v4';
import type { SubmissionResult } from '@conform-to/react';
import { data, redirect } from '@remix-run/node';
import type { z } from 'zod';
import { listAdvisors } from '../../db/repositories/advice';
import {
  addAdvisorSchema,
  completeSchema,
  decisionSchema,
  endAdviceSchema,
  requestAdviceSchema,
  returnSchema,
  submissionSchema,
  withdrawSchema,
} from '../../machines/frl/advice/forms';
import type { AdviceEvent } from '../../machines/frl/advice/machine';
import type { ApplicationAccess } from '../access.server';
import { actorOf, sendAdviceEvent } from './advice.server';
import { getDb } from '../db.server';
import { todayInSaxony } from '../rules.server';

export const adviceIntents = [
  'beratung.anfragen',
  'beratung.beenden',
  'beratung.uebernehmen',
  'beratung.hinzuziehen',
  'beratung.zurueckgeben',
  'beratung.abschliessen',
  'einreichung.erfassen',
  'bescheid.erfassen',
  'antrag.zurueckziehen',
] as const;
export type AdviceIntent = (typeof adviceIntents)[number];

export function isAdviceIntent(value: unknown): value is AdviceIntent {
  return typeof value === 'string' && (adviceIntents as readonly string[]).includes(value);
}

/** What a status form shows after a refused post: Conform's reply for field errors, or a message. */
export interface AdviceActionResult {
  intent: AdviceIntent;
  result?: SubmissionResult<string[]>;
  message?: string;
  /** The free text typed into the form (a reason, a note), for a page that no longer shows the form. */
  typed?: string;
}

/** What was typed into the free-text fields of a status form, so an answer without its form can show it. */
function typedText(form: FormData): string | undefined {
  const parts = ['reason', 'note'].map((name) => form.get(name)).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return parts.length ? parts.join('\n\n') : undefined;
}

function schemaFor(intent: AdviceIntent, today: string): z.ZodType | null {
  switch (intent) {
    case 'beratung.anfragen':
      return requestAdviceSchema;
    case 'beratung.beenden':
      return endAdviceSchema;
    case 'beratung.hinzuziehen':
      return addAdvisorSchema;
    case 'beratung.zurueckgeben':
      return returnSchema;
    case 'beratung.abschliessen':
      return completeSchema;
    case 'einreichung.erfassen':
      return submissionSchema(today);
    case 'bescheid.erfassen':
      return decisionSchema(today);
    case 'antrag.zurueckziehen':
      return withdrawSchema;
    case 'beratung.uebernehmen':
      return null;
  }
}

/**
 * Handles one status form: checks the input, builds the statechart event and sends it. The
 * machine decides whether the user's role may take the transition; a refusal changes nothing and
 * comes back as a German message at the form, with everything typed kept.
 */
export async function adviceFormAction(
  access: ApplicationAccess,
  intent: AdviceIntent,
  form: FormData,
  done: (intent: AdviceIntent) => string,
) {
  const today = todayInSaxony();
  const schema = schemaFor(intent, today);
  let values: Record<string, unknown> = {};
  if (schema) {
    const submission = parseWithZod(form, { schema });
    if (submission.status !== 'success')
      return data<AdviceActionResult>({ intent, result: submission.reply(), typed: typedText(form) }, { status: 400 });
    values = submission.value as Record<string, unknown>;
  }
  const fieldError = (name: string, message: string) =>
    data<AdviceActionResult>(
      { intent, result: parseWithZod(form, { schema: schema! }).reply({ fieldErrors: { [name]: [message] } }) },
      { status: 400 },
    );

  const base = { actor: actorOf(access.user, access.loaded.row), at: new Date().toISOString() };
  let event: AdviceEvent;
  switch (intent) {
    case 'beratung.anfragen': {
      const chosen = typeof values.advisor === 'string' && values.advisor !== '' ? Number(values.advisor) : null;
      if (chosen !== null && !(await listAdvisors(await getDb())).some((a) => a.id === chosen)) {
        return fieldError('advisor', 'Diese Beraterin oder diesen Berater gibt es nicht (mehr). Bitte wählen Sie aus der Liste.');
      }
      event = { type: 'beratung.anfragen', advisorId: chosen, note: (values.note as string | undefined) || undefined, ...base };
      break;
    }
    case 'beratung.beenden':
      event = { type: 'beratung.beenden', reason: (values.reason as string | undefined) || undefined, ...base };
      break;
    case 'beratung.uebernehmen':
      event = { type: 'beratung.uebernehmen', ...base };
      break;
    case 'beratung.hinzuziehen': {
      const advisorId = Number(values.advisor);
      if (!(await listAdvisors(await getDb())).some((a) => a.id === advisorId)) {
        return fieldError('advisor', 'Diese Beraterin oder diesen Berater gibt es nicht (mehr). Bitte wählen Sie aus der Liste.');
      }
      if (access.advice.context.advisors.includes(advisorId)) {
        return fieldError('advisor', 'Diese Person berät den Antrag bereits.');
      }
      event = { type: 'beratung.hinzuziehen', advisorId, ...base };
      break;
    }
    case 'beratung.zurueckgeben':
      event = { type: 'beratung.zurueckgeben', reason: values.reason as string, ...base };
      break;
    case 'beratung.abschliessen': {
      // The version the advisor saw when completing (the form carries it); the current one if missing.
      const current = access.loaded.row.version;
      const seen = Number(form.get('version'));
      const version = form.get('version') !== null && Number.isInteger(seen) && seen >= 0 && seen <= current ? seen : current;
      event = {
        type: 'beratung.abschliessen',
        readyForSubmission: values.ready === true,
        version,
        note: (values.note as string | undefined) || undefined,
        ...base,
      };
      break;
    }
    case 'einreichung.erfassen':
      event = { type: 'einreichung.erfassen', date: values.date as string, reference: values.reference as string, ...base };
      break;
    case 'bescheid.erfassen':
      event = {
        type: values.outcome === 'bewilligt' ? 'bewilligung.erfassen' : 'ablehnung.erfassen',
        date: values.date as string,
        note: (values.note as string | undefined) || undefined,
        ...base,
      };
      break;
    case 'antrag.zurueckziehen':
      event = { type: 'antrag.zurueckziehen', reason: (values.reason as string | undefined) || undefined, ...base };
      break;
  }
  const expected = Number(form.get('reviewVersion'));
  const outcome = await sendAdviceEvent(access.user, access.loaded.row, event, Number.isInteger(expected) ? expected : -1);
  if (!outcome.ok) return data<AdviceActionResult>({ intent, message: outcome.message, typed: typedText(form) }, { status: 409 });
  return redirect(done(intent));
}
