import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { recordAudit } from '../../db/repositories/audit';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { endUserSession, getUser } from '../session.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request);
  const user = await getUser(request);
  if (user) {
    await recordAudit(await getDb(), { actorUserId: user.id, action: 'session.signed_out', subjectType: 'user', subjectId: user.id });
  }
  return redirect('/?abgemeldet=1', { headers: { 'Set-Cookie': await endUserSession(request) } });
}
