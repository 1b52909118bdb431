import { describe, expect, it } from 'vitest';
import { bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import { addMonths, endOfMonthAfter } from '../../machines/umsetzung/calendar';
import { chronological, parseReceiptForm, receiptTotals, type Receipt } from '../../machines/umsetzung/receipts';

const bescheid: Bescheid = bescheidSchema.parse({
  schemaVersion: 1,
  programmePart: 'B',
  fileNumber: 'SAB-1',
  issuedOn: '2026-03-02',
  receivedOn: '2026-03-05',
  appealWaivedOn: null,
  periodStart: '2026-04-01',
  periodEnd: '2027-03-31',
  financingType: 'anteilfinanzierung',
  grantCents: 900_000,
  rateBp: 9000,
  vatDeductible: false,
  advancePayments: true,
  lines: [
    { id: 'honorare', label: 'Honorare', approvedCents: 600_000 },
    { id: 'druck', label: 'Öffentlichkeitsarbeit', approvedCents: 400_000 },
  ],
  financing: { ownCashCents: 100_000, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 },
  conditions: '',
});

const form = {
  invoicedOn: '12.05.2026',
  paidOn: '20.05.2026',
  payee: 'Moderation Meier',
  purpose: 'Workshop 1',
  lineId: 'honorare',
  grossCents: '1.234,56',
};

describe('a receipt typed in the form', () => {
  it('reads de-DE dates and amounts into ISO and cents', () => {
    const parsed = parseReceiptForm(form, bescheid);
    expect(parsed).toEqual({
      ok: true,
      receipt: expect.objectContaining({
        invoicedOn: '2026-05-12',
        paidOn: '2026-05-20',
        grossCents: 123_456,
        netCents: 123_456,
        lineId: 'honorare',
        asset: false,
      }),
    });
  });

  it('refuses an invoice outside the approved period, naming the field and the clause', () => {
    const parsed = parseReceiptForm({ ...form, invoicedOn: '01.04.2027' }, bescheid);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.invoicedOn).toMatch(
        /außerhalb des Bewilligungszeitraums 01\.04\.2026 bis 31\.03\.2027.*VwV zu § 44 SäHO Nr\. 4\.2\.5/,
      );
    expect(parseReceiptForm({ ...form, invoicedOn: '31.03.2027', paidOn: '' }, bescheid).ok).toBe(true);
  });

  it('refuses a line the Bescheid never approved', () => {
    const parsed = parseReceiptForm({ ...form, lineId: 'catering' }, bescheid);
    expect(!parsed.ok && parsed.errors.lineId).toMatch(/nicht bewilligt.*Nr\. 1\.1/);
  });

  it('refuses an ambiguous amount and a gross below net', () => {
    const ambiguous = parseReceiptForm({ ...form, grossCents: '1,234' }, bescheid);
    expect(!ambiguous.ok && ambiguous.errors.grossCents).toMatch(/nicht eindeutig/);
    const below = parseReceiptForm({ ...form, netCents: '100,00', grossCents: '99,99' }, bescheid);
    expect(!below.ok && below.errors.grossCents).toMatch(/kleiner als der Nettobetrag/);
  });

  it('refuses an order placed before the period (early start)', () => {
    const parsed = parseReceiptForm({ ...form, orderedOn: '31.03.2026' }, bescheid);
    expect(!parsed.ok && parsed.errors.orderedOn).toMatch(/vorzeitiger Vorhabensbeginn/);
  });
});

describe('running totals', () => {
  const receipt = (id: string, lineId: string, cents: number, paidOn: string | null, invoicedOn = '2026-05-01'): Receipt => ({
    id,
    orderedOn: null,
    invoicedOn,
    paidOn,
    payee: 'X',
    purpose: 'Y',
    lineId,
    netCents: cents,
    grossCents: cents,
    asset: false,
  });
  it('sums paid and open receipts per approved line, to the cent', () => {
    const totals = receiptTotals(bescheid, [
      receipt('1', 'honorare', 100_001, '2026-05-02'),
      receipt('2', 'honorare', 50_000, null),
      receipt('3', 'druck', 399_999, '2026-06-01'),
    ]);
    expect(totals.lines.map((l) => [l.lineId, l.spentCents, l.openCents, l.remainingCents])).toEqual([
      ['honorare', 100_001, 50_000, 449_999],
      ['druck', 399_999, 0, 1],
    ]);
    expect(totals.remainingCents).toBe(450_000);
  });
  it('orders the Belegliste by payment date (ANBest-P Nr. 6.4)', () => {
    const list = chronological([
      receipt('a', 'x', 1, '2026-07-01'),
      receipt('b', 'x', 1, '2026-05-01'),
      receipt('c', 'x', 1, null, '2026-06-01'),
    ]);
    expect(list.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('calendar', () => {
  it('adds months as § 188 BGB counts them', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(endOfMonthAfter('2027-02-15', 6)).toBe('2027-08-31');
  });
});
