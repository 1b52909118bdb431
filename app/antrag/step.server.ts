import { parseWithZod } from '@conform-to/zod/v4';
import { data as json, redirect } from '@remix-run/node';
import { randomBytes } from 'node:crypto';
import { dropPendingSubmission, eventsSince, findPendingSubmission, keepPendingSubmission } from '../../db/repositories/applications';
import { updateOrganisation } from '../../db/repositories/organisations';
import { recordAudit } from '../../db/repositories/audit';
import { findUserById } from '../../db/repositories/users';
import { describeFormField, describePath, describeValue, stepOfPath } from '../../machines/frl/application/anchors';
import { diff } from '../../machines/frl/application/diff';
import { codecFor } from '../../machines/frl/application/codecs';
import type { ApplicationEvent } from '../../machines/frl/application/machine';
import { viewOf } from '../../machines/frl/application/machine';
import { stepIssues, type EditableStep } from '../../machines/frl/application/steps';
import { organisationSchema } from '../../machines/shared/organisation';
import {
  commit,
  completeSteps,
  loadApplication,
  requireOpenableStep,
  requireOwnApplication,
  type LoadedApplication,
} from './application.server';
import { isDatabaseUnreachable, isStorageFault } from '../../db/client';
import { getDb } from '../db.server';
import { log } from '../utils/log.server';
import type { CurrentUser } from '../session.server';
import { flatten, toFormData, userEntries, type Entries } from '../utils/form-data';
import { suggestedLineDefaults } from '../methoden/methoden.server';
import { catalogue } from '../methoden/redaktion.server';
import { anchorOf, applyListIntent, parseListIntent, rowDefaults } from '../utils/list-intents';
import { RETURN_PARAM, returnQuery, returnTarget } from '../utils/return-to';

export const newRowId = () =>
  randomBytes(6)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x');

/** `berechnen`: save and come back to the sums ("Neu berechnen" of the budget without JavaScript). */
export type Intent = 'weiter' | 'zurueck' | 'speichern' | 'autosave' | 'berechnen';

/** Why a save was refused when the storage cannot take a write (full disk, read-only database). */
const storageUnavailableMessage =
  'Ihre Angaben wurden nicht gespeichert: Der Server kann im Moment nichts speichern (zum Beispiel, weil sein Speicherplatz voll ist). Ihre Eingaben stehen unten unverändert im Formular. Bitte speichern Sie in einigen Minuten erneut.';

export interface Conflict {
  currentVersion: number;
  updatedAt: string;
  updatedBy: string | null;
  fields: Array<{ name: string; mine: string; theirs: string }>;
  mine: Entries;
}

/**
 * Builds the conflict view: the user's input beside the stored values. Where the input parses, the
 * two are compared as data (so "1000" and "1.000,00" are the same amount) and named with the
 * field labels people see; otherwise field by field as typed.
 */
export async function conflictOf(step: EditableStep, stored: LoadedApplication, posted: Entries): Promise<Conflict> {
  const updatedBy = await nameOf(stored.row.updated_by);
  const base = { currentVersion: stored.row.version, updatedAt: stored.row.updated_at, updatedBy, mine: posted };
  const submission = parseWithZod(toFormData(posted), { schema: codecFor(step).schema(newRowId) });
  if (submission.status === 'success') {
    const mineData = codecFor(step).apply(stored.data, submission.value);
    const fields = diff(stored.data, mineData).map((change) => ({
      name: describePath(change.path, change.after === undefined ? stored.data : mineData),
      mine: describeValue(change.path, change.after),
      theirs: describeValue(change.path, change.before),
    }));
    return { ...base, fields };
  }
  const theirs = new Map<string, string[]>();
  for (const [name, value] of flatten(codecFor(step).values(stored.data))) theirs.set(name, [...(theirs.get(name) ?? []), value]);
  const mine = new Map<string, string[]>();
  for (const [name, value] of posted) mine.set(name, [...(mine.get(name) ?? []), value]);
  const names = [...new Set([...mine.keys(), ...theirs.keys()])].filter((n) => !n.endsWith('.id') && n !== 'id');
  const fields = names
    .map((name) => ({
      name: describeFormField(step, name),
      mine: (mine.get(name) ?? []).join(', '),
      theirs: (theirs.get(name) ?? []).join(', '),
    }))
    .filter((f) => f.mine !== f.theirs);
  return { ...base, fields };
}

/** Whether every save between the two versions changed other sections only (no pending input left in this one). */
async function onlyOtherSectionsChanged(
  applicationId: number,
  step: EditableStep,
  fromVersion: number,
  toVersion: number,
): Promise<boolean> {
  const events = await eventsSince(await getDb(), applicationId, fromVersion, toVersion);
  if (events.length !== toVersion - fromVersion) return false; // a version without its event: be careful
  return events.every(
    (e) => (e.type === 'step.save' || e.type === 'step.autosave') && e.step !== step && e.paths.every((p) => stepOfPath(p) !== step),
  );
}

