import { addDays, addMonths } from '../../machines/umsetzung/calendar';
import { BESCHEID_SCHEMA_VERSION, bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import { emptyProof, type ProofDraft } from '../../machines/umsetzung/verwendungsnachweis';
import type { DB } from '../client';
import { addPayout, addReceipts, createImplementation, updateImplementation, type ReceiptValues } from '../repositories/implementations';

/**
 * A Vorhaben in Umsetzung for the demo association, so a first look shows life after the approval:
 * a Bescheid (Teil 2 B, Vorauszahlungen), a Belegliste with paid receipts and one open invoice, two
 * payouts and a Verwendungsnachweis begun. Dates run relative to the seeding day (the project began
 * about eight months earlier), so the demo stays inside its approval period.
 */
export async function seedDemoImplementation(
  db: DB,
  input: { applicationId: number; organisationId: number; userId: number; decisionDate: string },
  now: Date,
): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const periodStart = addMonths(`${today.slice(0, 8)}01`, -8);
  const day = (monthsAfterStart: number, dayOfMonth: number) =>
    `${addMonths(periodStart, monthsAfterStart).slice(0, 8)}${String(dayOfMonth).padStart(2, '0')}`;
  const bescheid: Bescheid = bescheidSchema.parse({
    schemaVersion: BESCHEID_SCHEMA_VERSION,
    programmePart: 'B',
    fileNumber: 'SAB-BB-DEMO-0815',
    issuedOn: input.decisionDate,
    receivedOn: input.decisionDate,
    appealWaivedOn: null,
    periodStart,
    periodEnd: addDays(addMonths(periodStart, 12), -1),
    financingType: 'anteilfinanzierung',
    grantCents: 1_170_000,
    rateBp: 9000,
    vatDeductible: false,
    advancePayments: true,
    lines: [
      { id: 'honorare', label: 'Honorare Moderation und Gastgeberschulung', approvedCents: 800_000 },
      { id: 'raeume', label: 'Raummieten', approvedCents: 150_000 },
      { id: 'oeffentlichkeit', label: 'Öffentlichkeitsarbeit und Einladungen', approvedCents: 250_000 },
      { id: 'sachmittel', label: 'Sachmittel und Verpflegung', approvedCents: 100_000 },
    ],
    financing: { ownCashCents: 130_000, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 },
    conditions: 'Die Ergebnisse der Foren sind dem Stadtrat vorzulegen.',
  });
  const implementation = await createImplementation(
    db,
    { applicationId: input.applicationId, organisationId: input.organisationId, bescheid, userId: input.userId },
    now,
  );
  if (!implementation) return;
  const receipt = (lineId: string, month: number, payee: string, purpose: string, grossCents: number, paid = true): ReceiptValues => ({
    lineId,
    orderedOn: day(month, 2),
    invoicedOn: day(month, 12),
    paidOn: paid ? day(month, 20) : null,
    payee,
    purpose,
    netCents: Math.round(grossCents / 1.19),
    grossCents,
    asset: false,
  });
  await addReceipts(
    db,
    implementation.id,
    [
      receipt('honorare', 0, 'Moderation Kaiser GbR', 'Schulung der Gastgeberinnen und Gastgeber', 120_000),
      receipt('oeffentlichkeit', 0, 'Druckerei Lausitz', 'Einladungskarten, 2.000 Stück', 48_790),
      receipt('raeume', 1, 'Kulturzentrum Rabryka', 'Saalmiete Auftaktforum', 35_000),
      receipt('honorare', 1, 'Moderation Kaiser GbR', 'Moderation Auftaktforum', 95_000),
      receipt('sachmittel', 1, 'Bäckerei Nowak', 'Verpflegung Auftaktforum', 21_340),
      receipt('honorare', 3, 'Übersetzungsbüro Most', 'Dolmetschen Deutsch–Polnisch, Forum 2', 42_000),
      receipt('raeume', 3, 'Evangelische Gemeinde Görlitz', 'Gemeindesaal Forum 2', 25_000),
      receipt('oeffentlichkeit', 4, 'Stadtanzeiger Görlitz', 'Anzeige Forum 3', 31_900),
      receipt('honorare', 5, 'Moderation Kaiser GbR', 'Moderation Foren 2 und 3', 190_000),
      receipt('sachmittel', 5, 'Bäckerei Nowak', 'Verpflegung Forum 3', 18_760),
      receipt('oeffentlichkeit', 7, 'Druckerei Lausitz', 'Dokumentation der Ergebnisse', 64_260, false),
    ],
    input.userId,
    now,
  );
  await addPayout(
    db,
    implementation.id,
    { receivedOn: day(0, 25), amountCents: 300_000, note: 'Mittelabruf 1', userId: input.userId },
    now,
  );
  await addPayout(db, implementation.id, { receivedOn: day(4, 8), amountCents: 350_000, note: 'Mittelabruf 2', userId: input.userId }, now);
  const proof: ProofDraft = {
    ...emptyProof(),
    report: {
      ...emptyProof().report,
      ziele:
        'Ziel war, in drei Stadtvierteln der Innenstadt regelmäßige Nachbarschaftsforen aufzubauen, die auch Menschen erreichen, die sonst nicht an Beteiligung teilnehmen. Erreicht wurde: ',
      umsetzung: 'Schulung von zwölf Gastgeberinnen und Gastgebern, Auftaktforum im Kulturzentrum, zwei weitere Foren mit Dolmetschung.',
    },
  };
  await updateImplementation(
    db,
    implementation.id,
    implementation.version,
    { milestones: { startedOn: day(0, 2), startReportedOn: day(0, 5) }, proof },
    input.userId,
    now,
  );
}
