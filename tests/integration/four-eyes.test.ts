import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createCallChange } from '../../db/repositories/call-changes';
import { createParameterChange, findStoredCall, saveCall } from '../../db/repositories/regelwerk';
import { findUserByEmail } from '../../db/repositories/users';
import { knownCalls } from '../../machines/frl/calls';
import { ownChangeReason } from '../../machines/frl/regelwerk/approval';
import { appDatabase } from '../support/app-database';

/*
 * Publishing a parameter value or a funding call with and without the four-eyes principle
 * (RULES_FOUR_EYES, docs/decisions/0024), through the server modules of app/ on a database of
 * their own. The setting is read when the modules are first imported, so it is set before.
 */

let db: DB;
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
  delete process.env.RULES_FOUR_EYES;
});

async function start(fourEyes: 'default' | 'false') {
  if (fourEyes === 'false') process.env.RULES_FOUR_EYES = 'false';
  ({ db, cleanup } = await appDatabase());
  const idOf = async (email: string) => (await findUserByEmail(db, email))!.id;
  return {
    proposer: await idOf('ministerium@demo.example'),
    colleague: await idOf('ministerium2@demo.example'),
    parameters: await import('../../app/regelwerk/workbench.server'),
    calls: await import('../../app/regelwerk/call-changes.server'),
  };
}

const farAhead = {
  parameterId: 'duration.B' as const,
  value: 4,
  effectiveFrom: '2099-01-01',
  reference: 'Änderungsrichtlinie (Test)',
  note: undefined,
  assumption: undefined,
};

const auditOf = async (subjectType: string, subjectId: string | number, action: string) =>
  db
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .where('action', '=', action)
    .execute();

describe('a parameter value with the four-eyes principle (the default)', () => {
  it('is refused to the person who proposed it and published by a second ministry account, both named in the audit', async () => {
    const { proposer, colleague, parameters } = await start('default');
    const change = await createParameterChange(db, farAhead, proposer);

    expect(await parameters.publishChange(change.id, proposer)).toEqual({ ok: false, message: ownChangeReason });
    expect((await db.selectFrom('parameter_changes').select('status').where('id', '=', change.id).executeTakeFirstOrThrow()).status).toBe(
      'entwurf',
    );

    expect(await parameters.publishChange(change.id, colleague)).toMatchObject({ ok: true, publication: 1 });
    const row = await db
      .selectFrom('parameter_changes')
      .select(['status', 'approval', 'decided_by'])
      .where('id', '=', change.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'veroeffentlicht', approval: 'vier_augen', decided_by: colleague });
    const [audit] = await auditOf('parameter_change', change.id, 'regelwerk.parameter.veroeffentlicht');
    expect(JSON.parse(audit!.details)).toMatchObject({ approval: 'vier_augen', proposedBy: proposer, approvedBy: colleague });
    expect(JSON.parse(audit!.details).summary).toContain(
      'nach dem Vier-Augen-Prinzip: angelegt von Martin Schubert, freigegeben von Dr. Claudia Lehmann',
    );
  });

  it('is not published when the effects differ from the ones confirmed', async () => {
    const { proposer, colleague, parameters } = await start('default');
    const change = await createParameterChange(db, farAhead, proposer);
    const outcome = await parameters.publishChange(change.id, colleague, { confirmedDigest: 'not-what-the-page-showed' });
    expect(outcome).toMatchObject({ ok: false, stale: true });
    const preview = await parameters.previewChange(
      (await (await import('../../db/repositories/regelwerk')).findParameterChange(db, change.id))!,
    );
    expect(await parameters.publishChange(change.id, colleague, { confirmedDigest: parameters.previewDigest(preview) })).toMatchObject({
      ok: true,
    });
  });

  it('asks the other ministry accounts for approval, not the proposer', async () => {
    const { proposer, colleague, parameters } = await start('default');
    await parameters.askForApproval(db, { proposedBy: proposer, what: 'die Änderung Nr. 1', path: '/regelwerk/parameter/1/freigabe' });
    const notices = await db.selectFrom('notifications').select(['user_id', 'link']).where('kind', '=', 'regelwerk.freigabe').execute();
    expect(notices).toEqual([{ user_id: colleague, link: '/regelwerk/parameter/1/freigabe' }]);
    const mail = await db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', 'like', '%Freigabe%').execute();
    expect(mail).toEqual([{ to_address: 'ministerium2@demo.example', subject: 'Eine Änderung am Regelwerk wartet auf Ihre Freigabe' }]);
  });
});

