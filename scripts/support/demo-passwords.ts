import type { DB } from '../../db/client';
import { hashPassword } from '../../db/passwords';
import { demoAccounts, demoPassword } from '../../db/seed';

/**
 * Test servers only (ADR 0089): gives the demo accounts password hashes with scrypt N = 2^10 instead
 * of the app's 2^15. Signing in verifies a real scrypt hash with the parameters stored in it, as
 * always, at about a thirtieth of the CPU; the browser and HTTP tests sign in several hundred
 * times. The app, `npm run demo` and every account created while testing keep the full cost.
 */
export async function quickDemoPasswords(db: DB): Promise<void> {
  const hash = await hashPassword(demoPassword, { N: 2 ** 10 });
  const emails = demoAccounts.map((a) => a.email);
  await db.updateTable('users').set({ password_hash: hash }).where('email', 'in', emails).execute();
}
