import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';
import { approvedApplication, bescheidForm, receiptForm } from '../support/umsetzung';

/** Vorhaben in Umsetzung at the HTTP level: the Bescheid, the Belegliste, refusals and concurrency. */

test('a Bescheid is recorded only after the approval, refused while its plan does not balance, and then books receipts', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const draft = await kommune.post('/antraege/neu', {});
  const draftId = Number(/\/antraege\/(\d+)/.exec(draft.headers().location ?? '')![1]);
  expect((await kommune.post(`/antraege/${draftId}/umsetzung/bescheid`, bescheidForm())).status()).toBe(409);

  const id = await approvedApplication(kommune, 'Umsetzung HTTP 1');
  expect(await (await kommune.get(`/antraege/${id}/umsetzung`)).text()).toContain('Noch ist kein Zuwendungsbescheid erfasst');
  const form = await (await kommune.get(`/antraege/${id}/umsetzung/bescheid`)).text();
  expect(form).toContain('02.03.2026'); // the decision date from the status page

  const unbalanced = await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ ownCash: '999,99' }));
  expect(unbalanced.status()).toBe(400);
  const page = await unbalanced.text();
  expect(page).toContain('Der Finanzierungsplan ist nicht ausgeglichen');
  expect(page).toContain('ANBest-K/ANBest-P Nr. 1.2');
  expect(page).toContain('value="999,99"');

  // A line count no form of ours sends (found by the fuzzer: "1e309" is Infinity) is bounded.
  for (const lineCount of ['1e309', '1e6', '-5', 'viele']) {
    const odd = await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ ownCash: '999,99', lineCount }));
    expect(odd.status(), lineCount).toBe(400);
    expect((await odd.text()).match(/name="line\.\d+\.amount"/g)?.length ?? 0, lineCount).toBeLessThanOrEqual(100);
  }

  const saved = await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm());
  expect(saved.status()).toBe(302);
  expect(saved.headers().location).toBe(`/antraege/${id}/umsetzung?hinweis=bescheid`);
  const overview = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
  expect(overview).toContain('Bestandskräftig ab');
  expect(overview).toContain('11.04.2026');
  expect(overview).toContain('3.600,00');
  // 900 € final instalment under the 1.000 € minimum: both clauses shown, decision left to the SAB.
  expect(overview).toContain('Entscheidung nötig');
  expect(overview).toContain('FRL Teil 2 A VI Nr. 2');

  const outside = await kommune.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ invoicedOn: '01.04.2027' }));
  expect(outside.status()).toBe(400);
  const outsideText = await outside.text();
  expect(outsideText).toContain('außerhalb des Bewilligungszeitraums');
  expect(outsideText).toContain('value="Moderation Meier"');
  const unknownLine = await kommune.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ lineId: 'catering' }));
  expect(unknownLine.status()).toBe(400);
  expect(await unknownLine.text()).toContain('nicht bewilligt');
  const ambiguous = await kommune.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '1,234' }));
  expect(ambiguous.status()).toBe(400);
  expect(await ambiguous.text()).toContain('nicht eindeutig');

  expect((await kommune.post(`/antraege/${id}/umsetzung/belege`, receiptForm())).status()).toBe(302);
  expect(
    (
      await kommune.post(
        `/antraege/${id}/umsetzung/belege`,
        receiptForm({
          lineId: 'oeffentlichkeitsarbeit',
          invoicedOn: '01.06.2026',
          grossCents: '4.100,01',
          paidOn: '',
          payee: '=SUMME(A1)',
        }),
      )
    ).status(),
  ).toBe(302);
  const list = await (await kommune.get(`/antraege/${id}/umsetzung/belege`)).text();
  expect(list).toContain('1.234,56');
  expect(list).toContain('-100,01'); // the line is overrun, the total is not
  const csv = await (await kommune.get(`/antraege/${id}/umsetzung/belege.csv`)).text();
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'Lfd. Nr.;Position;Auftragsdatum;Rechnungsdatum;Zahlungsdatum;Empfänger;Grund der Zahlung;Betrag netto;Betrag brutto;Zuwendungsfähiger Betrag',
  );
  expect(lines[1]).toBe('1;Honorare;;12.05.2026;20.05.2026;Moderation Meier;Bürgerwerkstatt 1;1.234,56;1.234,56;1.234,56');
  // A payee a spreadsheet would run as a formula is written as text.
  expect(lines[2]).toBe("2;Öffentlichkeitsarbeit;;01.06.2026;;'=SUMME(A1);Bürgerwerkstatt 1;4.100,01;4.100,01;4.100,01");

  // The due dates as a calendar file (issue 19 Nr. 6): the Bescheid of bescheidForm() ends on 31.03.2027.
  const ics = await kommune.get(`/antraege/${id}/umsetzung/termine.ics`);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = (await ics.text()).replace(/\r\n /g, '');
  expect(calendar).toContain('DTSTART;VALUE=DATE:20270331');
  expect(calendar).toMatch(/SUMMARY:Verwendungsnachweis fällig – Umsetzung HTTP 1/);
  expect(calendar).toContain(`/antraege/${id}/umsetzung`);

  // Another organisation sees none of it.
  const verein = await clientFor(baseURL!, 'verein');
  for (const path of [
    `/antraege/${id}/umsetzung/termine.ics`,
    `/antraege/${id}/umsetzung`,
    `/antraege/${id}/umsetzung/belege`,
    `/antraege/${id}/umsetzung/belege.csv`,
    `/antraege/${id}/umsetzung/bescheid`,
  ]) {
    expect((await verein.get(path)).status(), path).toBe(404);
  }
  expect((await verein.post(`/antraege/${id}/umsetzung/belege`, receiptForm())).status()).toBe(404);
  await Promise.all([kommune.dispose(), verein.dispose()]);
});

