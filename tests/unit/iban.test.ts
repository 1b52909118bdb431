import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban, normaliseIban } from '../../machines/shared/iban';
import { demoOrganisations } from '../../db/seed';

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

describe('demo bank details (issue 23.7)', () => {
  // Bank code and BIC of the named banks, from the Deutsche Bundesbank's Bankleitzahlen list.
  const bankCodes: Record<string, { blz: string; bic: string }> = {
    'Ostsächsische Sparkasse Dresden': { blz: '85050300', bic: 'OSDDDE81XXX' },
    'Volksbank Raiffeisenbank Niederschlesien': { blz: '85591000', bic: 'GENODEF1GR1' },
  };

  it.each(Object.values(demoOrganisations))('$name: valid IBAN with the bank code and BIC of its bank', (organisation) => {
    const bank = bankCodes[organisation.bankName];
    expect(bank, organisation.bankName).toBeDefined();
    expect(isValidIban(organisation.iban)).toBe(true);
    expect(normaliseIban(organisation.iban).slice(4, 12)).toBe(bank!.blz);
    expect(organisation.bic).toBe(bank!.bic);
  });
});
