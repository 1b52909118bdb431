/** Removes spaces and upper-cases an IBAN as typed ("de89 3704 ..." → "DE893704..."). */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const ibanLengthByCountry: Record<string, number> = { DE: 22, AT: 20, CH: 21, PL: 28, CZ: 24, NL: 18, FR: 27, LU: 20, BE: 16, DK: 18 };

/** ISO 13616 check: country length (where known) and the mod-97 check digits. */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expectedLength = ibanLengthByCountry[iban.slice(0, 2)];
  if (expectedLength !== undefined && iban.length !== expectedLength) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00" */
export function formatIban(value: string): string {
  return normaliseIban(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();
}
