import { describe, expect, it } from 'vitest';
import {
  budgetRangeOf,
  parseSubmission,
  prefilledSubmission,
  slugFor,
  submissionFormOf,
  type SubmissionSource,
} from '../../machines/methoden/example-submission';

const source: SubmissionSource = {
  applicationId: 42,
  title: 'Zukunft für den Marktplatz',
  summary: '',
  goals: 'Die Menschen im Viertel sollen den Marktplatz gemeinsam neu planen.',
  place: 'Görlitz',
  landkreis: 'Görlitz',
  organisationKind: 'verein',
  fundingRoute: 'B',
  formatIds: ['buergerrat', 'world-cafe', 'buergerrat', 'gibt-es-nicht'],
  periodEnd: '2027-03-31',
  approvedTotalCents: 1_000_000,
  participants: 312,
  report: { bewertung: 'Erster Gedanke.\n\nZweiter Gedanke.', abweichungen: '', ergebnisse: 'Der Rat beschloss.' },
  contact: { name: 'Erika Beispiel', email: 'erika@example.org' },
};

describe('a good example offered from a finished project (issue 17 Nr. 2b, issue 19 Nr. 5)', () => {
  it('prefills from the project: methods from its formats (once, known ones only), year from the period, evaluation as paragraphs', () => {
    const form = prefilledSubmission(source);
    expect(form.methods).toBe('buergerrat,world-cafe');
    expect(form.year).toBe('2027');
    expect(form.summary).toBe(source.goals);
    expect(form.whatWorked).toBe('Erster Gedanke.\n\nZweiter Gedanke.');
    expect(form.peopleReached).toBe('312');
    expect(form.budgetRange).toBe('bis-10000');
    expect(form.contact).toBe('');
    // Without an evaluation the results are suggested instead.
    expect(prefilledSubmission({ ...source, report: { ...source.report, bewertung: '' } }).whatWorked).toBe('Der Rat beschloss.');
    expect(prefilledSubmission({ ...source, summary: 'x'.repeat(500) }).summary).toHaveLength(400);
  });

  it('puts the budget into its range at the boundaries', () => {
    expect(budgetRangeOf(1_000_000)).toBe('bis-10000');
    expect(budgetRangeOf(1_000_001)).toBe('bis-35000');
    expect(budgetRangeOf(3_500_000)).toBe('bis-35000');
    expect(budgetRangeOf(8_000_001)).toBe('ueber-80000');
  });

  it('makes a readable slug unique by the application id', () => {
    expect(slugFor('Bürgerrat „Straße & Grün“ in Löbau', 7)).toBe('buergerrat-strasse-gruen-in-loebau-7');
    expect(slugFor('!!!', 8)).toBe('beispiel-8');
  });

  const valid = () => ({
    ...prefilledSubmission(source),
    doDifferently: 'Früher mit dem Stadtrat sprechen, nicht erst am Ende.',
    whatWorked: 'Die aufsuchende Einladung erreichte neue Gruppen.',
  });

  it('accepts a complete form as a real (not fictional) example without contact unless consented', () => {
    const parsed = parseSubmission({ ...valid(), contactName: 'Erika', contactEmail: 'kaputt' }, 42);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.example).toMatchObject({ slug: 'zukunft-fuer-den-marktplatz-42', fictional: false, contact: null, year: 2027 });
    const withContact = parseSubmission(
      { ...valid(), contact: 'ja', contactName: 'Erika Beispiel', contactEmail: 'erika@example.org' },
      42,
    );
    expect(withContact.ok && withContact.example.contact).toEqual({ name: 'Erika Beispiel', email: 'erika@example.org', consent: true });
    // And back into the form unchanged.
    if (withContact.ok) expect(parseSubmission(submissionFormOf(withContact.example), 42)).toEqual(withContact);
  });

  it('says each problem in German at its field', () => {
    const parsed = parseSubmission(
      {
        ...valid(),
        title: 'Kurz',
        landkreis: 'Atlantis',
        year: '2021',
        methods: 'buergerrat,erfunden',
        peopleReached: '0',
        summary: 'zu kurz',
        whatWorked: '',
        contact: 'ja',
        contactEmail: 'ohne-at',
      },
      42,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(
      ['contactEmail', 'landkreis', 'methods', 'peopleReached', 'summary', 'title', 'whatWorked', 'year'].sort(),
    );
    expect(parsed.errors.methods).toBe('Bitte wählen Sie nur Methoden aus der Liste.');
    expect(parseSubmission({ ...valid(), methods: 'a,b,c,d,e,f,g' }, 42)).toMatchObject({ ok: false });
    const seven = 'buergerrat,world-cafe,open-space,mediation,runder-tisch,charrette,planungszelle';
    expect(parseSubmission({ ...valid(), methods: seven }, 42)).toEqual({
      ok: false,
      errors: { methods: 'Bitte wählen Sie höchstens sechs Methoden.' },
    });
  });
});
