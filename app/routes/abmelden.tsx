import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { readProtectedForm } from '../csrf.server';
import { signOut } from '../konto/sign-in.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request);
  return redirect('/?abgemeldet=1', { headers: { 'Set-Cookie': await signOut(request) } });
}
