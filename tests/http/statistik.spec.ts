import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';
import { insertDraft, removeDraft, runOnE2eDatabase } from '../support/regelwerk';
import { sampleVereinApplication } from '../support/sample-application';
import { approvedApplication, bescheidForm } from '../support/umsetzung';

/**
 * Statistics of requested grants (by route, by funding call, over time) and their CSV export:
 * German spreadsheets open the file as it is, and no sum of one or two amounts is shown.
 */

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(';'));

test('requested grants by route, call and period, each table as a CSV for German spreadsheets, without names or small sums', async ({
  baseURL,
}) => {
  const drafts = [1_234_500, 2_000_000, 765_433].map((cents, i) => {
    const id = insertDraft('verein@demo.example', sampleVereinApplication(), `Statistik-Entwurf ${i}`);
    runOnE2eDatabase('update applications set requested_grant_cents = ? where id = ?', cents, id);
    return id;
  });
  try {
    const ministry = await clientFor(baseURL!, 'ministerium');
    const page = await (await ministry.get('/regelwerk/statistik?zeitraum=quartal')).text();
    for (const heading of ['Beantragte Zuwendungen nach Förderweg', 'Beantragte Zuwendungen nach Förderaufruf', 'Im Zeitverlauf'])
      expect(page).toContain(heading);
    expect(page).toContain('Annahme');

    for (const table of ['betraege-foerderweg', 'betraege-aufruf', 'zeitverlauf', 'foerderweg', 'landkreis']) {
      const response = await ministry.get(`/regelwerk/statistik/export.csv?tabelle=${table}&zeitraum=quartal`);
      expect(response.status(), table).toBe(200);
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="statistik-${table}.*\\.csv"$`));
      const body = (await response.body()).toString('utf8');
      expect(body.startsWith('\uFEFF'), table).toBe(true);
      for (const name of ['Bürgerforum Oberlausitz', 'Wiesenbach', 'Statistik-Entwurf', 'Jana Nowak']) expect(body).not.toContain(name);
      const [header, ...rows] = lines(body);
      expect(header!.length, table).toBeGreaterThan(1);
      if (!table.startsWith('betraege') && table !== 'zeitverlauf') continue;
      for (const row of rows) {
        const withAmount = Number(row[2]!.replace(/\./g, ''));
        // A sum of one or two requested grants would be one organisation's amount.
        if (withAmount > 0 && withAmount < 3) expect(row[3], `${table}: ${row.join(';')}`).toBe('ausgeblendet');
        if (row[3] !== 'ausgeblendet') expect(row[3], `${table}: ${row.join(';')}`).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
      }
    }

    // The three drafts of route B (Zivilgesellschaft) are enough for a visible sum in German notation.
    const byRoute = lines(
      (await (await ministry.get('/regelwerk/statistik/export.csv?tabelle=betraege-foerderweg')).body()).toString('utf8'),
    );
    const route = byRoute.find((r) => r[0] === 'Vorhaben der Zivilgesellschaft')!;
    expect(Number(route[2]!.replace(/\./g, ''))).toBeGreaterThanOrEqual(3);
    expect(route[3]).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);

    expect((await ministry.get('/regelwerk/statistik/export.csv?tabelle=gibt-es-nicht')).status()).toBe(404);
    await ministry.dispose();
  } finally {
    for (const id of drafts) removeDraft(id);
  }
});

test('the ministry sees grants in implementation by year and part only as aggregates, small sums hidden (issue 19 Nr. 8)', async ({
  baseURL,
}) => {
  // A project of its own in implementation (the e2e database starts without one; other specs may add more).
  const verein = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(verein, 'Statistik in Umsetzung');
  expect((await verein.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  await verein.dispose();
  const ministry = await clientFor(baseURL!, 'ministerium');
  const page = await (await ministry.get('/regelwerk/statistik')).text();
  expect(page).toContain('Vorhaben in Umsetzung');
  const body = (await (await ministry.get('/regelwerk/statistik/export.csv?tabelle=umsetzung')).body()).toString('utf8');
  const [header, ...rows] = lines(body);
  expect(header).toEqual([
    'Jahr des Bescheides',
    'Förderweg',
    'Vorhaben',
    'bewilligt, Summe (€)',
    'ausgezahlt, Summe (€)',
    'Verwendungsnachweis vorgelegt',
  ]);
  // The Bescheid above (issued 02.03.2026, an association: Teil B) is counted in its row.
  expect(rows.find((r) => r[0] === '2026' && r[1]!.includes('Teil 2 B'))?.[2]).toMatch(/^[1-9]/);
  for (const name of ['Bürgerforum Oberlausitz', 'Nachbarschaftsforen', 'SAB-BB-DEMO', 'Jana Nowak']) expect(body).not.toContain(name);
  for (const row of rows) {
    expect(row[0]).toMatch(/^\d{4}$/);
    const projects = Number(row[2]!.replace(/\./g, ''));
    for (const sum of [row[3], row[4]])
      if (projects < 3) expect(sum, row.join(';')).toBe('ausgeblendet');
      else expect(sum, row.join(';')).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);
  }
  await ministry.dispose();
});