async function nameOf(userId: number | null): Promise<string | null> {
  return userId === null ? null : ((await findUserById(await getDb(), userId))?.name ?? null);
}

/** When the session ended while the user typed: keep the input and ask to sign in again. */
export async function keepInputForSignIn(userId: number, path: string, form: FormData) {
  const token = randomBytes(18).toString('base64url');
  const entries = userEntries(form);
  await keepPendingSubmission(await getDb(), {
    id: token,
    userId,
    path,
    form: { entries, version: String(form.get('version') ?? '') },
  });
  return redirect(`/anmelden?grund=expired&weiter=${encodeURIComponent(`/antraege/wiederherstellen/${token}`)}`);
}

/**
 * Saves one step form: validate (types and lengths), merge into the application, decide the
 * machine event from the intent, re-run the rules and commit with the version the user read.
 */
export async function saveStep(args: {
  user: CurrentUser & { organisation_id: number };
  loaded: LoadedApplication;
  step: EditableStep;
  form: FormData;
  intentOverride?: Intent;
}) {
  const { user, loaded, step, form } = args;
  const rawIntent = String(form.get('intent') ?? 'speichern');
  const listIntent = parseListIntent(rawIntent);
  const intent: Intent =
    args.intentOverride ??
    (listIntent
      ? 'speichern'
      : ((['weiter', 'zurueck', 'speichern', 'autosave', 'berechnen'] as const).find((i) => i === rawIntent) ?? 'speichern'));
  const posted = userEntries(form);
  // "Ändern" on "Angaben prüfen": a valid "Weiter" leads back there (see utils/return-to.ts).
  const returnTo = returnTarget(form.get(RETURN_PARAM), ['pruefen'] as const);
  let version = Number(form.get('version'));

  if (!Number.isInteger(version) || version !== loaded.row.version) {
    // Saves since the page was loaded that touched only other sections are no conflict: this
    // step's form replaces only its own section, so both sides' work is kept.
    const untouched =
      Number.isInteger(version) &&
      version < loaded.row.version &&
      (await onlyOtherSectionsChanged(loaded.row.id, step, version, loaded.row.version));
    const conflict = untouched ? null : await conflictOf(step, loaded, posted);
    // Nothing differs from what is stored (typically the user's own autosave finished just before
    // this submit): there is nothing to decide, so the save goes ahead on the current version.
    if (conflict && (conflict.fields.length > 0 || !Number.isInteger(version)))
      return json({ conflict, result: null, saved: null }, { status: 409 });
    version = loaded.row.version;
  }

  let formData = toFormData(posted);
  if (listIntent) {
    const payload = parseWithZod(formData, { schema: codecFor(step).schema(newRowId) }).payload;
    const firstYear = loaded.data.schedule.start ? Number(loaded.data.schedule.start.slice(0, 4)) : undefined;
    const suggested =
      listIntent.kind === 'add' && listIntent.suggestion ? suggestedLineDefaults(listIntent.suggestion, await catalogue()) : null;
    formData = toFormData(
      flatten(applyListIntent(payload, listIntent, newRowId, { ...rowDefaults(listIntent.list, { firstYear }), ...suggested })),
    );
  }
  const submission = parseWithZod(formData, { schema: codecFor(step).schema(newRowId) });
  let data = loaded.data;
  let raw: Record<string, unknown> | undefined;
  let masterDataUpdate = false;
  if (submission.status === 'success') {
    data = codecFor(step).apply(loaded.data, submission.value);
    masterDataUpdate = step === 'antragsteller' && (submission.value as { updateMasterData?: boolean }).updateMasterData === true;
  } else {
    raw = submission.payload as Record<string, unknown>;
  }

  const pendingAfter = (Object.keys(loaded.snapshot.context.pending) as EditableStep[]).filter((s) => s !== step);
  if (raw) pendingAfter.push(step);
  const complete = completeSteps(data, loaded.context, pendingAfter);
  const issues = raw ? [] : stepIssues(step, data, loaded.context);
  const blocked = intent === 'weiter' && (raw !== undefined || issues.length > 0);
  const save = { step, data, raw, complete };
  const events: ApplicationEvent[] =
    intent === 'weiter' && !blocked
      ? [{ type: 'step.next', ...save }]
      : intent === 'zurueck'
        ? [{ type: 'step.back', ...save }]
        : intent === 'speichern' && !listIntent
          ? [{ type: 'step.save', ...save }, { type: 'overview' }]
          : [{ type: 'step.save', ...save }];

  const changes = diff(loaded.data, data);
  let committed: Awaited<ReturnType<typeof commit>>;
  try {
    committed = await commit(loaded, version, events, {
      userId: user.id,
      type: intent === 'autosave' ? 'step.autosave' : 'step.save',
      step,
      changes,
      details: raw ? { pendingInput: true } : {},
    });
  } catch (error) {
    if (!isStorageFault(error)) throw error;
    // The database is away: the step's page could not be read to show the input again (its loaders
    // would fail after this answer and replace it with "the page cannot be opened"). Thrown, the
    // action's guard answers with the 503 page that keeps every value for sending again, and Remix
    // runs no loader after it (app/utils/storage-faults.server.ts).
    if (isDatabaseUnreachable(error)) throw error;
    // Nothing was written (one transaction): the step comes back with every value as typed.
    log('error', 'storage.unavailable', { path: `/antraege/${loaded.row.id}/${step}`, code: (error as { code?: string }).code ?? null });
    return json({ conflict: null, result: submission.reply(), saved: null, unavailable: storageUnavailableMessage }, { status: 503 });
  }
  const { result, snapshot } = committed;
  if (!result.ok) {
    // Compare with what is stored now, not with what this request had loaded.
    const conflict = await conflictOf(step, result.current ? await loadApplication(result.current) : loaded, posted);
    return json({ conflict, result: null, saved: null }, { status: 409 });
  }

  if (masterDataUpdate && data.applicant.organisation) {
    const org = organisationSchema.safeParse(data.applicant.organisation);
    if (org.success) {
      const db = await getDb();
      await db.transaction().execute(async (trx) => {
        await updateOrganisation(trx, user.organisation_id, org.data);
        await recordAudit(trx, {
          actorUserId: user.id,
          action: 'organisation.updated_from_application',
          subjectType: 'organisation',
          subjectId: user.organisation_id,
        });
      });
    }
  }

  const savedAt = new Date().toISOString();
  if (intent === 'autosave') {
    return json({ conflict: null, result: null, saved: { version: result.version, at: savedAt, invalid: raw !== undefined } });
  }
  if (listIntent) return redirect(`/antraege/${loaded.row.id}/${step}${returnQuery(returnTo)}#${anchorOf(listIntent)}`);
  if (intent === 'berechnen') return redirect(`/antraege/${loaded.row.id}/${step}${returnQuery(returnTo)}#summen`);
  if (blocked) {
    const reply = raw
      ? submission.reply()
      : submission.reply({
          fieldErrors: Object.fromEntries(
            issues.reduce(
              (map, issue) => map.set(issue.field, [...(map.get(issue.field) ?? []), issue.message]),
              new Map<string, string[]>(),
            ),
          ),
        });
    return json({ conflict: null, result: reply, saved: { version: result.version, at: savedAt, invalid: true } }, { status: 400 });
  }
  if (returnTo && intent === 'weiter') return redirect(`/antraege/${loaded.row.id}/${returnTo}`);
  const view = viewOf(snapshot);
  if (view === 'uebersicht') {
    return redirect(`/antraege/${loaded.row.id}?hinweis=${raw ? 'gespeichert-mit-fehlern' : 'gespeichert'}`);
  }
  return redirect(`/antraege/${loaded.row.id}/${view}`);
}

