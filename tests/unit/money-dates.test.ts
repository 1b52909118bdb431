import { describe, expect, it } from 'vitest';
import { isoToGerman, parseGermanDate } from '../../machines/shared/dates';
import { formatCentsForInput, formatEuro, formatEuroWhole, formatPercentBasisPoints } from '../../machines/shared/format';
import { parseEuro } from '../../machines/shared/money';

const nb = '\u00a0';

describe('euro input', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1 234,56 €', 123456],
    ['1,234.56', 123456],
    ['40.000', 4000000],
    ['1.234.567', 123456700],
    ['0,5', 50],
    ['12', 1200],
    ['EUR 7', 700],
  ])('reads %s as %i cents', (input, cents) => {
    expect(parseEuro(input)).toEqual({ ok: true, cents });
  });
  it('asks instead of guessing when a comma is followed by three digits', () => {
    const result = parseEuro('1,234');
    expect(result).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(result.ok ? '' : result.message).toContain('Meinen Sie 1.234,00 €?');
  });
  it.each([
    ['', 'empty'],
    ['-5', 'negative'],
    ['1234,567', 'decimals'],
    ['zwölf', 'invalid'],
    ['99999999999', 'tooLarge'],
  ])('refuses %s (%s) with a German message', (input, reason) => {
    const result = parseEuro(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).toMatch(/^(Bitte|„)/);
  });
});

describe('dates', () => {
  it('reads German and ISO dates', () => {
    expect(parseGermanDate('1.3.2027')).toEqual({ ok: true, iso: '2027-03-01' });
    expect(parseGermanDate('2027-03-01')).toEqual({ ok: true, iso: '2027-03-01' });
    expect(parseGermanDate('29.02.2028')).toEqual({ ok: true, iso: '2028-02-29' });
  });
  it('names a day that does not exist', () => {
    expect(parseGermanDate('31.02.2026')).toEqual({ ok: false, message: 'Den 31.02.2026 gibt es nicht. Bitte prüfen Sie Tag und Monat.' });
    expect(parseGermanDate('29.02.2027').ok).toBe(false);
    expect(parseGermanDate('31.12.26').ok).toBe(false);
  });
  it('formats back for the form', () => {
    expect(isoToGerman('2026-12-31')).toBe('31.12.2026');
    expect(isoToGerman(undefined)).toBe('');
  });
});

describe('de-DE formatting', () => {
  it('formats cents exactly, like Intl does', () => {
    for (const cents of [0, 1, 99, 100, 123456, 1000000, 123456789, -2500]) {
      const intl = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
      expect(formatEuro(cents)).toBe(intl);
    }
    expect(formatEuroWhole(1000000)).toBe(`10.000${nb}€`);
    expect(formatEuroWhole(1000001)).toBe(`10.000,01${nb}€`);
    expect(formatCentsForInput(123456)).toBe('1.234,56');
  });
  it('formats rates in basis points', () => {
    expect(formatPercentBasisPoints(9000)).toBe(`90${nb}%`);
    expect(formatPercentBasisPoints(9001)).toBe(`90,01${nb}%`);
    expect(formatPercentBasisPoints(9010)).toBe(`90,1${nb}%`);
    expect(formatPercentBasisPoints(5000)).toBe(`50${nb}%`);
  });
});
