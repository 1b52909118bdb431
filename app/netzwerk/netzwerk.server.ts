import { redirect } from '@remix-run/node';
import { memberByUser, type Member } from '../../db/repositories/netzwerk';
import { methods } from '../../machines/methoden/catalogue';
import { isModerator } from '../../machines/netzwerk/profile';
import { getDb } from '../db.server';
import { requireUser, type CurrentUser } from '../session.server';

/** The methods catalogue as the network uses it (expertise on profiles, the directory filter). */
export const methodSlugs = methods.map((m) => m.slug);
export const methodName = new Map(methods.map((m) => [m.slug, m.name]));
export const methodOptions = methods.map((m) => ({ value: m.slug, label: m.name }));

/**
 * A signed-in network member; non-members are sent to the network's start page (where they can
 * join), anonymous visitors to the sign-in page, blocked members get 403. Network content is for
 * members only (issue 20 "non-members never see network content").
 */
export async function requireMember(request: Request): Promise<{ user: CurrentUser; member: Member; moderator: boolean }> {
  const user = await requireUser(request);
  const member = await memberByUser(await getDb(), user.id);
  if (!member) throw redirect('/netzwerk');
  if (member.blocked)
    throw new Response('Ihr Zugang zum EBBS-Netzwerk ist gesperrt. Bitte wenden Sie sich an die EBBS-Beratung.', { status: 403 });
  return { user, member, moderator: isModerator(user.role) };
}
