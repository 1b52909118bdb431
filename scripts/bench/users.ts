import { findOrganisation } from '../../db/repositories/organisations';
import { createUser } from '../../db/repositories/users';
import { gemeindeCheckAnswers } from '../../tests/support/check-answers';
import { cookiesOf, percentile, versionIn } from '../support/client';
import { createDrafts } from '../support/save-load';
import { startBenchServer } from './server';

/**
 * Issue 14 point 5: `npm run bench -- load`. Virtual users (BENCH_USERS, default 50) work against
 * one server for a bounded time (BENCH_SECONDS, default 60), each with its own account and draft,
 * in a loop: sign in, answer the Förder-Check, open and save wizard steps, download the PDF,
 * sign out. Between two pages a user thinks (BENCH_THINK_MS, default 1 000 ms). Reports every
 * error (goal: none), the p95 per page type and the saves per second.
 */
const password = 'Lasttest-Passwort-2026';

class VirtualUser {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly baseUrl: string,
    private readonly record: (type: string, ms: number, problem: string | null) => void,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One request of a page type; `expect` is the status that counts as success. */
  async request(type: string, path: string, options: { form?: Record<string, string>; expect: number }): Promise<Response | null> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: options.form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { Cookie: this.cookieHeader(), ...(options.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        body: options.form ? new URLSearchParams({ ...options.form, csrf: this.csrf }) : undefined,
      });
      const body = await response.text();
      for (const pair of cookiesOf(response).split('; ').filter(Boolean)) {
        const [name, ...value] = pair.split('=');
        this.cookies.set(name!, value.join('='));
      }
      this.csrf = /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
      const ok = response.status === options.expect;
      this.record(type, performance.now() - started, ok ? null : `${type} ${path}: ${response.status}`);
      return ok ? Object.assign(response, { html: body }) : null;
    } catch (error) {
      this.record(type, performance.now() - started, `${type} ${path}: ${String(error)}`);
      return null;
    }
  }
}

type Page = Response & { html?: string };

export async function benchLoad(): Promise<void> {
  const users = Number(process.env.BENCH_USERS ?? 50);
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
  const accounts: Array<{ email: string; draft: number }> = [];
  const server = await startBenchServer(async (db) => {
    const kommune = await db
      .selectFrom('users')
      .select('organisation_id')
      .where('email', '=', 'kommune@demo.example')
      .executeTakeFirstOrThrow();
    const organisation = await findOrganisation(db, kommune.organisation_id!);
    for (let i = 1; i <= users; i += 1) {
      const email = `last-${i}@bench.example`;
      await createUser(db, { email, name: `Lasttest ${i}`, password, role: 'applicant', organisationId: organisation!.id });
      accounts.push({ email, draft: (await createDrafts(db, 1, email))[0]! });
    }
  });
  const times = new Map<string, number[]>();
  const problems: string[] = [];
  let saves = 0;
  const record = (type: string, ms: number, problem: string | null) => {
    times.set(type, [...(times.get(type) ?? []), ms]);
    if (problem) problems.push(problem);
  };
  const until = performance.now() + seconds * 1000;
  const think = () => new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
  const running = () => performance.now() < until;

  async function session(user: VirtualUser, account: { email: string; draft: number }) {
    await user.request('Anmeldeseite', '/anmelden', { expect: 200 });
    if (!(await user.request('Anmelden (POST)', '/anmelden', { form: { email: account.email, password }, expect: 302 }))) return;
    await think();
    // The Förder-Check from the start to its result.
    let at =
      (await user.request('Förder-Check starten (POST)', '/foerdercheck', { form: {}, expect: 302 }))?.headers.get('location') ?? null;
    while (at && running() && !at.endsWith('/ergebnis')) {
      const step = at.split('/').at(-1)!;
      await user.request('Förder-Check Frage', at, { expect: 200 });
      await think();
      at =
        (
          await user.request('Förder-Check Antwort (POST)', at, { form: { ...gemeindeCheckAnswers[step], intent: 'weiter' }, expect: 302 })
        )?.headers.get('location') ?? null;
    }
    if (at) await user.request('Förder-Check Ergebnis', at, { expect: 200 });
    await think();
    // The wizard: open steps, save the schedule three times, look at the overview.
    const draft = `/antraege/${account.draft}`;
    for (let n = 1; n <= 3 && running(); n += 1) {
      const page = (await user.request('Antrag Schritt', `${draft}/zeitplan`, { expect: 200 })) as Page | null;
      const version = versionIn(page?.html ?? '');
      await think();
      if (version === null) continue;
      const saved = await user.request('Antrag Schritt speichern (POST)', `${draft}/zeitplan`, {
        form: {
          version: String(version),
          intent: 'speichern',
          start: '01.03.2027',
          end: '31.12.2027',
          alreadyStarted: 'nein',
          'milestones[0].id': 'm1',
          'milestones[0].title': `Meilenstein ${n}`,
          'milestones[0].date': '01.06.2027',
        },
        expect: 302,
      });
      if (saved) saves += 1;
      await user.request('Antrag Übersicht', draft, { expect: 200 });
      await think();
    }
    await user.request('Antrag PDF', `${draft}/pdf`, { expect: 200 });
    await think();
    await user.request('Abmelden (POST)', '/abmelden', { form: {}, expect: 302 });
  }

  const started = performance.now();
  try {
    await Promise.all(
      accounts.map(async (account, index) => {
        // Users arrive over the first five seconds, not all in the same millisecond.
        await new Promise((r) => setTimeout(r, (5000 * index) / accounts.length));
        const user = new VirtualUser(server.baseUrl, record);
        while (running()) await session(user, account);
      }),
    );
  } finally {
    await server.stop();
  }
  const elapsed = (performance.now() - started) / 1000;
  const all = [...times.values()].flat();
  console.log(`\n## Last: ${users} virtuelle Nutzer, ${seconds} s, Denkzeit ${thinkMs} ms (±50 %), ein Server`);
  console.table(
    [...times].map(([type, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        Seitentyp: type,
        Anfragen: list.length,
        'Median ms': percentile(sorted, 50).toFixed(1),
        'p95 ms': percentile(sorted, 95).toFixed(1),
        'max ms': sorted.at(-1)!.toFixed(1),
      };
    }),
  );
  console.log(
    `Anfragen gesamt: ${all.length} (${(all.length / elapsed).toFixed(1)}/s); Speicherungen: ${saves} (${(saves / elapsed).toFixed(1)}/s); Fehler: ${problems.length} (Ziel 0)`,
  );
  for (const problem of problems.slice(0, 20)) console.log(`- ${problem}`);
  if (problems.length) process.exitCode = 1;
}
