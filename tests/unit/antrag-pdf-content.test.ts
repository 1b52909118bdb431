import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationPdf, renderApplicationPdf, type ApplicationPdfSource } from '../../forms/antrag/index';
import { fillerTurns } from '../../forms/fill';
import { enclosuresOf } from '../../machines/frl/application/enclosures';
import { knownCalls } from '../../machines/frl/calls';
import { shippedParameters, type ParameterTable } from '../../machines/frl/parameters';
import { formatEuro } from '../../machines/shared/format';
import { pdfInfo, pdfPages, pdfText, renderInput, squash } from '../support/pdf';
import {
  maximumTextApplication,
  SAMPLE_CREATED_AT,
  SAMPLE_DATE,
  sampleAttachments,
  sampleGemeindeApplication,
  sampleVereinApplication,
} from '../support/sample-application';

/** Issue 23: what an SAB clerk needs to find in the application PDF. */

const source = (data = sampleGemeindeApplication(), overrides: Partial<ApplicationPdfSource> = {}): ApplicationPdfSource => ({
  data,
  attachments: sampleAttachments(['verbundvereinbarung']),
  rules: { parameters: shippedParameters, calls: knownCalls },
  referenceDate: SAMPLE_DATE,
  createdAt: SAMPLE_CREATED_AT,
  variant: 'einreichung',
  ...overrides,
});

describe('the list of enclosures (issue 23.2)', () => {
  it('numbers the form annexes, then the stored documents in catalogue order, then names what is missing', () => {
    const data = sampleVereinApplication();
    const list = enclosuresOf(data, sampleAttachments(['sonstiges', 'unterstuetzungsschreiben']), { qualityChecks: 1 });
    expect(list.map((e) => [e.number, e.title])).toEqual([
      [1, 'Vorhabenbeschreibung'],
      [2, 'Ausgaben- und Finanzierungsplan'],
      [3, 'Ergebnis der Förderprüfung (Förderlotse)'],
      [4, 'Unterstützungsschreiben der betroffenen Kommune'],
      [5, 'Sonstige Anlage'],
      [6, 'QualitätsCheck Beteiligung (Selbsteinschätzung)'],
      [null, 'Freistellungsbescheid des Finanzamts'],
    ]);
    expect(list[3]!.detail).toMatch(/^unterstuetzungsschreiben-beispiel\.pdf \(PDF, 1 KB; SHA-256 [0-9a-f]{16}…\)$/);
    expect(list[6]!.detail).toContain('noch nicht beigefügt');
  });

  let verein: string;
  beforeAll(async () => {
    verein = squash(
      pdfText(
        await applicationPdf(
          source(sampleVereinApplication(), { attachments: sampleAttachments(['unterstuetzungsschreiben', 'freistellungsbescheid']) }),
        ),
      ),
    );
  });

  it('lists the stored documents in the PDF and refers to them where the form speaks of them', () => {
    expect(verein).toContain('8 Anlagen');
    expect(verein).toMatch(
      /4 Unterstützungsschreiben der betroffenen Kommune unterstuetzungsschreiben-beispiel\.pdf \(PDF, 1 KB; SHA-256 [0-9a-f]{16}…\)/,
    );
    expect(verein).toMatch(/5 Freistellungsbescheid des Finanzamts freistellungsbescheid-beispiel\.pdf/);
    expect(verein).toContain('Unterstützungsschreiben der Kommune: Anlage 4');
    expect(verein).toContain('Beigefügte Nachweise: Freistellungsbescheid des Finanzamts: Anlage 5');
  });

  it('names the legal content with its clauses (issue 23.5)', () => {
    expect(verein).toContain('Hinweise zur Verarbeitung personenbezogener Daten (VwV zu § 44 SäHO Nr. 3.1, § 4 Abs. 1 SächsFöDaG)');
    expect(verein).toContain('Fördermitteldatenbank des Freistaates gespeichert');
    expect(verein).toContain('(VwV zu § 44 SäHO Nr. 3.5)');
    expect(verein).toContain('alle Angaben des Ausgaben- und Finanzierungsplans');
    expect(verein).toContain('Gesicherte Finanzierung (VwV zu § 44 SäHO Nr. 1.3, VVK Nr. 1.2)');
    expect(verein).toContain('im Haushaltsplan (Kommunen) bzw. im Haushalt oder Wirtschaftsplan des Trägers veranschlagt');
    expect(verein).toContain('davon Personalausgaben');
    expect(verein).toContain('Zwischensummen je Kategorie');
  });
});

