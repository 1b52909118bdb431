import { expect, test } from '@playwright/test';
import { clientFor } from '../support/http';
import { pdfText, squash } from '../support/pdf';
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
      await verein.post(`/antraege/${id}/umsetzung`, {
        intent: 'payout.add',
        receivedOn: '25.05.2026',
        amount: '1.000,00',
        note: '',
      })
    ).status(),
  ).toBe(302);
  const page = await (await verein.get(`/antraege/${id}/umsetzung`)).text();
  expect(page).toContain('Jetzt abrufbar');
  // 3.000 € need × 90 % = 2.700 €, minus 1.000 € already paid out.
  expect(page).toMatch(/Anteil der Zuwendung daran<\/dt><dd>2\.700,00\u00a0€/);
  expect(page).toMatch(/Jetzt abrufbar<\/dt><dd>1\.700,00\u00a0€/);
  await verein.dispose();
});

/** The answers of a complete Sachbericht as the form posts them. */
function proofForm(version: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    version,
    'report.ziele': 'Alle vier Ortsteile waren vertreten.',
    'report.umsetzung': 'Drei Bürgerwerkstätten und eine Online-Befragung.',
    'report.erreichte': 'Auch Jugendliche über die Schule.',
    'report.ergebnisse': 'Der Gemeinderat hat die Empfehlungen beschlossen.',
    'report.bewertung': 'Bewährt hat sich die aufsuchende Einladung.',
    'report.abweichungen': '',
    participants: '1.240',
    'income.ownCashCents': '1.000,00',
    'income.thirdPartyCents': '',
    'income.otherPublicCents': '',
    confirmed: ['buecher', 'publizitaet'],
    ...overrides,
  };
}

