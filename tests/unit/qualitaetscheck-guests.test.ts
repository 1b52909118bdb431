import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import {
  addGuestParticipant,
  createGuestLink,
  createQualityCheck,
  findGuestLinkByToken,
  findGuestParticipant,
  findParticipant,
  listGuestLinks,
  listParticipants,
  revokeGuestLink,
} from '../../db/repositories/quality-checks';
import { seedDemoData } from '../../db/seed';
import { guestDisplayName, guestLinkExpiry, guestLinkStatus } from '../../machines/qualitaetscheck/guests';
import { tempDatabase } from '../support/temp-db';

describe('guest links (pure)', () => {
  it('are valid until they expire or are ended', () => {
    const expires = guestLinkExpiry('2027-03-01T10:00:00.000Z', 14);
    expect(expires).toBe('2027-03-15T10:00:00.000Z');
    expect(guestLinkStatus({ expires_at: expires, revoked_at: null }, '2027-03-15T09:59:59.999Z')).toBe('aktiv');
    expect(guestLinkStatus({ expires_at: expires, revoked_at: null }, '2027-03-15T10:00:00.000Z')).toBe('abgelaufen');
    expect(guestLinkStatus({ expires_at: expires, revoked_at: '2027-03-02T08:00:00.000Z' }, '2027-03-02T09:00:00.000Z')).toBe('widerrufen');
  });

  it('name guests as such', () => {
    expect(guestDisplayName(' Frau Weber ')).toBe('Frau Weber (Gast)');
    expect(guestDisplayName('')).toBe('Gast ohne Namen');
  });
});

describe('guest links (database)', () => {
  let db: DB;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ db, cleanup } = await tempDatabase());
    await seedDemoData(db);
  });
  afterEach(async () => {
    await cleanup();
  });

  it('keep guests apart from the anonymous respondent, count them per link and can be ended for their round only', async () => {
    const verein = (await db
      .selectFrom('users')
      .select(['id', 'organisation_id'])
      .where('email', 'like', 'verein@%')
      .executeTakeFirstOrThrow())!;
    const check = await createQualityCheck(db, {
      organisationId: verein.organisation_id,
      createdBy: verein.id,
      title: 'Forum',
      contentVersion: '2026-1',
    });
    const other = await createQualityCheck(db, {
      organisationId: verein.organisation_id,
      createdBy: verein.id,
      title: 'Anderes',
      contentVersion: '2026-1',
    });
    const link = await createGuestLink(db, {
      checkId: check.id,
      label: 'Gemeinderat',
      createdBy: verein.id,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(link.token.length).toBeGreaterThanOrEqual(32);
    expect((await findGuestLinkByToken(db, link.token))?.id).toBe(link.id);

    await addGuestParticipant(db, {
      checkId: check.id,
      guestKey: 'browser-1',
      name: 'Frau Weber',
      linkId: link.id,
      snapshot: {},
      perspective: 'verwaltung',
    });
    expect((await findGuestParticipant(db, check.id, 'browser-1'))?.guest_name).toBe('Frau Weber');
    expect(await findGuestParticipant(db, other.id, 'browser-1')).toBeUndefined();
    // A guest is never taken for the anonymous respondent of a check.
    expect(await findParticipant(db, check.id, null)).toBeUndefined();
    expect((await listParticipants(db, check.id)).map((p) => p.guest_key)).toEqual(['browser-1']);
    expect((await listGuestLinks(db, check.id))[0]!.guests).toBe(1);

    expect(await revokeGuestLink(db, other.id, link.id)).toBe(false);
    expect(await revokeGuestLink(db, check.id, link.id)).toBe(true);
    expect(await revokeGuestLink(db, check.id, link.id)).toBe(false);
    expect((await listGuestLinks(db, check.id))[0]!.revoked_at).not.toBeNull();
  });
});