describe('Teil 2 A and Teil 2 B get the sections that apply to them (issues 23.5, 23.7)', () => {
  it('Teil 2 B: no Verbund section, no Verbund checkbox; a second signature line; partners as Projektpartner with AGS and contact', async () => {
    const data = sampleVereinApplication();
    const without = squash(pdfText(await applicationPdf(source(data, { attachments: [] }))));
    // (Anlage 3 lists the criterion "Verbund aus Gebietskörperschaften" as its no. 6.)
    expect(without).not.toMatch(/(?<!\d)6 Verbund|im Verbund gestellt|6 Projektpartner/);
    expect(without).toContain('Zweite Unterschrift, wenn die Satzung eine gemeinschaftliche Vertretung vorsieht');
    data.applicant.partners = [
      {
        id: 'p1',
        name: 'Stadtteilverein Rauschwalde',
        kind: 'verein',
        landkreis: 'Görlitz',
        ags: '14626110',
        contact: 'Eva Lange, 03581 1234',
      },
    ];
    const editable = await applicationPdf(source(data, { variant: 'bearbeitbar', attachments: [] }));
    const text = squash(pdfText(editable));
    expect(text).toContain('6 Projektpartner');
    expect(text).not.toMatch(/6 Verbund (?!aus)/);
    expect(text).toContain('14626110');
    expect(text).toContain('Eva Lange, 03581 1234');
    const names = (await PDFDocument.load(editable))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).not.toContain('verbund.antrag');
    expect(names).toContain('erklaerung.oeffentlich.ja');
  });

  it('Teil 2 A: the Verbund section with the partners’ AGS and contact, one signature, no question on public funding', async () => {
    const data = sampleGemeindeApplication();
    data.applicant.partners[0]!.ags = '14628270';
    data.applicant.partners[0]!.contact = 'Hauptamt, 035971 5000';
    const bytes = await applicationPdf(source(data, { variant: 'bearbeitbar' }));
    const text = squash(pdfText(bytes));
    expect(text).toContain('6 Verbund');
    expect(text).not.toContain('6 Projektpartner');
    expect(text).toContain('14628270');
    expect(text).toContain('Hauptamt, 035971 5000');
    expect(text).not.toContain('Zweite Unterschrift');
    expect(text).not.toContain('finanziert seine Gesamtausgaben überwiegend aus Zuwendungen');
    const names = (await PDFDocument.load(bytes))
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toContain('verbund.antrag');
    expect(names.some((n) => n.startsWith('erklaerung.oeffentlich.') || n.startsWith('unterschrift2.'))).toBe(false);
  });
});

