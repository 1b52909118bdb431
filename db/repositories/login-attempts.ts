import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Executor = Kysely<Database> | Transaction<Database>;

export interface ThrottlePolicy {
  windowMinutes: number;
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = { windowMinutes: 15, maxFailuresPerEmail: 5, maxFailuresPerIp: 30 };

export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; ip: string | null; succeeded: boolean },
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      email: attempt.email.trim().toLowerCase().slice(0, 254),
      ip: attempt.ip,
      attempted_at: now.toISOString(),
      succeeded: attempt.succeeded ? 1 : 0,
    })
    .execute();
}

/**
 * Returns the minutes to wait when too many sign-ins failed recently for this address or IP
 * (counting failures since the last success for the address), else 0.
 */
export async function loginThrottle(
  db: Executor,
  email: string,
  ip: string | null,
  policy: ThrottlePolicy = defaultThrottlePolicy,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString();
  const normalised = email.trim().toLowerCase();
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('email', '=', normalised)
    .where('succeeded', '=', 1)
    .executeTakeFirst();
  const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
  const emailFailures = await db
    .selectFrom('login_attempts')
    .select(['attempted_at'])
    .where('email', '=', normalised)
    .where('succeeded', '=', 0)
    .where('attempted_at', '>', from)
    .orderBy('attempted_at', 'asc')
    .execute();
  const ipFailures = ip
    ? await db
        .selectFrom('login_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ip', '=', ip)
        .where('succeeded', '=', 0)
        .where('attempted_at', '>', since)
        .executeTakeFirstOrThrow()
    : { n: 0 };
  const blockedByEmail = emailFailures.length >= policy.maxFailuresPerEmail;
  const blockedByIp = Number(ipFailures.n) >= policy.maxFailuresPerIp;
  if (!blockedByEmail && !blockedByIp) return 0;
  const oldest = emailFailures[0]?.attempted_at ?? since;
  const unblockAt = new Date(oldest).getTime() + policy.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((unblockAt - now.getTime()) / 60_000));
}
