/**
 * A finance export as a municipality's system writes it (issue 19 Nr. 2): Windows-1252, semicolons,
 * de-DE dates and amounts, an expenditure's cost line by name. 19 rows within the approval period
 * of `bescheidForm()` (01.04.2026–31.03.2027) and one before it.
 */
export function financeExport(): { bytes: Buffer; validCount: number; validSumCents: number } {
  const rows = ['Belegdatum;Zahlungsdatum;Kreditor;Buchungstext;Kostenart;Betrag'];
  let validSumCents = 0;
  for (let i = 1; i <= 19; i += 1) {
    const cents = 10_000 + i * 123;
    validSumCents += cents;
    const day = String(i).padStart(2, '0');
    const amount = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    rows.push(
      `${day}.05.2026;${day}.06.2026;Büro Größe ${i};Moderation Sitzung ${i};${i % 2 ? 'Honorare' : 'Öffentlichkeitsarbeit'};${amount}`,
    );
  }
  rows.push('15.03.2026;20.03.2026;Frühbucher GmbH;Raummiete vorab;Honorare;500,00');
  return { bytes: Buffer.from(rows.join('\r\n'), 'latin1'), validCount: 19, validSumCents };
}
