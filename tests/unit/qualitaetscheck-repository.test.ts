import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { createApplication, softDeleteApplication } from '../../db/repositories/applications';
import {
  addParticipant,
  applicationsOfQualityCheck,
  attachQualityCheck,
  claimQualityCheck,
  countChecksByContentVersion,
  createQualityCheck,
  detachQualityCheck,
  findParticipant,
  findQualityCheck,
  listParticipants,
  listQualityChecksOfOrganisation,
  loadContentArchive,
  openInvitations,
  publishContentVersion,
  qualityChecksOfApplicationRows,
  saveParticipant,
} from '../../db/repositories/quality-checks';
import { seedDemoData } from '../../db/seed';
import { qualityCheckContent } from '../../machines/qualitaetscheck/content';
import type { QualityCheckContent } from '../../machines/qualitaetscheck/schema';
import { tempDatabase } from '../support/temp-db';

let db: DB;
let cleanup: () => Promise<void>;
let users: Record<'kommune' | 'kommune2' | 'verein' | 'beratung', { id: number; organisation_id: number | null }>;

beforeEach(async () => {
  ({ db, cleanup } = await tempDatabase({ seeded: true }));
  await seedDemoData(db);
  const rows = await db.selectFrom('users').select(['id', 'email', 'organisation_id']).execute();
  const by = (prefix: string) => rows.find((r) => r.email.startsWith(`${prefix}@`))!;
  users = { kommune: by('kommune'), kommune2: by('kommune2'), verein: by('verein'), beratung: by('beratung') };
});
afterEach(async () => {
  await cleanup();
});

