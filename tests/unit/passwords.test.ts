import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../db/passwords';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('korrekt Pferd Batterie');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('korrekt Pferd Batterie', hash)).toBe(true);
    expect(await verifyPassword('korrekt Pferd Batteri', hash)).toBe(false);
  });
  it('verifies a hash made with a lower cost by the cost stored in it (test servers, ADR 0089)', async () => {
    const quick = await hashPassword('korrekt Pferd Batterie', { N: 2 ** 10 });
    expect(quick).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('korrekt Pferd Batterie', quick)).toBe(true);
    expect(await verifyPassword('korrekt Pferd Batteri', quick)).toBe(false);
    // The same salt and password under the app's cost is another key: the cost is part of the hash.
    const [, , r, p, salt, key] = quick.split('$');
    expect(await verifyPassword('korrekt Pferd Batterie', ['scrypt', 32768, r, p, salt, key].join('$'))).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('gleiches Passwort')).not.toBe(await hashPassword('gleiches Passwort'));
  });
  it('treats unicode compositions alike (NFKC) and rejects malformed stored values', async () => {
    const hash = await hashPassword('Straße Ångström');
    expect(await verifyPassword('Straße A\u030Angström', hash)).toBe(true);
    expect(await verifyPassword('x', 'bcrypt$abc')).toBe(false);
  });
});