test('of many simultaneous first Bescheide and of many edits of the same version exactly one is saved', async ({ baseURL }) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(kommune, 'Umsetzung gleichzeitig');
  const first = await Promise.all(
    Array.from({ length: 8 }, (_, i) => kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ fileNumber: `SAB-PAR-${i}` }))),
  );
  expect(first.map((r) => r.status()).sort()).toEqual([302, 409, 409, 409, 409, 409, 409, 409]);
  const edits = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ version: '1', conditions: `Auflage ${i}` })),
    ),
  );
  expect(edits.map((r) => r.status()).sort()).toEqual([302, 409, 409, 409, 409, 409, 409, 409]);
  const page = await (await kommune.get(`/antraege/${id}/umsetzung/bescheid`)).text();
  expect(new Set(page.match(/Auflage \d/g))).toHaveProperty('size', 1);
  // Receipts are rows of their own: simultaneous additions are all kept.
  const added = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      kommune.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ purpose: `Gleichzeitig ${i}`, grossCents: '10,00' })),
    ),
  );
  expect(added.every((r) => r.status() === 302)).toBe(true);
  expect(await (await kommune.get(`/antraege/${id}/umsetzung/belege`)).text()).toContain('Belege in zeitlicher Reihenfolge (10)');
  await kommune.dispose();
});

test('an association with advance payments sees what it may request now, computed from its Belegliste', async ({ baseURL }) => {
  const verein = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(verein, 'Umsetzung Mittelabruf');
  expect((await verein.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ advancePayments: 'ja', inKind: '0' }))).status()).toBe(
    302,
  );
  // Invoices dated in the period; the open one counts as long as it falls due within six months.
  expect((await verein.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '2.000,00' }))).status()).toBe(302);
  expect((await verein.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ grossCents: '1.000,00', paidOn: '' }))).status()).toBe(302);
  expect(
    (
      await verein.post(`/antraege/${id}/umsetzung`, { intent: 'payout.add', receivedOn: '25.05.2026', amount: '1.000,00', note: '' })
    ).status(),
  ).toBe(302);
  const page = await (await verein.get(`/antraege/${id}/umsetzung`)).text();
  expect(page).toContain('Jetzt abrufbar');
  // 3.000 € need × 90 % = 2.700 €, minus 1.000 € already paid out.
  expect(page).toMatch(/Anteil der Zuwendung daran<\/dt><dd>2\.700,00\u00a0€/);
  expect(page).toMatch(/Jetzt abrufbar<\/dt><dd>1\.700,00\u00a0€/);
  await verein.dispose();
});
