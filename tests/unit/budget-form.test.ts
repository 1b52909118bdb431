import { parseWithZod } from '@conform-to/zod/v4';
import { describe, expect, it } from 'vitest';
import { codecFor } from '../../machines/frl/application/codecs';
import { totalsFor } from '../../machines/frl/application/facts';
import { sampleVereinApplication } from '../../db/demo/applications';
import { shippedParameters } from '../../machines/frl/parameters';

/** The budget form never drops what was typed: a mismatch between calculation and amounts is asked about. */
function submit(entries: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  let n = 0;
  return parseWithZod(form, { schema: codecFor('kosten').schema(() => `neu-${++n}`) });
}

describe('Kosten form', () => {
  it('asks instead of dropping a lump sum typed while the calculation is "Menge × Einzelpreis"', () => {
    const result = submit({
      'lines[0].id': 'a',
      'lines[0].kind': 'menge',
      'lines[0].description': 'Moderation',
      'lines[0].amount': '1.500,00',
    });
    expect(result.status).toBe('error');
    expect(result.reply().error?.['lines[0].amount']?.[0]).toContain('als Berechnung aber nicht „Pauschalbetrag“ gewählt');
  });

  it('asks instead of dropping quantity and price typed while the calculation is "Pauschalbetrag"', () => {
    const result = submit({ 'lines[0].id': 'a', 'lines[0].kind': 'pauschal', 'lines[0].quantity': '3', 'lines[0].unitPrice': '100' });
    expect(result.status).toBe('error');
    expect(result.reply().error?.['lines[0].amount']?.[0]).toContain('Tragen Sie den Pauschalbetrag ein');
  });

  it('accepts each calculation with its own amounts', () => {
    expect(submit({ 'lines[0].id': 'a', 'lines[0].kind': 'pauschal', 'lines[0].amount': '1.500,00' }).status).toBe('success');
    expect(submit({ 'lines[0].id': 'a', 'lines[0].kind': 'menge', 'lines[0].quantity': '3', 'lines[0].unitPrice': '100' }).status).toBe(
      'success',
    );
  });

  it('keeps the month of a room-rent line, so it counts in its calendar year', () => {
    const result = submit({
      'inKind[0].id': 'r',
      'inKind[0].kind': 'raum',
      'inKind[0].quantity': '4',
      'inKind[0].unitRate': '50',
      'inKind[0].period': '05.2027',
      'inKind[0].rentSource': 'Mietspiegel',
    });
    expect(result.status).toBe('success');
    if (result.status !== 'success') return;
    const data = codecFor('kosten').apply(sampleVereinApplication(), result.value as never);
    expect(data.budget.inKind[0]!.period).toBe('2027-05');
    const totals = totalsFor(data, shippedParameters, '2027-01-01');
    expect(totals.byYear.find((y) => y.year === 2027)!.cents).toBeGreaterThanOrEqual(20_000);
    expect(totals.byYear.some((y) => y.year === null)).toBe(false);
  });
});
