import { expect } from '@playwright/test';
import type { Client } from './http';

/** A new draft of the client's organisation, recorded as submitted and approved (status "bewilligt"). */
export async function approvedApplication(client: Client, title: string, decisionDate = '02.03.2026'): Promise<number> {
  const created = await client.post('/antraege/neu', {});
  const id = Number(/\/antraege\/(\d+)/.exec(created.headers().location ?? '')![1]);
  const html = await (await client.get(`/antraege/${id}/vorhaben`)).text();
  const version = /name="version"[^>]*value="(\d+)"/.exec(html)![1]!;
  expect((await client.post(`/antraege/${id}/vorhaben`, { title, version, intent: 'speichern' })).status()).toBe(302);
  for (const form of <Array<Record<string, string>>>[
    { intent: 'einreichung.erfassen', date: '15.01.2026', reference: 'SAB-2026-0815' },
    { intent: 'bescheid.erfassen', outcome: 'bewilligt', date: decisionDate, note: '' },
  ]) {
    const statusPage = await (await client.get(`/antraege/${id}/status`)).text();
    const reviewVersion = /name="reviewVersion" value="(\d+)"/.exec(statusPage)![1]!;
    const response = await client.post(`/antraege/${id}/status`, { ...form, reviewVersion });
    expect(response.status(), form.intent).toBe(302);
  }
  return id;
}

/** A balanced Bescheid as the form posts it: 10.000 € plan, 9.000 € grant, 1.000 € own funds. */
export function bescheidForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'save',
    version: '0',
    fileNumber: 'SAB-BB-2026-042',
    issuedOn: '02.03.2026',
    receivedOn: '10.03.2026',
    appealWaivedOn: '',
    periodStart: '01.04.2026',
    periodEnd: '31.03.2027',
    financingType: 'anteilfinanzierung',
    grant: '9.000,00',
    rate: '90',
    vatDeductible: 'nein',
    advancePayments: 'nein',
    lineCount: '2',
    'line.0.id': 'honorare',
    'line.0.label': 'Honorare',
    'line.0.amount': '6.000,00',
    'line.1.id': 'oeffentlichkeitsarbeit',
    'line.1.label': 'Öffentlichkeitsarbeit',
    'line.1.amount': '4.000,00',
    ownCash: '1.000,00',
    inKind: '0',
    thirdParty: '0',
    otherPublic: '0',
    conditions: '',
    ...overrides,
  };
}

export function receiptForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'add',
    lineId: 'honorare',
    invoicedOn: '12.05.2026',
    paidOn: '20.05.2026',
    orderedOn: '',
    payee: 'Moderation Meier',
    purpose: 'Bürgerwerkstatt 1',
    netCents: '',
    grossCents: '1.234,56',
    ...overrides,
  };
}

/** A stored Bescheid (machines/umsetzung/bescheid.ts) for tests that write the database directly. */
export function storedBescheid(part: 'A' | 'B') {
  return {
    schemaVersion: 1,
    programmePart: part,
    fileNumber: 'SAB-FUZZ-1',
    issuedOn: '2026-03-02',
    receivedOn: '2026-03-10',
    appealWaivedOn: null,
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    financingType: 'anteilfinanzierung',
    grantCents: 2_700_000,
    rateBp: 9000,
    vatDeductible: false,
    advancePayments: part === 'B',
    lines: [
      { id: 'honorare', label: 'Honorare', approvedCents: 2_000_000 },
      { id: 'sachmittel', label: 'Sachmittel', approvedCents: 1_000_000 },
    ],
    financing: { ownCashCents: 300_000, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 },
    conditions: '',
  };
}

/**
 * Makes the Verwendungsnachweis of a recorded Bescheid complete: one paid receipt, every Sachbericht
 * question answered, every income entered, every confirmation of the grantee's part ticked, and the
 * day the purpose was fulfilled recorded.
 */
export async function finishedProof(client: Client, id: number, answers: Record<string, string> = {}): Promise<void> {
  const base = `/antraege/${id}/umsetzung`;
  expect((await client.post(`${base}/belege`, receiptForm())).status()).toBe(302);
  const overview = await (await client.get(base)).text();
  const milestones = await client.post(base, {
    intent: 'milestones',
    version: /name="version"[^>]*value="(\d+)"/.exec(overview)![1]!,
    startedOn: '01.04.2026',
    startReportedOn: '02.04.2026',
    purposeFulfilledOn: '30.11.2026',
    proofSubmittedOn: '',
    proofCheckedOn: '',
  });
  expect(milestones.status()).toBe(302);
  const page = await (await client.get(`${base}/verwendungsnachweis`)).text();
  const form: Record<string, string | string[]> = {
    version: /name="version"[^>]*value="(\d+)"/.exec(page)![1]!,
    participants: '120',
    confirmed: [...page.matchAll(/name="confirmed"[^>]*value="([^"]+)"/g)].map((m) => m[1]!),
  };
  for (const [, name] of page.matchAll(/<textarea[^>]*name="(report\.[a-z]+)"/g)) form[name!] = `Antwort auf ${name} mit genug Text.`;
  for (const [, name] of page.matchAll(/name="(income\.[A-Za-z]+)"/g)) form[name!] = '0';
  Object.assign(form, answers);
  const saved = await client.post(`${base}/verwendungsnachweis`, form);
  expect(saved.status()).toBe(302);
  expect(await (await client.get(`${base}/verwendungsnachweis`)).text()).toContain('Der Verwendungsnachweis ist vollständig');
}