describe('a parameter value with the four-eyes principle switched off', () => {
  it('is published by the person who proposed it, and the audit says no second person approved', async () => {
    const { proposer, parameters } = await start('false');
    const change = await createParameterChange(db, farAhead, proposer);
    expect(await parameters.publishChange(change.id, proposer)).toMatchObject({ ok: true });
    expect(
      (await db.selectFrom('parameter_changes').select('approval').where('id', '=', change.id).executeTakeFirstOrThrow()).approval,
    ).toBe('einzeln');
    const [audit] = await auditOf('parameter_change', change.id, 'regelwerk.parameter.veroeffentlicht');
    expect(JSON.parse(audit!.details).summary).toContain('ohne zweite Freigabe (Vier-Augen-Prinzip abgeschaltet)');
    // Nobody is asked to approve.
    await parameters.askForApproval(db, { proposedBy: proposer, what: 'x', path: '/x' });
    expect(await db.selectFrom('notifications').select('id').where('kind', '=', 'regelwerk.freigabe').execute()).toEqual([]);
  });
});

describe('a funding call proposal', () => {
  const shipped = knownCalls.find((c) => c.id === 'aufruf-6')!;
  const { id: _id, ...values } = shipped;

  it('changes nothing until a second person publishes it, and then stores the call with both names in the audit', async () => {
    const { proposer, colleague, calls } = await start('default');
    const proposal = await createCallChange(
      db,
      { callId: shipped.id, baseVersion: null, isNew: false, proposed: { ...values, notes: 'Geändert im Test' }, before: values },
      proposer,
    );
    expect(await findStoredCall(db, shipped.id)).toBeUndefined();

    expect(await calls.publishCallChange(proposal.id, proposer)).toEqual({ ok: false, message: ownChangeReason });
    expect(await findStoredCall(db, shipped.id)).toBeUndefined();

    expect(await calls.publishCallChange(proposal.id, colleague)).toMatchObject({ ok: true });
    expect((await findStoredCall(db, shipped.id))!.notes).toBe('Geändert im Test');
    const [audit] = await auditOf('funding_call', shipped.id, 'regelwerk.aufruf.geaendert');
    expect(JSON.parse(audit!.details)).toMatchObject({
      proposal: proposal.id,
      approval: 'vier_augen',
      proposedBy: proposer,
      approvedBy: colleague,
      before: values,
    });
    // Published once: a second approval finds nothing left to do.
    expect(await calls.publishCallChange(proposal.id, colleague)).toMatchObject({ ok: false });
  });

  it('is refused when the call was saved by someone else after the proposal, and nothing is overwritten', async () => {
    const { proposer, colleague, calls } = await start('default');
    const proposal = await createCallChange(
      db,
      { callId: shipped.id, baseVersion: null, isNew: false, proposed: { ...values, notes: 'Vorschlag' }, before: values },
      proposer,
    );
    expect(await saveCall(db, { ...shipped, notes: 'Inzwischen gespeichert' }, colleague, null)).toBe(true);
    const outcome = await calls.publishCallChange(proposal.id, colleague);
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringContaining('Der Förderaufruf wurde geändert, nachdem dieser Vorschlag angelegt wurde.'),
    });
    expect((await findStoredCall(db, shipped.id))!.notes).toBe('Inzwischen gespeichert');
    expect(
      (await db.selectFrom('funding_call_changes').select('status').where('id', '=', proposal.id).executeTakeFirstOrThrow()).status,
    ).toBe('entwurf');
  });

  it('is published by its proposer alone when the four-eyes principle is off', async () => {
    const { proposer, calls } = await start('false');
    const proposal = await createCallChange(
      db,
      { callId: shipped.id, baseVersion: null, isNew: false, proposed: { ...values, notes: 'Allein' }, before: values },
      proposer,
    );
    expect(await calls.publishCallChange(proposal.id, proposer)).toMatchObject({ ok: true });
    expect(
      (await db.selectFrom('funding_call_changes').select('approval').where('id', '=', proposal.id).executeTakeFirstOrThrow()).approval,
    ).toBe('einzeln');
  });
});
