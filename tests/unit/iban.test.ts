import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban, normaliseIban } from '../../machines/shared/iban';

describe('IBAN', () => {
  it('accepts valid German IBANs typed with spaces and lower case', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('de02120300000000202051')).toBe(true);
  });
  it('rejects a wrong check digit, a wrong length and garbage', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0532 0130 0')).toBe(false);
    expect(isValidIban('keine iban')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
  it('accepts IBANs of other countries by the mod-97 check', () => {
    expect(isValidIban('AT61 1904 3002 3457 3201')).toBe(true);
    expect(isValidIban('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
  });
  it('normalises and formats for reading', () => {
    expect(normaliseIban(' de89 3704 ')).toBe('DE893704');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
