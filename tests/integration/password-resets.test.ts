import { describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { housekeeping } from '../../db/repositories/housekeeping';
import {
  consumeReset,
  createResetToken,
  findUsableReset,
  recordResetRequest,
  resetRequestThrottle,
} from '../../db/repositories/password-resets';
import { createUser, setUserDisabled } from '../../db/repositories/users';
import { databaseForEachTest } from '../support/temp-db';

let db: DB;
databaseForEachTest((fresh) => {
  db = fresh.db;
});

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 4, 9, minutes));

async function account() {
  return createUser(db, {
    email: 'person@example.org',
    name: 'Person',
    password: 'Ein Passwort mit Länge',
    role: 'advisor',
    organisationId: null,
  });
}

describe('password reset links', () => {
  it('work once: of two submissions of the same link only one sets a password, and the other links of the account are void', async () => {
    const user = await account();
    await createResetToken(db, { userId: user.id, tokenHash: 'a'.repeat(64), expiresAt: at(60), requestedBy: null }, at(0));
    await createResetToken(db, { userId: user.id, tokenHash: 'b'.repeat(64), expiresAt: at(60), requestedBy: null }, at(1));
    const reset = (await findUsableReset(db, 'a'.repeat(64), at(5)))!;
    const [first, second] = await Promise.all([consumeReset(db, reset.id, user.id, at(5)), consumeReset(db, reset.id, user.id, at(5))]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await findUsableReset(db, 'b'.repeat(64), at(6))).toBeUndefined();
  });

  it('expire, and open nothing for a locked account', async () => {
    const user = await account();
    await createResetToken(db, { userId: user.id, tokenHash: 'c'.repeat(64), expiresAt: at(60), requestedBy: null }, at(0));
    expect(await findUsableReset(db, 'c'.repeat(64), at(59))).toBeDefined();
    expect(await findUsableReset(db, 'c'.repeat(64), at(60))).toBeUndefined();
    await setUserDisabled(db, user.id, true);
    expect(await findUsableReset(db, 'c'.repeat(64), at(30))).toBeUndefined();
  });

  it('are deleted by the housekeeping 30 days after they expired, requests after a day', async () => {
    const user = await account();
    await createResetToken(db, { userId: user.id, tokenHash: 'd'.repeat(64), expiresAt: at(60), requestedBy: null }, at(0));
    await recordResetRequest(db, user.email, '10.0.0.1', at(0));
    const nextDay = new Date(at(0).getTime() + 25 * 3_600_000);
    expect((await housekeeping(db, nextDay)).passwordResets).toBe(1);
    const later = new Date(at(60).getTime() + 31 * 86_400_000);
    expect((await housekeeping(db, later)).passwordResets).toBe(1);
    expect(await db.selectFrom('password_reset_tokens').select('id').execute()).toEqual([]);
  });
});

describe('the limit on "Passwort vergessen?" requests', () => {
  it('allows three per address an hour and says how long to wait', async () => {
    for (const minute of [0, 10, 20]) {
      expect(await resetRequestThrottle(db, 'x@example.org', null, undefined, at(minute))).toBe(0);
      await recordResetRequest(db, 'X@Example.org', null, at(minute));
    }
    // The first of the three leaves the hour at 10:00; at 09:30 that is 30 minutes away.
    expect(await resetRequestThrottle(db, 'x@example.org', null, undefined, at(30))).toBe(30);
    expect(await resetRequestThrottle(db, 'x@example.org', null, undefined, at(61))).toBe(0);
    expect(await resetRequestThrottle(db, 'other@example.org', null, undefined, at(30))).toBe(0);
  });

  it('limits one client address across many addresses', async () => {
    for (let i = 0; i < 30; i += 1) await recordResetRequest(db, `p${i}@example.org`, '10.0.0.9', at(1));
    expect(await resetRequestThrottle(db, 'new@example.org', '10.0.0.9', undefined, at(2))).toBeGreaterThan(0);
    expect(await resetRequestThrottle(db, 'new@example.org', '10.0.0.8', undefined, at(2))).toBe(0);
  });
});