test('a municipality’s Verwendungsnachweis adds up its twenty receipts to the cent in page, PDF, JSON and CSV', async ({ baseURL }) => {
  test.slow();
  const kommune = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(kommune, 'Umsetzung Verwendungsnachweis');
  expect((await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  // Twenty expenditures with odd cents on both lines; the expected sums are computed here, not read from the app.
  const sums = { honorare: 0, oeffentlichkeitsarbeit: 0 };
  for (let i = 0; i < 20; i++) {
    const line = i % 3 === 0 ? 'oeffentlichkeitsarbeit' : 'honorare';
    const cents = 12_345 + i * 1_001;
    sums[line] += cents;
    const amount = `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}`;
    const posted = await kommune.post(
      `/antraege/${id}/umsetzung/belege`,
      receiptForm({
        lineId: line,
        grossCents: amount,
        purpose: `Ausgabe ${i + 1}`,
        paidOn: `${String(1 + (i % 28)).padStart(2, '0')}.06.2026`,
      }),
    );
    expect(posted.status(), `Beleg ${i + 1}`).toBe(302);
  }
  const euro = (cents: number) => `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')} €`;
  const total = sums.honorare + sums.oeffentlichkeitsarbeit;

  const before = await (await kommune.get(`/antraege/${id}/umsetzung/verwendungsnachweis`)).text();
  expect(before).toContain('Noch nicht vollständig');
  expect(before).toContain('wann der Zuwendungszweck erfüllt war');
  const version = /name="version" value="(\d+)"/.exec(before)![1]!;
  // Bad input comes back at its field with everything typed kept.
  const bad = await kommune.post(`/antraege/${id}/umsetzung/verwendungsnachweis`, proofForm(version, { 'income.ownCashCents': '1,000' }));
  expect(bad.status()).toBe(400);
  const badPage = await bad.text();
  expect(badPage).toContain('nicht eindeutig');
  expect(badPage).toContain('Der Gemeinderat hat die Empfehlungen beschlossen.');
  expect(badPage).toContain('value="1,000"');
  expect((await kommune.post(`/antraege/${id}/umsetzung/verwendungsnachweis`, proofForm(version))).status()).toBe(302);
  const overview = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
  const milestonesVersion = /name="version" value="(\d+)"/.exec(overview)![1]!;
  const milestones = {
    intent: 'milestones',
    version: milestonesVersion,
    startedOn: '15.04.2026',
    startReportedOn: '20.04.2026',
  };
  expect(
    (
      await kommune.post(`/antraege/${id}/umsetzung`, {
        ...milestones,
        purposeFulfilledOn: '30.11.2026',
      })
    ).status(),
  ).toBe(302);

  const page = (await (await kommune.get(`/antraege/${id}/umsetzung/verwendungsnachweis`)).text()).replace(/\u00a0/g, ' ');
  expect(page).toContain('Der Verwendungsnachweis ist vollständig');
  expect(page).toContain(`<td class="num">${euro(total)}</td>`);
  expect(page).toContain('value="1.240"');

  const pdf = await kommune.get(`/antraege/${id}/umsetzung/verwendungsnachweis.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toContain(`Verwendungsnachweis-${id}.pdf`);
  const text = squash(pdfText(await pdf.body()));
  expect(text).not.toContain('Entwurf');
  expect(text).toContain(`Honorare 6.000,00 € ${euro(sums.honorare)}`);
  expect(text).toContain(`Öffentlichkeitsarbeit 4.000,00 € ${euro(sums.oeffentlichkeitsarbeit)}`);
  expect(text).toContain(`Summe der Ausgaben 10.000,00 € ${euro(total)}`);
  expect(text).toContain('Zahl der beteiligten Personen: 1.240');
  // A municipality submits without receipts (ANBest-K Nr. 6.2): no Belegliste in its PDF.
  expect(text).not.toContain('Ausgabe 7');

  const json = JSON.parse(await (await kommune.get(`/antraege/${id}/umsetzung/verwendungsnachweis.json`)).text());
  expect(json.complete).toBe(true);
  expect(json.expenditure.map((l: { lineId: string; actualCents: number }) => [l.lineId, l.actualCents])).toEqual([
    ['honorare', sums.honorare],
    ['oeffentlichkeitsarbeit', sums.oeffentlichkeitsarbeit],
  ]);
  expect(json.belegliste).toBeNull();
  const csv = await (await kommune.get(`/antraege/${id}/umsetzung/belege.csv`)).text();
  const csvCents = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => Number(row.split(';').at(-1)!.replace(/"/g, '').replace(/\./g, '').replace(',', '')));
  expect(csvCents.reduce((s, c) => s + c, 0)).toBe(total);
  await kommune.dispose();
});

test('an association’s Verwendungsnachweis carries its Belegliste; simultaneous saves of one draft keep one and send the rest back', async ({
  baseURL,
}) => {
  const verein = await clientFor(baseURL!, 'verein');
  const id = await approvedApplication(verein, 'Umsetzung Nachweis Verein');
  expect((await verein.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm({ advancePayments: 'ja', inKind: '0' }))).status()).toBe(
    302,
  );
  expect((await verein.post(`/antraege/${id}/umsetzung/belege`, receiptForm({ orderedOn: '02.04.2026' }))).status()).toBe(302);
  expect(
    (
      await verein.post(`/antraege/${id}/umsetzung`, {
        intent: 'payout.add',
        receivedOn: '25.05.2026',
        amount: '1.000,00',
        note: '',
      })
    ).status(),
  ).toBe(302);
  const before = await (await verein.get(`/antraege/${id}/umsetzung/verwendungsnachweis`)).text();
  expect(before).toContain('Die Ausgaben waren notwendig.');
  expect(before).toContain('Unbare Eigenleistungen in Euro');
  const version = /name="version" value="(\d+)"/.exec(before)![1]!;
  const saves = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      verein.post(`/antraege/${id}/umsetzung/verwendungsnachweis`, proofForm(version, { 'report.bewertung': `Fassung ${i}` })),
    ),
  );
  expect(saves.map((r) => r.status()).sort()).toEqual([302, 409, 409, 409, 409, 409]);
  for (const [i, r] of saves.entries()) {
    if (r.status() !== 409) continue;
    const refused = await r.text();
    expect(refused).toContain(`Fassung ${i}`);
    // A message about the whole form (issue 15): no field is marked wrong, none was.
    expect(refused).toContain('Nicht gespeichert');
    expect(refused).not.toContain('aria-invalid="true"');
  }
  const after = await (await verein.get(`/antraege/${id}/umsetzung/verwendungsnachweis`)).text();
  expect(new Set(after.match(/Fassung \d/g))).toHaveProperty('size', 1);
  const json = JSON.parse(await (await verein.get(`/antraege/${id}/umsetzung/verwendungsnachweis.json`)).text());
  expect(json.belegliste.einnahmen).toEqual([
    {
      number: 1,
      receivedOn: '2026-05-25',
      payer: 'Sächsische Aufbaubank – Förderbank',
      cents: 100_000,
    },
  ]);
  expect(json.belegliste.ausgaben).toEqual([
    expect.objectContaining({
      number: 1,
      orderedOn: '2026-04-02',
      invoicedOn: '2026-05-12',
      paidOn: '2026-05-20',
      countedCents: 123_456,
    }),
  ]);
  const bytes = await (await verein.get(`/antraege/${id}/umsetzung/verwendungsnachweis.pdf`)).body();
  expect(squash(pdfText(bytes))).toContain('3. Belegliste (ANBest-P Nr. 6.4)');
  // One row of the Belegliste with order, invoice and payment date, payee, reason, amount (ANBest-P Nr. 6.4).
  const row = pdfText(bytes, { layout: true })
    .split('\n')
    .find((line) => line.includes('Moderation Meier'));
  expect(squash(row ?? '')).toMatch(/^1 02\.04\.2026 12\.05\.2026 20\.05\.2026 Moderation Meier Bürgerwerkstatt 1 1\.234,56 € Honorare$/);
  await verein.dispose();
});

test('a municipality previews a change, saves it, sees it flagged on the project page and downloads the Änderungsmitteilung', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(kommune, 'Umsetzung Änderungen');
  expect((await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  expect(
    (
      await kommune.post(`/antraege/${id}/umsetzung`, {
        intent: 'payout.add',
        receivedOn: '25.05.2026',
        amount: '3.600,00',
        note: '',
      })
    ).status(),
  ).toBe(302);
  const before = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
  expect(before).toContain('nichts mitzuteilen');
  const page = await (await kommune.get(`/antraege/${id}/umsetzung/aenderungen`)).text();
  expect(page).toContain('derzeit nichts mitzuteilen');
  expect(page).not.toContain('Insolvenzverfahren'); // ANBest-P Nr. 5.6 only
  const version = /name="version" value="(\d+)"/.exec(page)![1]!;
  const form = {
    version,
    forecast: '3.000,00',
    additional: '',
    source: '',
    circumstances: ['zeitplan'],
    explanation: 'Zwei Werkstätten entfallen, weil der Saal gesperrt ist.',
  };
  // "Berechnen" shows the consequence and saves nothing.
  const preview = await kommune.post(`/antraege/${id}/umsetzung/aenderungen`, {
    ...form,
    intent: 'berechnen',
  });
  expect(preview.status()).toBe(200);
  const previewText = (await preview.text()).replace(/\u00a0/g, ' ');
  expect(previewText).toContain('Vorschau (nicht gespeichert)');
  expect(previewText).toContain('Ermäßigung der Ausgaben um mehr als 7,5 % oder 10.000 € anzeigen');
  // 90 % of 3.000 € = 2.700 €; 3.600 € were paid out: 900 € to repay (above the VVK Nr. 8.7 limit of 450 €).
  expect(previewText).toContain('von 9.000,00 € auf 2.700,00 €');
  expect(previewText).toContain('zu erstatten wären 900,00 €');
  expect(await (await kommune.get(`/antraege/${id}/umsetzung`)).text()).toContain('nichts mitzuteilen');

  const bad = await kommune.post(`/antraege/${id}/umsetzung/aenderungen`, {
    ...form,
    additional: '50',
    intent: 'speichern',
  });
  expect(bad.status()).toBe(400);
  const badText = await bad.text();
  expect(badText).toContain('von wem die Mittel kommen');
  expect(badText).toContain('Zwei Werkstätten entfallen');
  expect(
    (
      await kommune.post(`/antraege/${id}/umsetzung/aenderungen`, {
        ...form,
        intent: 'speichern',
      })
    ).status(),
  ).toBe(302);
  // A second save with the version read before is refused, the typed text kept.
  const stale = await kommune.post(`/antraege/${id}/umsetzung/aenderungen`, {
    ...form,
    explanation: 'Ältere Fassung',
    intent: 'speichern',
  });
  expect(stale.status()).toBe(409);
  const staleText = await stale.text();
  expect(staleText).toContain('Ältere Fassung');
  expect(staleText).toContain('Nicht gespeichert');
  expect(staleText).not.toContain('aria-invalid="true"');

  const overview = (await (await kommune.get(`/antraege/${id}/umsetzung`)).text()).replace(/\u00a0/g, ' ');
  expect(overview).toContain('Mitteilung nötig');
  // The rules now see the expected reduction on the project page as well.
  expect(overview).toContain('Zuwendung voraussichtlich 2.700,00 € statt 9.000,00 €');
  const pdf = await kommune.get(`/antraege/${id}/umsetzung/aenderungen.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = squash(pdfText(await pdf.body()));
  expect(text).toContain('Mitteilung nach ANBest-K Nr. 5');
  expect(text).toContain('Ermäßigung der Ausgaben um mehr als 7,5 % oder 10.000 € anzeigen (ANBest-K Nr. 5.1)');
  expect(text).toContain('Das Vorhaben verzögert sich so, dass der Bewilligungszeitraum nicht ausreicht. (ANBest-K Nr. 5.2)');
  expect(text).toContain('Zwei Werkstätten entfallen, weil der Saal gesperrt ist.');
  await kommune.dispose();
});

test('a municipality downloads its Beginnanzeige with the first instalment once a start is recorded, and is sent to the start date before', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const id = await approvedApplication(kommune, 'Umsetzung Beginnanzeige');
  // 8.999,99 € grant: 40 % is 3.599,996 €, paid as 3.599,99 €.
  const bescheid = bescheidForm({ grant: '8.999,99', ownCash: '1.000,01' });
  expect((await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheid)).status()).toBe(302);
  const path = `/antraege/${id}/umsetzung/beginnanzeige.pdf`;

  const early = await kommune.get(path);
  expect(early.status()).toBe(302);
  expect(early.headers().location).toBe(`/antraege/${id}/umsetzung#termine-startedOn`);
  const before = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
  expect(before).not.toContain('Beginnanzeige (PDF)');
  expect(before).toContain('Die Beginnanzeige als PDF gibt es, sobald Sie');
  expect(before).toContain('id="termine-startedOn"');

  const milestone = async (fields: Record<string, string>) => {
    const page = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const response = await kommune.post(`/antraege/${id}/umsetzung`, {
      intent: 'milestones',
      version,
      ...fields,
    });
    expect(response.status()).toBe(302);
  };
  await milestone({ startedOn: '15.04.2026', startReportedOn: '20.04.2026' });
  const after = await (await kommune.get(`/antraege/${id}/umsetzung`)).text();
  expect(after).toContain(`href="${path}"`);
  expect(after).toContain('Beginnanzeige (PDF)');

  const pdf = await kommune.get(path);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="Beginnanzeige-${id}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`),
  );
  const text = squash(pdfText(await pdf.body()).replace(/\u00a0/g, ' '));
  expect(text).toContain('Anzeige des Vorhabenbeginns nach ANBest-K Nr. 5.4');
  expect(text).toContain('Zuwendungsempfänger Gemeinde Wiesenbach');
  expect(text).toContain('Aktenzeichen des Zuwendungsbescheides SAB-BB-2026-042');
  expect(text).toContain('Vorhaben begonnen am 15.04.2026');
  expect(text).toContain('Datum der Anzeige 20.04.2026');
  expect(text).toContain('Erste Rate (40 % der bewilligten Zuwendung) 3.599,99 €');
  // Received 10.03.2026: final from 11.04.2026 (the same day the project page shows).
  expect(text).toContain('bestandskräftig ab dem 11.04.2026');
  expect(text).toContain('Beginnanzeige SAB-BB-2026-042 – Seite 1 von 1');

  // Another organisation gets nothing.
  const verein = await clientFor(baseURL!, 'verein');
  expect((await verein.get(path)).status()).toBe(404);
  await verein.dispose();
  await kommune.dispose();
});