/**
 * After signing in again: saves the input that was posted while the session had expired. Only the
 * user who typed it can apply it. The kept input is deleted only once it is saved; when a colleague
 * saved in between, the conflict is returned to be shown beside the stored values (and the kept
 * input stays until the user has decided). Otherwise the answer is where to go next.
 */
export async function restoreKeptInput(
  user: CurrentUser & { organisation_id: number },
  token: string,
): Promise<Response | { conflict: Conflict; id: number; step: EditableStep }> {
  const db = await getDb();
  const pending = await findPendingSubmission(db, token, user.id);
  if (!pending) return redirect('/antraege');
  const match = /^\/antraege\/(\d+)\/([a-z]+)$/.exec(pending.path);
  if (!match) {
    await dropPendingSubmission(db, token, user.id);
    return redirect('/antraege');
  }
  const loaded = await requireOwnApplication(user, match[1]);
  const step = requireOpenableStep(loaded, match[2]);
  if (step === 'pruefen' || step === 'anlagen') return redirect(`/antraege/${loaded.row.id}/${step}`);
  const form = toFormData(pending.form.entries);
  form.set('version', pending.form.version);
  form.set('intent', 'speichern');
  const response = await saveStep({ user, loaded, step, form });
  if (response instanceof Response || !('data' in response)) {
    await dropPendingSubmission(db, token, user.id);
    return redirect(`/antraege/${loaded.row.id}?hinweis=wiederhergestellt`);
  }
  const conflict = (response.data as { conflict: Conflict | null }).conflict;
  // Not expected for a plain save (invalid input is kept as pending input); never drop it silently.
  if (!conflict) return redirect(`/antraege/${loaded.row.id}/${step}`);
  return { conflict, id: loaded.row.id, step };
}
