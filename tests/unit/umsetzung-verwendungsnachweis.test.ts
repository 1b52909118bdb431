import { describe, expect, it } from 'vitest';
import { assessmentOf, proofPdfInput, proofRows, type LoadedProof } from '../../app/umsetzung/verwendungsnachweis.server';
import { renderVerwendungsnachweisPdf } from '../../forms/umsetzung/verwendungsnachweis';
import { bescheidSchema, type Bescheid } from '../../machines/umsetzung/bescheid';
import type { ImplementationFacts } from '../../machines/umsetzung/computations';
import { implementationParameters as table } from '../../machines/umsetzung/parameters';
import type { Receipt } from '../../machines/umsetzung/receipts';
import {
  emptyProof,
  isComplete,
  numericalProof,
  parseProofForm,
  proofExport,
  proofFormValues,
  proofFromJson,
  proofProblems,
  proofStatus,
  proofSuggestions,
  reportQuestions,
  type ProofDraft,
} from '../../machines/umsetzung/verwendungsnachweis';
import { pdfText, squash } from '../support/pdf';
import { storedBescheid } from '../support/umsetzung';

// Issue 19 Nr. 5: the Verwendungsnachweis. The fixture's Bescheid: 30.000 € plan (Honorare 20.000 €,
// Sachmittel 10.000 €), grant 27.000 € (90 %, Anteilfinanzierung), own funds 3.000 €, period
// 01.04.2026–31.03.2027, not entitled to deduct input VAT.