test('an organisation sees the deadlines of all its projects in implementation on one page and in one calendar file, no one else’s', async ({
  baseURL,
}) => {
  const kommune = await clientFor(baseURL!, 'kommune');
  const first = await approvedApplication(kommune, 'Fristen Vorhaben Eins');
  const second = await approvedApplication(kommune, 'Fristen Vorhaben Zwei');
  expect((await kommune.post(`/antraege/${first}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  expect(
    (await kommune.post(`/antraege/${second}/umsetzung/bescheid`, bescheidForm({ fileNumber: 'SAB-2', periodEnd: '30.09.2027' }))).status(),
  ).toBe(302);
  expect(await (await kommune.get('/antraege')).text()).toContain('Fristen aller Vorhaben in Umsetzung');
  const page = await (await kommune.get('/antraege/fristen')).text();
  for (const title of ['Fristen Vorhaben Eins', 'Fristen Vorhaben Zwei']) expect(page).toContain(title);
  // Sorted by date: the first project's period ends before the second's.
  expect(page.indexOf('31.03.2027')).toBeLessThan(page.indexOf('30.09.2027'));
  expect(page).toContain('ANBest-K Nr. 6.1');
  const ics = (await (await kommune.get('/antraege/fristen.ics')).text()).replace(/\r\n /g, '');
  for (const id of [first, second]) expect(ics).toContain(`UID:frist-nachweis-${id}@`);
  expect(ics).toContain('SUMMARY:Ende des Bewilligungszeitraums – Fristen Vorhaben Zwei');
  expect(ics).toContain('DTSTART;VALUE=DATE:20270930');
  await kommune.dispose();

  const verein = await clientFor(baseURL!, 'verein');
  const theirs = await (await verein.get('/antraege/fristen')).text();
  expect(theirs).not.toContain('Fristen Vorhaben');
  expect(await (await verein.get('/antraege/fristen.ics')).text()).not.toContain(`frist-nachweis-${first}@`);
  await verein.dispose();
});

test('a calendar app subscribes to the deadlines by a secret address; renewing or ending it closes the old one', async ({ baseURL }) => {
  const kommune = await clientFor(baseURL!, 'kommune2');
  const id = await approvedApplication(kommune, 'Abo Vorhaben');
  expect((await kommune.post(`/antraege/${id}/umsetzung/bescheid`, bescheidForm())).status()).toBe(302);
  expect(await (await kommune.get('/antraege/fristen')).text()).toContain('Abonnement-Adresse erzeugen');

  const created = await kommune.post('/antraege/fristen', {
    intent: 'kalender.erzeugen',
  });
  expect(created.status()).toBe(200);
  const shown = /id="kalender-adresse"[^>]*value="([^"]+)"/.exec(await created.text())![1]!;
  const path = new URL(shown).pathname;
  expect(path).toMatch(/^\/kalender\/[A-Za-z0-9_-]{32}\/fristen\.ics$/);
  // Without any session: the organisation's calendar, another organisation's projects not in it.
  const calendarApp = await clientFor(baseURL!, 'anonymous');
  const feed = await calendarApp.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const body = (await feed.text()).replace(/\r\n /g, '');
  expect(body).toContain(`UID:frist-nachweis-${id}@`);
  expect(body).toContain('Abo Vorhaben');
  // The address is shown only once; afterwards the page says since when one exists.
  const later = await (await kommune.get('/antraege/fristen')).text();
  expect(later).not.toContain(shown);
  expect(later).toContain('Eine Adresse besteht seit');

  // Renewed: the old address is gone, the new one works.
  const renewed = await (await kommune.post('/antraege/fristen', { intent: 'kalender.erzeugen' })).text();
  const next = new URL(/value="(http[^"]+fristen\.ics)"/.exec(renewed)![1]!).pathname;
  expect(next).not.toBe(path);
  expect((await calendarApp.get(path)).status()).toBe(404);
  expect((await calendarApp.get(next)).status()).toBe(200);
  // Ended: no address works; a guessed one never did.
  expect((await kommune.post('/antraege/fristen', { intent: 'kalender.beenden' })).status()).toBe(302);
  expect((await calendarApp.get(next)).status()).toBe(404);
  expect((await calendarApp.get('/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/fristen.ics')).status()).toBe(404);
  await Promise.all([kommune.dispose(), calendarApp.dispose()]);
});
