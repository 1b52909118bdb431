import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';

/**
 * Administrators creating the same account at the same moment (SQLite in `http`, two instances on
 * PostgreSQL in `http-pg`): one account with one audit entry; everyone else gets the German message
 * at the e-mail field, never an error page.
 */
test('eight simultaneous creations of one address give one account, one audit entry and seven messages', async ({ baseURL }) => {
  const admins = [];
  for (let i = 0; i < 8; i += 1) admins.push(await clientFor(baseURL!, 'admin'));
  const email = `gleichzeitig-${randomUUID()}@example.org`;
  const responses = await Promise.all(
    admins.map((admin) => admin.post('/verwaltung', { intent: 'create', name: 'Gleichzeitig Angelegt', email, role: 'advisor' })),
  );
  const bodies = await Promise.all(responses.map((r) => r.text()));
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 400)).toHaveLength(7);
  expect(bodies.filter((b) => b.includes('Vorläufiges Passwort'))).toHaveLength(1);
  expect(bodies.filter((b) => b.includes('Für diese E-Mail-Adresse besteht bereits ein Konto.'))).toHaveLength(7);

  const list = await (await admins[0]!.get('/verwaltung')).text();
  const rows = list.split('<tr').filter((row) => row.includes(`<td>${email}</td>`));
  expect(rows).toHaveLength(1);
  const id = /href="\/verwaltung\/konten\/(\d+)"/.exec(rows[0]!)?.[1];
  expect(id).toBeDefined();
  const audit = await (await admins[0]!.get(`/verwaltung/protokoll?konto=${id}`)).text();
  expect(audit.split('<td>Konto angelegt</td>').length - 1).toBe(1);
  await Promise.all(admins.map((admin) => admin.dispose()));
});