/** formatEuro puts a no-break space before "€"; the expectations are written with a plain one. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

let nextId = 1;
const receipt = (lineId: string, grossCents: number, paidOn: string | null, extra: Partial<Receipt> = {}): Receipt => ({
  id: String(nextId++),
  orderedOn: null,
  invoicedOn: paidOn ?? '2026-06-01',
  paidOn,
  payee: `Empfänger ${nextId}`,
  purpose: 'Moderation',
  lineId,
  netCents: Math.round(grossCents / 1.19),
  grossCents,
  asset: false,
  ...extra,
});

function facts(part: 'A' | 'B', receipts: Receipt[], extra: Partial<ImplementationFacts> = {}): ImplementationFacts {
  return {
    bescheid: bescheidSchema.parse(storedBescheid(part)),
    today: '2027-05-01',
    startedOn: '2026-04-15',
    startReportedOn: '2026-04-20',
    purposeFulfilledOn: '2027-03-31',
    proofSubmittedOn: null,
    proofCheckedOn: null,
    receipts,
    payouts: [{ receivedOn: '2026-05-02', cents: 1_080_000 }],
    forecastExpenditureCents: null,
    additionalFinancingCents: 0,
    mittelabruf: null,
    ...extra,
  };
}

const fullProof = (part: 'A' | 'B'): ProofDraft => ({
  ...emptyProof(),
  report: { ziele: 'Z', umsetzung: 'U', erreichte: 'E', ergebnisse: 'R', bewertung: 'B', abweichungen: '' },
  participants: 140,
  income: { ownCashCents: 300_000, inKindCents: part === 'B' ? 0 : null, thirdPartyCents: null, otherPublicCents: null },
  confirmed: part === 'A' ? ['buecher', 'publizitaet'] : ['buecher', 'notwendig', 'wirtschaftlich', 'publizitaet'],
});

const asPlanned = () => [
  receipt('honorare', 1_234_567, '2026-06-10'),
  receipt('honorare', 765_433, '2026-09-01'),
  receipt('sachmittel', 1_000_000, '2026-10-15'),
];

describe('the form of the Verwendungsnachweis', () => {
  it('reads de-DE amounts and counts and keeps a draft incomplete without refusing it', () => {
    const parsed = parseProofForm(
      { 'report.ziele': '  Ziele erreicht  ', participants: '1.200', 'income.ownCashCents': '3.000,50', 'income.thirdPartyCents': '' },
      'B',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.proof.report.ziele).toBe('Ziele erreicht');
    expect(parsed.proof.report.umsetzung).toBe('');
    expect(parsed.proof.participants).toBe(1200);
    expect(parsed.proof.income).toEqual({ ownCashCents: 300_050, inKindCents: null, thirdPartyCents: null, otherPublicCents: null });
    // Round trip: the form shows what was stored.
    expect(proofFormValues(parsed.proof)).toMatchObject({
      participants: '1.200',
      'income.ownCashCents': '3.000,50',
      'income.thirdPartyCents': '',
    });
  });

  it('refuses what cannot be stored as typed, each at its field, and never cuts a long text', () => {
    const parsed = parseProofForm(
      { 'report.bewertung': 'x'.repeat(6001), participants: 'viele', 'income.ownCashCents': '1,234', 'income.otherPublicCents': '-5' },
      'A',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual([
      'income.otherPublicCents',
      'income.ownCashCents',
      'participants',
      'report.bewertung',
    ]);
    expect(parsed.errors['report.bewertung']).toContain('6.001');
    expect(parsed.errors['income.ownCashCents']).toContain('nicht eindeutig');
  });

  it('takes only the confirmations the kind of grantee owes, and no in-kind income in Teil 2 A', () => {
    const all = ['buecher', 'notwendig', 'wirtschaftlich', 'publizitaet', 'erfunden'];
    const a = parseProofForm({ confirmed: all, 'income.inKindCents': '500' }, 'A');
    const b = parseProofForm({ confirmed: all, 'income.inKindCents': '500' }, 'B');
    expect(a.ok && a.proof.confirmed).toEqual(['buecher', 'publizitaet']);
    expect(a.ok && a.proof.income.inKindCents).toBeNull();
    expect(b.ok && b.proof.confirmed).toEqual(['buecher', 'notwendig', 'wirtschaftlich', 'publizitaet']);
    expect(b.ok && b.proof.income.inKindCents).toBe(50_000);
  });

  it('reads a stored draft back, and an unreadable one as empty', () => {
    const proof = fullProof('B');
    expect(proofFromJson(JSON.stringify(proof))).toEqual(proof);
    expect(proofFromJson('{"schemaVersion":1}')).toEqual(emptyProof());
    expect(proofFromJson('kaputt')).toEqual(emptyProof());
    expect(proofFromJson(null)).toEqual(emptyProof());
  });
});

describe('the zahlenmäßiger Nachweis', () => {
  it('sums paid receipts per approved line to the cent and leaves open invoices out', () => {
    const f = facts('A', [...asPlanned(), receipt('sachmittel', 99_999, null)]);
    const n = numericalProof(f, fullProof('A'), table);
    expect(n.lines.map((l) => [l.lineId, l.approvedCents, l.actualCents, l.differenceCents, l.receiptCount])).toEqual([
      ['honorare', 2_000_000, 2_000_000, 0, 2],
      ['sachmittel', 1_000_000, 1_000_000, 0, 1],
    ]);
    expect([n.approvedCents, n.actualCents, n.openCents, n.openCount]).toEqual([3_000_000, 3_000_000, 99_999, 1]);
    expect(n.receipts.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(proofProblems(f, fullProof('A'), n, table).map((p) => plain(p.message))).toEqual([
      expect.stringContaining('Eine Rechnung ist in der Belegliste noch nicht bezahlt (999,99 €)'),
    ]);
  });

  it('counts net amounts when the grantee may deduct input VAT (ANBest-P Nr. 6.4)', () => {
    const b = { ...storedBescheid('B'), vatDeductible: true };
    const f = { ...facts('B', [receipt('honorare', 119_000, '2026-06-10', { netCents: 100_000 })]), bescheid: bescheidSchema.parse(b) };
    expect(numericalProof(f, fullProof('B'), table).actualCents).toBe(100_000);
  });

  it('shows the planned income where nothing was entered, marked, and reports it as missing', () => {
    const proof = { ...fullProof('A'), income: { ownCashCents: null, inKindCents: null, thirdPartyCents: null, otherPublicCents: null } };
    const f = facts('A', asPlanned());
    const n = numericalProof(f, proof, table);
    expect(n.income.map((i) => [i.key, i.plannedCents, i.actualCents, i.assumed])).toEqual([
      ['grantCents', 2_700_000, 1_080_000, false],
      ['ownCashCents', 300_000, 300_000, true],
      ['thirdPartyCents', 0, 0, true],
      ['otherPublicCents', 0, 0, true],
    ]);
    const problems = proofProblems(f, proof, n, table);
    // Only sources with a planned amount need an entry.
    expect(problems.filter((p) => p.field?.startsWith('income.')).map((p) => p.field)).toEqual(['income.ownCashCents']);
    expect(n.balanceCents).toBe(1_080_000 + 300_000 - 3_000_000);
  });

  it('keeps the grant for savings up to 500 € and reduces it by the rate above (ANBest-K Nr. 2.1, 2.2)', () => {
    // 500 € less spent: no reduction.
    const small = numericalProof(
      facts(
        'A',
        asPlanned().map((r) => (r.lineId === 'sachmittel' ? { ...r, grossCents: 950_000 } : r)),
      ),
      fullProof('A'),
      table,
    );
    expect([small.effect.reductionCents, small.effect.overThreshold, small.effect.newGrantCents]).toEqual([50_000, false, 2_700_000]);
    // 500,01 € less: the grant becomes 90 % of 29.499,99 € = 26.549,99 € (rounded down to the cent).
    const f = facts(
      'A',
      asPlanned().map((r) => (r.lineId === 'sachmittel' ? { ...r, grossCents: 949_999 } : r)),
    );
    const n = numericalProof(f, fullProof('A'), table);
    expect([n.effect.overThreshold, n.effect.newGrantCents]).toEqual([true, 2_654_999]);
    expect(proofProblems(f, fullProof('A'), n, table)).toEqual([]);
    expect(plain(assessmentOf(n, 2_700_000)[0]!)).toContain('26.549,99 €');
    // While the project runs, the reduction is read as the state so far.
    expect(assessmentOf(n, 2_700_000, true)[0]).toContain('Das Vorhaben läuft noch');
  });

  it('counts more own funds than planned as additional financing that reduces the grant (ANBest-P Nr. 2.1)', () => {
    const proof = { ...fullProof('B'), income: { ownCashCents: 400_001, inKindCents: 0, thirdPartyCents: 0, otherPublicCents: 0 } };
    const n = numericalProof(facts('B', asPlanned()), proof, table);
    expect(n.effect.additionalFinancingCents).toBe(100_001);
    expect(n.effect.newGrantCents).toBe(Math.floor(((3_000_000 - 100_001) * 9000) / 10_000));
  });

  it('names an overrun of the total as the grantee’s own cost (the plan binds in its total, Nr. 1.2)', () => {
    const f = facts('B', [...asPlanned(), receipt('honorare', 10_000, '2026-12-01')]);
    const n = numericalProof(f, fullProof('B'), table);
    expect(n.lines[0]!.differenceCents).toBe(10_000);
    const problems = proofProblems(f, fullProof('B'), n, table);
    expect(problems).toEqual([expect.objectContaining({ kind: 'hinweis', message: expect.stringMatching(/um 100,00\s€/) })]);
    expect(isComplete(problems)).toBe(true);
  });
});

describe('completeness', () => {
  it('lists every missing part with its clause until the draft is complete', () => {
    const f = facts('B', [], { purposeFulfilledOn: null });
    const problems = proofProblems(f, emptyProof(), numericalProof(f, emptyProof(), table), table);
    const messages = plain(problems.map((p) => p.message).join('\n'));
    for (const q of reportQuestions.filter((x) => x.required)) expect(messages).toContain(q.label);
    expect(messages).not.toContain('Abweichungen vom Antrag');
    expect(messages).toContain('wie viele Personen');
    expect(messages).toContain('Eigene Mittel');
    expect(messages).toContain('Die Ausgaben waren notwendig. (ANBest-P Nr. 6.5)');
    expect(messages).toContain('Zuwendungszweck erfüllt');
    expect(messages).toContain('noch keine bezahlten Ausgaben');
    expect(isComplete(problems)).toBe(false);
    const done = facts('B', asPlanned());
    expect(proofProblems(done, fullProof('B'), numericalProof(done, fullProof('B'), table), table)).toEqual([]);
  });

  it('asks a municipality for the confirmations of ANBest-K and VVK only', () => {
    const f = facts('A', asPlanned());
    const proof = { ...fullProof('A'), confirmed: [] };
    const missing = proofProblems(f, proof, numericalProof(f, proof, table), table).map((p) => p.message);
    expect(missing).toEqual([expect.stringContaining('(VVK Nr. 10)'), expect.stringContaining('§ 44a SäHO wurde eingehalten')]);
    expect(missing[1]).toContain('ANBest-K Nr. 6.2');
  });

  it('warns once the deadline has passed without a submission (ANBest-P Nr. 6.1: six months)', () => {
    const f = facts('B', asPlanned(), { today: '2027-10-01' });
    const problems = proofProblems(f, fullProof('B'), numericalProof(f, fullProof('B'), table), table);
    expect(problems).toEqual([expect.objectContaining({ kind: 'hinweis', message: expect.stringContaining('am 30.09.2027 fällig') })]);
  });

  it('tells the task list where the Verwendungsnachweis stands', () => {
    const f = facts('A', asPlanned());
    expect(proofStatus(f, null, table)).toBe('offen');
    expect(proofStatus(f, JSON.stringify(emptyProof()), table)).toBe('begonnen');
    expect(proofStatus(f, JSON.stringify(fullProof('A')), table)).toBe('vollstaendig');
    expect(proofStatus({ ...f, proofSubmittedOn: '2027-04-01' }, null, table)).toBe('vorgelegt');
  });
});

describe('suggestions for an empty draft', () => {
  it('starts the goals from the application and the evaluation from an attached QualitätsCheck', () => {
    expect(
      proofSuggestions({
        goals: 'Jugendliche beteiligen',
        qualityChecks: [
          { title: 'Runde Mai', respondents: '3 Personen', strengths: ['Transparenz', 'Inklusion'], fieldsToDevelop: ['Wirkung'] },
          { title: 'leer', respondents: 'noch keine Antworten', strengths: [], fieldsToDevelop: [] },
        ],
      }),
    ).toEqual({
      ziele: 'Ziele laut Antrag: Jugendliche beteiligen\n\nErreicht wurde: ',
      bewertung: 'QualitätsCheck „Runde Mai“ (3 Personen): Stärken: Transparenz, Inklusion. Entwicklungsfelder: Wirkung.',
    });
    expect(proofSuggestions({ goals: ' ', qualityChecks: [] })).toEqual({});
  });
});

function loaded(f: ImplementationFacts, proof: ProofDraft): LoadedProof {
  const numbers = numericalProof(f, proof, table);
  return {
    loaded: { bescheid: f.bescheid as Bescheid, application: { row: { id: 7 } } },
    facts: f,
    proof,
    numbers,
    problems: proofProblems(f, proof, numbers, table),
    organisation: 'Förderverein Demo e. V.',
    projectTitle: 'Wir reden mit',
  } as unknown as LoadedProof;
}

describe('PDF and JSON say what the records say', () => {
  it('an association’s PDF carries the Sachbericht, the figures to the cent and the Belegliste in time order', async () => {
    const receipts = [
      receipt('sachmittel', 1_000_000, '2026-10-15', { payee: 'Druckerei Späth', orderedOn: '2026-09-01', invoicedOn: '2026-10-01' }),
      receipt('honorare', 1_234_567, '2026-06-10', { payee: 'Moderation Meier' }),
      receipt('honorare', 765_433, '2026-09-01', { payee: 'Büro Kunz' }),
    ];
    const f = facts('B', receipts, {
      payouts: [
        { receivedOn: '2026-09-20', cents: 500_000 },
        { receivedOn: '2026-05-02', cents: 1_080_000 },
      ],
    });
    const p = loaded(f, { ...fullProof('B'), report: { ...fullProof('B').report, ziele: 'Alle Ortsteile erreicht.' } });
    const text = squash(pdfText(await renderVerwendungsnachweisPdf(proofPdfInput(p, new Date('2027-04-02T10:00:00Z')))));
    expect(text).not.toContain('Entwurf');
    expect(text).toContain('Alle Ortsteile erreicht.');
    expect(text).toContain('Zahl der beteiligten Personen: 140');
    const rows = proofRows(p.numbers);
    expect(rows.expenditure[0]!.map(plain)).toEqual(['Honorare', '20.000,00 €', '20.000,00 €', '0,00 €']);
    for (const row of [...rows.expenditure, rows.expenditureTotal, rows.incomeTotal])
      expect(text).toContain(squash(row.slice(0, 3).join(' ')));
    expect(text).toContain('Zuwendung (bisher ausgezahlt) 27.000,00 € 15.800,00 €');
    expect(text).toContain('Einnahmen abzüglich Ausgaben: −11.200,00 €');
    // Income and expenditure apart, each in time order (ANBest-P Nr. 6.4).
    expect(text.indexOf('02.05.2026')).toBeLessThan(text.indexOf('20.09.2026'));
    const order = ['Moderation Meier', 'Büro Kunz', 'Druckerei Späth'].map((name) => text.indexOf(name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('01.09.2026 01.10.2026 15.10.2026 Druckerei Späth');
    expect(text).toContain('12.345,67 €');
    expect(text).toContain('☒ Die Ausgaben waren notwendig. (ANBest-P Nr. 6.5)');
  });

  it('a municipality’s incomplete PDF is a marked draft without a Belegliste (ANBest-K Nr. 6.2: ohne Belege)', async () => {
    const f = facts('A', [receipt('honorare', 1_234_567, '2026-06-10', { payee: 'Moderation Meier' })]);
    const p = loaded(f, emptyProof());
    const text = squash(pdfText(await renderVerwendungsnachweisPdf(proofPdfInput(p, new Date('2027-04-02T10:00:00Z')))));
    expect(text).toContain('Entwurf – noch nicht vollständig');
    expect(text).toContain('Bestätigung fehlt');
    expect(text).toContain('12.345,67 €');
    expect(text).not.toContain('Moderation Meier');
    expect(text).not.toContain('Belegliste (ANBest-P');
    expect(text).toContain('☐ Die Angaben über Einnahmen und Ausgaben stimmen mit den Büchern und Belegen überein. (VVK Nr. 10)');
  });

  it('the JSON export carries the same figures in cents, the Belegliste only for Teil 2 B', () => {
    for (const part of ['A', 'B'] as const) {
      const f = facts(part, asPlanned());
      const p = loaded(f, fullProof(part));
      const json = proofExport({ ...p, createdAt: '2027-04-02T10:00:00.000Z' });
      expect(json.complete).toBe(true);
      expect(json.expenditureTotal).toEqual({ approvedCents: 3_000_000, actualCents: 3_000_000 });
      expect(json.income[0]).toMatchObject({ key: 'grantCents', plannedCents: 2_700_000, actualCents: 1_080_000 });
      if (part === 'A') expect(json.belegliste).toBeNull();
      else expect(json.belegliste!.ausgaben.map((r) => r.countedCents)).toEqual([1_234_567, 765_433, 1_000_000]);
    }
  });
});