const t0 = new Date('2026-11-22T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const gemeinde = () => users.kommune.organisation_id!;

async function newCheck(title = 'Bürgerhaushalt', organisationId: number | null = gemeinde(), createdBy: number | null = users.kommune.id) {
  return createQualityCheck(db, { organisationId, createdBy, title, contentVersion: '2026-1' }, t0);
}

async function newDraft(organisationId = gemeinde(), userId = users.kommune.id) {
  return createApplication(db, {
    organisationId,
    userId,
    snapshot: {},
    meta: {
      title: 'Entwurf',
      route: null,
      view: 'antragsteller',
      requestedGrantCents: null,
      totalCents: null,
      verdict: null,
      ruleVersion: null,
      unmetCriteria: [],
    },
  });
}

const snapshotWith = (perspective: string, answers: Record<string, unknown>) => ({ status: 'active', context: { perspective, answers } });

describe('QualitätsCheck rounds and respondents', () => {
  it('creates a check with an unguessable id and lists it for its organisation only', async () => {
    const check = await newCheck();
    expect(check.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await addParticipant(db, { checkId: check.id, userId: users.kommune.id, snapshot: snapshotWith('verwaltung', {}) }, t0);
    const listed = await listQualityChecksOfOrganisation(db, gemeinde(), users.kommune.id);
    expect(listed).toEqual([
      expect.objectContaining({
        id: check.id,
        title: 'Bürgerhaushalt',
        respondents: 1,
        created_by_name: 'Sabine Krause',
        own: { perspective: null, started: true },
      }),
    ]);
    expect(await listQualityChecksOfOrganisation(db, users.verein.organisation_id!, users.verein.id)).toEqual([]);
    // A colleague sees the check, but not as their own.
    expect((await listQualityChecksOfOrganisation(db, gemeinde(), users.kommune2.id))[0]!.own).toBeNull();
  });

  it('keeps an invitation open until the colleague starts, and never overwrites started answers', async () => {
    const check = await newCheck();
    await addParticipant(db, { checkId: check.id, userId: users.kommune2.id, snapshot: null, invitedBy: users.kommune.id }, t0);
    expect(await openInvitations(db, users.kommune2.id, gemeinde())).toEqual([
      { check_id: check.id, title: 'Bürgerhaushalt', invited_by_name: 'Sabine Krause', created_at: t0.toISOString() },
    ]);
    // Inviting again changes nothing; starting fills the invited row.
    await addParticipant(db, { checkId: check.id, userId: users.kommune2.id, snapshot: null, invitedBy: users.kommune.id }, later(1));
    const started = await addParticipant(
      db,
      { checkId: check.id, userId: users.kommune2.id, snapshot: snapshotWith('politik', { a: { value: '3' } }) },
      later(2),
    );
    expect(await listParticipants(db, check.id)).toHaveLength(1);
    expect(started.invited_by).toBe(users.kommune.id);
    expect(await openInvitations(db, users.kommune2.id, gemeinde())).toEqual([]);
    const again = await addParticipant(
      db,
      { checkId: check.id, userId: users.kommune2.id, snapshot: snapshotWith('politik', {}) },
      later(3),
    );
    expect(JSON.parse(again.snapshot!)).toEqual(snapshotWith('politik', { a: { value: '3' } }));
  });

  it('saves a respondent’s snapshot and perspective and marks the check as changed', async () => {
    const check = await newCheck();
    const row = await addParticipant(db, { checkId: check.id, userId: users.kommune.id, snapshot: snapshotWith('verwaltung', {}) }, t0);
    await saveParticipant(
      db,
      row.id,
      { snapshot: snapshotWith('zivilgesellschaft', { x: { value: '1' } }), perspective: 'zivilgesellschaft' },
      later(5),
    );
    const saved = await findParticipant(db, check.id, users.kommune.id);
    expect(saved?.perspective).toBe('zivilgesellschaft');
    expect(JSON.parse(saved!.snapshot!).context.answers).toEqual({ x: { value: '1' } });
    expect((await findQualityCheck(db, check.id))?.updated_at).toBe(later(5).toISOString());
  });

  it('lets a signed-in user claim an anonymous check once, with its answers', async () => {
    const check = await newCheck('Ohne Anmeldung', null, null);
    await addParticipant(db, { checkId: check.id, userId: null, snapshot: snapshotWith('politik', { q: { value: '2' } }) }, t0);
    expect(await findParticipant(db, check.id, null)).toBeDefined();
    expect(await claimQualityCheck(db, check.id, { organisationId: gemeinde(), userId: users.kommune.id })).toBe(true);
    expect(await findParticipant(db, check.id, null)).toBeUndefined();
    expect(JSON.parse((await findParticipant(db, check.id, users.kommune.id))!.snapshot!).context.answers).toEqual({ q: { value: '2' } });
    expect(await claimQualityCheck(db, check.id, { organisationId: users.verein.organisation_id!, userId: users.verein.id })).toBe(false);
    expect((await findQualityCheck(db, check.id))?.organisation_id).toBe(gemeinde());
  });
});

describe('attaching checks to drafts', () => {
  it('attaches once, lists both ways, leaves out drafts in the bin and detaches', async () => {
    const check = await newCheck();
    const draft = await newDraft();
    await attachQualityCheck(db, check.id, draft.id, users.kommune.id, t0);
    await attachQualityCheck(db, check.id, draft.id, users.kommune2.id, later(1));
    expect(await applicationsOfQualityCheck(db, check.id)).toEqual([
      { id: draft.id, title: 'Entwurf', organisation_id: gemeinde(), attached_at: t0.toISOString() },
    ]);
    expect(await qualityChecksOfApplicationRows(db, draft.id)).toEqual([
      expect.objectContaining({ id: check.id, attached_by_name: 'Sabine Krause' }),
    ]);
    await softDeleteApplication(db, draft.id, users.kommune.id);
    expect(await applicationsOfQualityCheck(db, check.id)).toEqual([]);
    expect(await detachQualityCheck(db, check.id, draft.id)).toBe(true);
    expect(await detachQualityCheck(db, check.id, draft.id)).toBe(false);
    expect(await qualityChecksOfApplicationRows(db, draft.id)).toEqual([]);
  });

  it('removes respondents and attachments with their check', async () => {
    const check = await newCheck();
    const draft = await newDraft();
    await addParticipant(db, { checkId: check.id, userId: users.kommune.id, snapshot: {} });
    await attachQualityCheck(db, check.id, draft.id, users.kommune.id);
    await db.deleteFrom('quality_checks').where('id', '=', check.id).execute();
    expect(await listParticipants(db, check.id)).toEqual([]);
    expect(await qualityChecksOfApplicationRows(db, draft.id)).toEqual([]);
  });
});

describe('content versions', () => {
  const version = (label: string, change: (c: QualityCheckContent) => void = () => {}): QualityCheckContent => {
    const copy: QualityCheckContent = JSON.parse(JSON.stringify(qualityCheckContent));
    copy.version = label;
    change(copy);
    return copy;
  };

  it('starts with the version in the code', async () => {
    expect((await loadContentArchive(db)).archive.map((c) => c.version)).toEqual(['2026-1']);
  });

  it('publishes a checked, newer version and keeps the order of labels', async () => {
    const first = await publishContentVersion(
      db,
      { json: JSON.stringify(version('2026-2')), note: 'Zweite Fassung', userId: users.beratung.id },
      t0,
    );
    expect(first.ok).toBe(true);
    const tenth = await publishContentVersion(
      db,
      { json: version('2026-10', (c) => (c.criteria[0]!.title = 'Dialog')), note: 'Zehnte', userId: null },
      later(1),
    );
    expect(tenth.ok).toBe(true);
    const { archive } = await loadContentArchive(db);
    expect(archive.map((c) => c.version)).toEqual(['2026-1', '2026-2', '2026-10']);
    expect(archive.at(-1)!.criteria[0]!.title).toBe('Dialog');
  });

  it('refuses broken content, an existing label and an older label, storing nothing', async () => {
    await publishContentVersion(db, { json: version('2027-1'), note: 'Neu', userId: null });
    const broken = await publishContentVersion(db, { json: '{"version": "2027-2"}', note: 'x', userId: null });
    expect(broken).toEqual({
      ok: false,
      errors: expect.arrayContaining(['criteria: Bitte geben Sie die Kriterien als Liste an.', 'thresholds: Dieses Feld fehlt.']),
    });
    expect(await publishContentVersion(db, { json: version('2027-1'), note: 'x', userId: null })).toEqual({
      ok: false,
      errors: ['Die Fassung „2027-1“ gibt es schon. Bitte vergeben Sie eine neue Fassungsbezeichnung, zum Beispiel „2027-2“.'],
    });
    expect(await publishContentVersion(db, { json: version('2026-5'), note: 'x', userId: null })).toEqual({
      ok: false,
      errors: ['Die Fassung „2026-5“ ist älter als die aktuelle Fassung „2027-1“. Eine neue Fassung braucht eine höhere Bezeichnung.'],
    });
    expect((await loadContentArchive(db)).archive.map((c) => c.version)).toEqual(['2026-1', '2027-1']);
  });

  it('skips a stored version that no longer passes the schema, and says so', async () => {
    await db
      .insertInto('quality_check_contents')
      .values({ version: '2027-3', content: '{"version":"2027-3"}', note: 'kaputt', published_at: t0.toISOString(), published_by: null })
      .execute();
    const { archive, skipped } = await loadContentArchive(db);
    expect(archive.map((c) => c.version)).toEqual(['2026-1']);
    expect(skipped).toEqual([{ version: '2027-3', errors: expect.arrayContaining([expect.stringMatching(/^publishedOn/)]) }]);
  });

  it('counts the checks per version', async () => {
    await newCheck('a');
    await newCheck('b');
    await createQualityCheck(db, { organisationId: gemeinde(), createdBy: null, title: 'c', contentVersion: '2027-1' });
    expect(await countChecksByContentVersion(db)).toEqual({ '2026-1': 2, '2027-1': 1 });
  });
});