describe('early start and own share follow the plan and the dated thresholds (issue 23.5)', () => {
  it('says the project may start on receipt below the threshold, and not above it', async () => {
    const below = squash(pdfText(await applicationPdf(source())));
    expect(below).toContain(
      'liegen unter 1.000.000,00 € (VVK Nr. 1.3): Mit dem Vorhaben darf ab Eingang des Antrags bei der SAB begonnen werden',
    );
    // A ministry change of the threshold shows in the PDF without a code change.
    const lowered: ParameterTable = {
      ...shippedParameters,
      'earlyStart.threshold.kommune': {
        ...shippedParameters['earlyStart.threshold.kommune'],
        values: [
          ...shippedParameters['earlyStart.threshold.kommune'].values,
          { from: '2026-01-01', value: 500_000, reference: 'VVK Nr. 1.3 (Test)' },
        ],
      },
    };
    const above = squash(
      pdfText(await applicationPdf(source(sampleGemeindeApplication(), { rules: { parameters: lowered, calls: knownCalls } }))),
    );
    expect(above).toContain(
      `erreichen ${squash(formatEuro(500_000))} (VVK Nr. 1.3 (Test)): Mit dem Vorhaben darf erst nach der Bewilligung begonnen werden`,
    );
  });

  it('states the own share and third-party money beside the grant', async () => {
    const text = squash(pdfText(await applicationPdf(source())));
    expect(text).toMatch(
      /Eigenanteil und Mittel Dritter zusammen [\d.]+,\d\d € \(Eigenmittel \(bar\) [\d.]+,\d\d €\); beantragte Zuwendung 9\.905,00 €/,
    );
  });
});

describe('smaller points (issue 23.7)', () => {
  it('leaves the signature date empty and fits the labels beside their boxes', async () => {
    const bytes = await applicationPdf(source(sampleGemeindeApplication(), { variant: 'bearbeitbar' }));
    const form = (await PDFDocument.load(bytes)).getForm();
    expect(form.getTextField('unterschrift.datum').getText()).toBeUndefined();
    expect(squash(pdfText(bytes))).toContain('Datum (bei Unterschrift einzutragen)');
  });
});

describe('footers and page numbers come from the finished document (issues 23.4, 14.1)', () => {
  it('names applicant, project, section and form on every page, continuation, overflow and annex pages included', async () => {
    const data = sampleGemeindeApplication();
    data.project.whyProject = 'Lange Begründung mit vielen Worten. '.repeat(400);
    const bytes = await renderApplicationPdf(renderInput(data, { attachments: sampleAttachments(['verbundvereinbarung']) }));
    const pages = pdfPages(bytes).map(squash);
    expect(pages.length).toBe(Number(pdfInfo(bytes).Pages));
    pages.forEach((page, i) => {
      expect(page, `Seite ${i + 1}`).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page, `Seite ${i + 1}`).toContain('Gemeinde Wiesenbach – Wiesenbach redet mit');
      expect(page, `Seite ${i + 1}`).toMatch(/Antrag FRL Bürgerbeteiligung · (Hauptantrag|Anlage \d)( \(Fortsetzung\))?|Fortsetzungsblatt/);
    });
    expect(pages.some((p) => p.includes('· Fortsetzungsblatt ·'))).toBe(true);
    expect(pages.some((p) => p.includes('· Anlage 3 (Fortsetzung) ·'))).toBe(true);
  });
});

describe('the longest text the schema allows (issue 23.1)', () => {
  it('gives other work turns while it is made: the filler yields between its phases', async () => {
    let turns = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    const yieldsBefore = fillerTurns.count;
    const bytes = await applicationPdf(source(maximumTextApplication()));
    done = true;
    const yields = fillerTurns.count - yieldsBefore;
    // The filler yields after each of its six phases (and every 60 fields), and every yield lets the
    // ticker (like a request for /healthz) run at least once. How many more turns other awaits add
    // depends on the machine's load, so only this lower bound is asserted.
    expect(yields).toBeGreaterThanOrEqual(6);
    expect(turns).toBeGreaterThanOrEqual(yields);
    const text = squash(pdfText(bytes));
    expect(text).toContain('Baustein 30');
    expect(text.split('�').length - 1).toBeGreaterThanOrEqual(30 * 30);
  });
});

describe('accessibility of the application PDF (issue 22; what is left: docs/decisions/0020)', () => {
  it('names its language and title, and viewers show the title', async () => {
    const doc = await PDFDocument.load(await applicationPdf(source()), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(de-DE)');
    expect(doc.getTitle()).toBe('Antrag FRL Bürgerbeteiligung – Wiesenbach redet mit – Bürgerrat zur Zukunft des Dorfplatzes');
    const preferences = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  });
});
