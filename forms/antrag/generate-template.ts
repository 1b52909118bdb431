/**
 * npm run forms:template — generates forms/antrag/template.pdf, the AcroForm "Antrag auf Gewährung
 * einer Zuwendung nach der FRL Bürgerbeteiligung" with its annexes, in the layout of a Saxon
 * Zuwendungsantrag. Deterministic: fixed dates, no random IDs, fixed font names – generating twice
 * gives identical bytes.
 *
 * Fonts: the fields use DejaVu Sans embedded completely (the form stays editable in any viewer, for
 * any character); the printed labels use subsets of DejaVu Sans and DejaVu Sans Bold, so that a
 * flattened output can drop the complete font.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFString,
  TextAlignment,
  rgb,
  type PDFFont,
  type PDFForm,
  type PDFPage,
} from 'pdf-lib';
import { dejaVuSans, dejaVuSansBold, shapingFeatures, type FontProgram } from '../pdf/font';
import { measure, wrap } from '../pdf/layout';
import { TEMPLATE_VERSION } from './template-version';

export { TEMPLATE_VERSION };
/** The fixed creation date of the template (keeps the bytes stable). */
const TEMPLATE_DATE = new Date('2026-11-01T00:00:00Z');

const A4: [number, number] = [595.28, 841.89];
const LEFT = 50;
const RIGHT = A4[0] - 50;
const WIDTH = RIGHT - LEFT;
const TOP = A4[1] - 48;
const BOTTOM = 50;
const GAP = 8;

const FIELD_FONT = 'DejaVuSans';
const LABEL_SIZE = 7;
const FIELD_HEIGHT = 16;
const ROW_GAP = 5;

const ink = rgb(0.1, 0.1, 0.12);
const grey = rgb(0.35, 0.37, 0.4);
const fieldBackground = rgb(0.94, 0.96, 0.99);
const fieldBorder = rgb(0.55, 0.6, 0.68);
const barColour = rgb(0.87, 0.9, 0.95);

interface FieldSpec {
  name: string;
  /** Printed above the field and stored as the field's alternate name (/TU). */
  label: string;
  width?: number;
  multiline?: boolean;
  height?: number;
  size?: number;
  align?: 'left' | 'right' | 'center';
  /** Print the label? Table cells have their labels in the column header. */
  showLabel?: boolean;
}

class Builder {
  page!: PDFPage;
  y = TOP;
  pageCount = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly form: PDFForm,
    readonly fonts: { field: PDFFont; label: PDFFont; bold: PDFFont },
    readonly programs: { regular: FontProgram; bold: FontProgram },
  ) {}

  /** A new page; its footer (form, section, applicant, page number) is stamped when filling. */
  newPage() {
    this.checkFits();
    this.page = this.doc.addPage(A4);
    this.pageCount += 1;
    this.y = TOP;
  }

  /**
   * Draws an optional block into a content stream of its own, named `/FLBlock /name`: the filler
   * leaves such a block out where it does not apply (e.g. the Verbund section for Teil 2 B).
   */
  block(name: string, draw: () => void) {
    const page = this.page as unknown as { getContentStream(useExisting?: boolean): PDFContentStream };
    page.getContentStream(false).dict.set(PDFName.of('FLBlock'), PDFName.of(name));
    draw();
    page.getContentStream(false);
  }

  /** The layout must end above the footer; a template that does not fit is a programming error. */
  checkFits() {
    if (this.pageCount > 0 && this.y < BOTTOM - 8)
      throw new Error(`Seite ${this.pageCount} der Vorlage ist zu voll (y = ${this.y.toFixed(1)}).`);
  }

  space(points: number) {
    this.y -= points;
  }

  text(text: string, x: number, y: number, size: number, bold = false, color = ink) {
    this.page.drawText(text, { x, y, size, font: bold ? this.fonts.bold : this.fonts.label, color });
  }

  /** Wrapped static text; returns its height. */
  paragraph(text: string, options: { x?: number; width?: number; size?: number; bold?: boolean; color?: typeof ink } = {}) {
    const size = options.size ?? 8;
    const x = options.x ?? LEFT;
    const width = options.width ?? WIDTH;
    const program = options.bold ? this.programs.bold : this.programs.regular;
    const lines = wrap(program, measure(program, text), (width * program.unitsPerEm) / size);
    for (const line of lines) {
      this.y -= size * 1.25;
      this.text(line.text, x, this.y, size, options.bold, options.color ?? ink);
    }
    return lines.length * size * 1.25;
  }

  title(text: string, size = 13) {
    this.paragraph(text, { size, bold: true });
    this.space(4);
  }

  /** A section heading on a light bar: "1  Antragsteller". */
  heading(text: string) {
    this.space(8);
    this.page.drawRectangle({ x: LEFT, y: this.y - 17, width: WIDTH, height: 17, color: barColour });
    this.text(text, LEFT + 5, this.y - 12.2, 10, true);
    this.y -= 17 + 6;
  }

  subheading(text: string) {
    this.space(6);
    this.text(text, LEFT, this.y - 10, 9, true);
    this.y -= 14;
  }

  textField(spec: FieldSpec, x: number, y: number, width: number, height: number) {
    const field = this.form.createTextField(spec.name);
    const size = spec.size ?? (spec.multiline ? 9 : 9);
    field.acroField.setDefaultAppearance(`/${FIELD_FONT} ${size} Tf 0 g`);
    if (spec.multiline) field.enableMultiline();
    if (spec.align === 'right') field.setAlignment(TextAlignment.Right);
    if (spec.align === 'center') field.setAlignment(TextAlignment.Center);
    field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(spec.label));
    const borderWidth = 0.6;
    field.addToPage(this.page, {
      x,
      y,
      width: width - borderWidth,
      height: height - borderWidth,
      font: this.fonts.field,
      textColor: rgb(0, 0, 0),
      backgroundColor: fieldBackground,
      borderColor: fieldBorder,
      borderWidth,
    });
    field.acroField.setDefaultAppearance(`/${FIELD_FONT} ${size} Tf 0 g`);
  }

  /** A row of labelled fields; widths default to equal shares of the free width. */
  fields(specs: FieldSpec[]) {
    const fixed = specs.reduce((s, f) => s + (f.width ?? 0), 0);
    const flexible = specs.filter((f) => f.width === undefined).length;
    const share = flexible ? (WIDTH - fixed - GAP * (specs.length - 1)) / flexible : 0;
    const height = Math.max(...specs.map((f) => f.height ?? FIELD_HEIGHT));
    const labelled = specs.some((f) => f.showLabel !== false);
    const top = this.y - (labelled ? LABEL_SIZE + 3 : 0);
    let x = LEFT;
    for (const spec of specs) {
      const width = spec.width ?? share;
      if (spec.showLabel !== false) this.text(spec.label, x, top + 2.5, LABEL_SIZE, false, grey);
      this.textField(spec, x, top - (spec.height ?? FIELD_HEIGHT), width, spec.height ?? FIELD_HEIGHT);
      x += width + GAP;
    }
    this.y = top - height - ROW_GAP;
  }

  checkbox(name: string, label: string, x: number, y: number, size = 10) {
    const box = this.form.createCheckBox(name);
    box.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(label));
    box.addToPage(this.page, {
      x,
      y,
      width: size,
      height: size,
      borderWidth: 0.8,
      borderColor: fieldBorder,
      backgroundColor: fieldBackground,
      textColor: rgb(0, 0, 0),
    });
  }

  /** A declaration: checkbox at the left, wrapped text beside it. */
  declaration(name: string, label: string, text: string) {
    const startY = this.y;
    const height = this.paragraph(text, { x: LEFT + 18, width: WIDTH - 18, size: 8 });
    this.checkbox(name, label, LEFT + 1, startY - 10.5, 9);
    this.y = Math.min(this.y, startY - 14) - 5;
    return height;
  }

  /** Yes/no choice as two checkboxes after a question. */
  choice(question: string, options: Array<{ name: string; label: string; text: string }>) {
    this.paragraph(question, { x: LEFT + 18, width: WIDTH - 18, size: 8 });
    // Air between the question and the first box, and between a box and its text (issue 23.7).
    this.space(4);
    for (const option of options) {
      const startY = this.y;
      this.paragraph(option.text, { x: LEFT + 38, width: WIDTH - 38, size: 8 });
      this.checkbox(option.name, option.label, LEFT + 20, startY - 10.5, 9);
      this.y = Math.min(this.y, startY - 13) - 3;
    }
    this.space(3);
  }

  /** A table of fields: header drawn, one field per cell, `rows` rows of `rowHeight`. */
  table(options: {
    prefix: string;
    rows: number;
    rowHeight: number;
    columns: Array<{
      key: string;
      header: string;
      width: number;
      label: string;
      multiline?: boolean;
      align?: 'left' | 'right' | 'center';
      size?: number;
    }>;
  }) {
    const headerHeight = 14;
    this.page.drawRectangle({ x: LEFT, y: this.y - headerHeight, width: WIDTH, height: headerHeight, color: barColour });
    let x = LEFT;
    for (const column of options.columns) {
      this.text(column.header, x + 2, this.y - 10, 7, true);
      x += column.width;
    }
    this.y -= headerHeight;
    for (let r = 0; r < options.rows; r += 1) {
      const row = String(r + 1).padStart(2, '0');
      let cx = LEFT;
      for (const column of options.columns) {
        this.textField(
          {
            name: `${options.prefix}.${row}.${column.key}`,
            label: `${column.label}, Zeile ${r + 1}`,
            multiline: column.multiline,
            align: column.align,
            size: column.size ?? 8,
          },
          cx,
          this.y - options.rowHeight,
          column.width,
          options.rowHeight,
        );
        cx += column.width;
      }
      this.y -= options.rowHeight;
    }
  }

  /** A labelled amount on the right of a row: "Summe …  [field]". */
  labelledField(spec: FieldSpec, label: string, options: { fieldWidth?: number; bold?: boolean; height?: number } = {}) {
    const fieldWidth = options.fieldWidth ?? 100;
    const height = options.height ?? FIELD_HEIGHT;
    const x = RIGHT - fieldWidth;
    this.text(label, LEFT + 2, this.y - height / 2 - 3, 8, options.bold ?? false);
    this.textField({ ...spec, align: spec.align ?? 'right' }, x, this.y - height, fieldWidth, height);
    this.y -= height + 2;
  }
}

const amount = (name: string, label: string): FieldSpec => ({ name, label, align: 'right' });

// ---- the pages -------------------------------------------------------------------------------

function pageOne(b: Builder) {
  b.newPage();
  const boxWidth = 190;
  // Box for the grant authority (deliberately left empty by the applicant).
  b.text('An die Sächsische Aufbaubank – Förderbank – (SAB)', LEFT, TOP - 8, 8);
  b.text('Bewilligungsbehörde · Einreichung über das Förderportal der SAB', LEFT, TOP - 19, 8, false, grey);
  b.page.drawRectangle({ x: RIGHT - boxWidth, y: TOP - 58, width: boxWidth, height: 60, borderColor: fieldBorder, borderWidth: 0.6 });
  b.text('Von der SAB auszufüllen', RIGHT - boxWidth + 5, TOP - 8, 7, true, grey);
  b.y = TOP - 12;
  const saved = b.y;
  b.text('Antragsnummer', RIGHT - boxWidth + 5, b.y - 7, LABEL_SIZE, false, grey);
  b.textField(
    { name: 'sab.antragsnummer', label: 'Antragsnummer (von der SAB auszufüllen)' },
    RIGHT - boxWidth + 5,
    b.y - 24,
    boxWidth - 10,
    15,
  );
  b.text('Eingangsdatum', RIGHT - boxWidth + 5, b.y - 31, LABEL_SIZE, false, grey);
  b.textField({ name: 'sab.eingang', label: 'Eingangsdatum (von der SAB auszufüllen)' }, RIGHT - boxWidth + 5, b.y - 48, boxWidth - 10, 15);
  b.y = saved - 62;

  b.title('Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung', 14);
  b.paragraph(
    'Richtlinie zur Förderung der Beteiligung von Bürgerinnen und Bürgern (FRL Bürgerbeteiligung) vom 21. Januar 2022, ' +
      'zuletzt geändert am 14. Juni 2023. Zuwendungsart: Projektförderung · Finanzierungsart: Anteilfinanzierung · Form: Zuschuss.',
    { size: 8, color: grey },
  );
  b.paragraph(
    'Bitte füllen Sie alle Felder aus, die auf Sie zutreffen. Beträge in Euro. Summen und berechnete Beträge ergeben sich aus dem ' +
      'Ausgaben- und Finanzierungsplan (Anlage 2); in der bearbeitbaren Fassung sind sie schreibgeschützt.',
    { size: 8, color: grey },
  );

  b.heading('1  Antragsteller');
  b.fields([{ name: 'antragsteller.name', label: 'Name der Kommune oder Organisation' }]);
  b.fields([
    { name: 'antragsteller.strasse', label: 'Straße und Hausnummer' },
    { name: 'antragsteller.plz', label: 'Postleitzahl', width: 60 },
    { name: 'antragsteller.ort', label: 'Ort', width: 170 },
  ]);
  b.fields([
    { name: 'antragsteller.rechtsform', label: 'Rechtsform / Art der Organisation' },
    { name: 'antragsteller.landkreis', label: 'Landkreis oder kreisfreie Stadt des Sitzes' },
  ]);
  b.fields([
    { name: 'antragsteller.gemeindeschluessel', label: 'Amtlicher Gemeindeschlüssel (Kommunen)', width: 170 },
    { name: 'antragsteller.register', label: 'Registernummer und Registergericht (Vereine, Stiftungen, gGmbH)' },
  ]);
  b.fields([
    { name: 'antragsteller.vertretung.name', label: 'Vertretungsberechtigte Person' },
    { name: 'antragsteller.vertretung.funktion', label: 'Funktion der vertretungsberechtigten Person' },
  ]);
  b.fields([
    { name: 'antragsteller.ansprechperson', label: 'Ansprechperson für diesen Antrag' },
    { name: 'antragsteller.telefon', label: 'Telefon', width: 120 },
    { name: 'antragsteller.email', label: 'E-Mail', width: 170 },
  ]);
  b.subheading('Bankverbindung');
  b.fields([
    { name: 'bank.kontoinhaber', label: 'Kontoinhaber' },
    { name: 'bank.institut', label: 'Kreditinstitut' },
  ]);
  b.fields([
    { name: 'bank.iban', label: 'IBAN' },
    { name: 'bank.bic', label: 'BIC', width: 120 },
  ]);

  b.heading('2  Vorhaben');
  b.fields([{ name: 'vorhaben.titel', label: 'Titel des Vorhabens' }]);
  b.fields([{ name: 'vorhaben.foerderweg', label: 'Förderweg (FRL Teil 2 A II Nr. 1.1–1.3 oder Teil 2 B II)' }]);
  b.fields([
    { name: 'vorhaben.beginn', label: 'Durchführungszeitraum von', width: 110 },
    { name: 'vorhaben.ende', label: 'bis', width: 110 },
    { name: 'vorhaben.ort', label: 'Ort der Durchführung' },
  ]);
  b.fields([{ name: 'vorhaben.kurzbeschreibung', label: 'Kurzbeschreibung des Vorhabens', multiline: true, height: 62 }]);

  b.heading('3  Ausgaben und beantragte Zuwendung');
  b.fields([
    amount('zuwendung.gesamtausgaben', 'Gesamtausgaben'),
    amount('zuwendung.zuwendungsfaehig', 'davon zuwendungsfähig'),
    amount('zuwendung.betrag', 'Beantragte Zuwendung'),
    { name: 'zuwendung.foerdersatz', label: 'Fördersatz', align: 'right' },
  ]);
}

const financeRows: Array<{ key: string; label: string }> = [
  { key: 'ausgaben', label: 'Gesamtausgaben' },
  { key: 'eigenmittel', label: 'Eigenmittel (bar)' },
  { key: 'eigenleistungen', label: 'Unbare Eigenleistungen' },
  { key: 'dritte', label: 'Mittel Dritter (Spenden, Sponsoring)' },
  { key: 'oeffentlich', label: 'Andere öffentliche Förderung' },
  { key: 'zuwendung', label: 'Beantragte Zuwendung' },
];

function pageTwo(b: Builder) {
  b.newPage();
  b.heading('4  Finanzierungsplan nach Kalenderjahren');
  const labelWidth = 175;
  const colWidth = (WIDTH - labelWidth) / 4;
  const columns = ['jahr1', 'jahr2', 'jahr3', 'gesamt'] as const;
  // Header row: the years are fields (filled from the schedule), "Gesamt" is printed.
  b.page.drawRectangle({ x: LEFT, y: b.y - 18, width: WIDTH, height: 18, color: barColour });
  b.text('Kalenderjahr', LEFT + 4, b.y - 12, 8, true);
  columns.forEach((column, i) => {
    const x = LEFT + labelWidth + i * colWidth;
    if (column === 'gesamt') b.text('Gesamt', x + colWidth - 4 - b.fonts.bold.widthOfTextAtSize('Gesamt', 8), b.y - 12, 8, true);
    else
      b.textField(
        { name: `finanzplan.${column}.jahr`, label: `Kalenderjahr ${i + 1}`, align: 'right', size: 8 },
        x + 2,
        b.y - 16,
        colWidth - 4,
        14,
      );
  });
  b.y -= 18;
  for (const row of financeRows) {
    b.text(row.label, LEFT + 4, b.y - 12.5, 8, row.key === 'ausgaben' || row.key === 'zuwendung');
    columns.forEach((column, i) => {
      const x = LEFT + labelWidth + i * colWidth;
      const yearLabel = column === 'gesamt' ? 'gesamt' : `Jahr ${i + 1}`;
      b.textField(
        { name: `finanzplan.${column}.${row.key}`, label: `Finanzierungsplan: ${row.label}, ${yearLabel}`, align: 'right', size: 8 },
        x + 2,
        b.y - 17,
        colWidth - 4,
        16,
      );
    });
    b.y -= 18;
  }
  b.paragraph(
    'Eigenmittel, Mittel Dritter, andere öffentliche Förderung und Zuwendung sind anteilig nach den Ausgaben des jeweiligen Jahres aufgeteilt; ' +
      'unbare Eigenleistungen stehen im Jahr ihrer Erbringung. Verbindlich ist der Finanzierungsplan in seiner Gesamtsumme.',
    { size: 7, color: grey },
  );

  b.heading('5  Begründung');
  b.fields([
    {
      name: 'begruendung.vorhaben',
      label: 'Warum ist das Vorhaben notwendig? (Ausgangslage, Bedarf, erwartete Wirkung)',
      multiline: true,
      height: 500,
    },
  ]);
}

function pageThree(b: Builder) {
  b.newPage();
  b.fields([
    {
      name: 'begruendung.foerderung',
      label: 'Warum ist eine Förderung erforderlich? (Eigenmittel, andere Finanzierungswege)',
      multiline: true,
      height: 300,
    },
  ]);

  // Section 6 reads "Verbund" for municipalities (Teil 2 A) and "Projektpartner" for Teil 2 B; the
  // filler keeps the one that applies (both are drawn at the same place).
  const top = b.y;
  b.block('abschnitt6.verbund', () => {
    b.heading('6  Verbund');
    const startY = b.y;
    b.paragraph(
      'Der Antrag wird im Verbund gestellt; der Antragsteller ist federführend und vertritt die Partner (FRL Teil 2 A III Satz 2).',
      {
        x: LEFT + 18,
        width: WIDTH - 18,
      },
    );
    b.checkbox('verbund.antrag', 'Antrag im Verbund', LEFT + 1, startY - 10.5, 9);
    b.space(8);
  });
  const after = b.y;
  b.y = top;
  b.block('abschnitt6.projektpartner', () => {
    b.heading('6  Projektpartner');
    b.paragraph(
      'Partner, mit denen der Antragsteller das Vorhaben durchführt; auch sie stehen auf dem Boden der freiheitlichen demokratischen Grundordnung (FRL Teil 1 III).',
      {
        x: LEFT,
        width: WIDTH,
      },
    );
  });
  b.y = Math.min(after, b.y);
  b.block('abschnitt6.partner', () => {
    b.paragraph('Partner (Name, Art, Landkreis oder kreisfreie Stadt, Gemeindeschlüssel, Ansprechperson)', { size: 8, bold: true });
    b.space(3);
    b.table({
      prefix: 'verbund.partner',
      rows: 6,
      rowHeight: 20,
      columns: [
        { key: 'name', header: 'Name', label: 'Partner: Name', width: 140, multiline: true },
        { key: 'art', header: 'Art', label: 'Partner: Art', width: 80, multiline: true, size: 7.5 },
        { key: 'landkreis', header: 'Landkreis / Stadt', label: 'Partner: Landkreis', width: 95, multiline: true, size: 7.5 },
        { key: 'ags', header: 'AGS', label: 'Partner: Amtlicher Gemeindeschlüssel', width: 55, size: 7.5 },
        { key: 'kontakt', header: 'Ansprechperson', label: 'Partner: Ansprechperson', width: WIDTH - 370, multiline: true, size: 7.5 },
      ],
    });
  });
}

function pageFour(b: Builder) {
  b.newPage();
  b.heading('7  Erklärungen');
  b.paragraph('Der Antragsteller erklärt mit seiner Unterschrift (bitte ankreuzen):', { size: 8, color: grey });
  b.space(4);
  b.declaration(
    'erklaerung.ebbs',
    'Erklärung: EBBS und wissenschaftliche Begleitung',
    'Der Antragsteller ist bereit, am Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung Sachsen (EBBS) teilzunehmen und an einer ' +
      'wissenschaftlichen Begleitung und Evaluation mitzuwirken (FRL Teil 2 A IV Nr. 2, Teil 2 B IV Nr. 2).',
  );
  b.declaration(
    'erklaerung.portal',
    'Erklärung: Ideen für das Beteiligungsportal',
    'Wird im Vorhaben das Beteiligungsportal des Freistaates Sachsen genutzt, bringt der Antragsteller Ideen und Anforderungen für ' +
      'dessen Weiterentwicklung ein (FRL Teil 2 A IV Nr. 3, Teil 2 B IV Nr. 6).',
  );
  b.declaration(
    'erklaerung.fdgo',
    'Erklärung: freiheitliche demokratische Grundordnung',
    'Der Antragsteller und seine Partner bekennen sich zur freiheitlichen demokratischen Grundordnung und verfolgen keine Bestrebungen ' +
      'im Sinne von § 3 Abs. 1 SächsVSG (FRL Teil 1 III).',
  );
  b.declaration(
    'erklaerung.subventionserheblich',
    'Erklärung: subventionserhebliche Tatsachen',
    'Subventionserheblich im Sinne von § 264 StGB in Verbindung mit § 1 SächsSubvG und §§ 2 bis 6 SubvG (VwV zu § 44 SäHO Nr. 3.5) ' +
      'sind die Angaben, von denen Bewilligung, Gewährung, Rückforderung, Weitergewährung oder Belassen der Zuwendung abhängen, ' +
      'insbesondere: Rechtsform, Gemeinnützigkeit, Sitz und Vertretung des Antragstellers; Gegenstand, Förderweg, Ort, Zeitraum und ' +
      'Beginn des Vorhabens; die Erklärung, dass noch nicht begonnen wurde; alle Angaben des Ausgaben- und Finanzierungsplans ' +
      '(Kostenpositionen, Eigenmittel, unbare Eigenleistungen, Mittel Dritter, andere öffentliche Förderung); die Erklärungen zum ' +
      'Vorsteuerabzug und zur überwiegend öffentlichen Finanzierung sowie der Inhalt der beigefügten Unterlagen. Dem Antragsteller ' +
      'ist bekannt, dass ein Subventionsbetrug strafbar ist (§ 264 StGB); Änderungen dieser Tatsachen teilt er der SAB unverzüglich mit (§ 3 SubvG).',
  );
  b.declaration(
    'erklaerung.nichtbegonnen',
    'Erklärung: Vorhaben noch nicht begonnen',
    'Mit dem Vorhaben wurde noch nicht begonnen; insbesondere wurde noch kein der Ausführung zuzurechnender Lieferungs- oder ' +
      'Leistungsvertrag abgeschlossen (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3).',
  );
  b.fields([
    {
      name: 'erklaerung.vorhabensbeginn',
      label: 'Beginn des Vorhabens ab Antragstellung (VwV zu § 44 SäHO Nr. 1.4, VVK Nr. 1.3) – ergibt sich aus den Gesamtausgaben',
      multiline: true,
      height: 30,
      size: 8,
    },
  ]);
  b.space(2);
  b.paragraph(
    'Gesicherte Finanzierung (VwV zu § 44 SäHO Nr. 1.3, VVK Nr. 1.2): Die Gesamtfinanzierung des Vorhabens ist gesichert; der Eigenanteil ' +
      'und die Mittel Dritter stehen zur Verfügung.',
    { x: LEFT + 18, width: WIDTH - 18, size: 8 },
  );
  b.space(3);
  b.fields([
    {
      name: 'erklaerung.eigenanteil.angaben',
      label: 'Eigenanteil laut Finanzierungsplan (Anlage 2)',
      multiline: true,
      height: 30,
      size: 8,
    },
  ]);
  b.choice('Der Eigenanteil ist gesichert (bitte ankreuzen und ergänzen):', [
    {
      name: 'erklaerung.eigenanteil.haushalt',
      label: 'Eigenanteil: im Haushalt veranschlagt',
      text: 'im Haushaltsplan (Kommunen) bzw. im Haushalt oder Wirtschaftsplan des Trägers veranschlagt',
    },
    {
      name: 'erklaerung.eigenanteil.beschluss',
      label: 'Eigenanteil: durch Beschluss gesichert',
      text: 'durch Beschluss des zuständigen Gremiums (z. B. Gemeinderat, Kreistag, Vorstand)',
    },
  ]);
  b.fields([{ name: 'erklaerung.eigenanteil.nachweis', label: 'Haushaltsstelle bzw. Gremium und Datum des Beschlusses' }]);
  b.space(2);
  b.choice('Vorsteuerabzug (§ 15 UStG; VwV zu § 44 SäHO Nr. 2.6, VVK Nr. 2.6): Der Antragsteller ist für dieses Vorhaben', [
    {
      name: 'erklaerung.vorsteuer.ja',
      label: 'Vorsteuerabzug: berechtigt',
      text: 'zum Vorsteuerabzug berechtigt – die Ausgaben sind ohne Umsatzsteuer (netto) angegeben.',
    },
    {
      name: 'erklaerung.vorsteuer.nein',
      label: 'Vorsteuerabzug: nicht berechtigt',
      text: 'nicht zum Vorsteuerabzug berechtigt – die Ausgaben sind mit Umsatzsteuer (brutto) angegeben.',
    },
  ]);
  b.block('besserstellung', () => {
    b.choice(
      'Nur Teil 2 B (Besserstellungsverbot, ANBest-P Nr. 1.3): Der Antragsteller finanziert seine Gesamtausgaben überwiegend aus Zuwendungen der öffentlichen Hand',
      [
        { name: 'erklaerung.oeffentlich.ja', label: 'Überwiegend öffentlich finanziert: ja', text: 'ja' },
        { name: 'erklaerung.oeffentlich.nein', label: 'Überwiegend öffentlich finanziert: nein', text: 'nein' },
      ],
    );
  });
}

function pageFive(b: Builder) {
  b.newPage();
  b.space(4);
  b.paragraph('Hinweise zur Verarbeitung personenbezogener Daten (VwV zu § 44 SäHO Nr. 3.1, § 4 Abs. 1 SächsFöDaG)', {
    size: 9,
    bold: true,
  });
  b.space(3);
  b.paragraph(
    'Die Sächsische Aufbaubank – Förderbank – (SAB) verarbeitet als Bewilligungsbehörde die Angaben dieses Antrags und seiner Anlagen, ' +
      'auch die personenbezogenen Daten der genannten Personen (Vertretung, Ansprechperson, Unterzeichnende, Partner), soweit es für die ' +
      'Prüfung des Antrags, die Bewilligung und Auszahlung, die Prüfung der Verwendung und die Erfolgskontrolle erforderlich ist. ' +
      'Nach dem Gesetz über Fördermitteldatenbanken im Freistaat Sachsen (SächsFöDaG) werden die Daten in der Fördermitteldatenbank ' +
      'des Freistaates gespeichert; sie können dem für die Richtlinie zuständigen Staatsministerium, dem Sächsischen Rechnungshof und ' +
      'anderen zur Prüfung berechtigten Stellen übermittelt werden. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. c und e DSGVO in ' +
      'Verbindung mit dem Haushaltsrecht des Freistaates. Betroffene Personen haben die Rechte nach Art. 15 bis 21 DSGVO (Auskunft, ' +
      'Berichtigung, Löschung, Einschränkung der Verarbeitung, Widerspruch) und können sich bei der Sächsischen Datenschutz- und ' +
      'Transparenzbeauftragten beschweren. Ergänzend gelten die Datenschutzhinweise der SAB. Der Antragsteller gibt diese Hinweise an ' +
      'die Personen weiter, deren Daten er angibt.',
    { size: 8 },
  );
  b.space(4);
  b.declaration(
    'erklaerung.datenschutz',
    'Erklärung: Datenschutzhinweise',
    'Der Antragsteller hat die Hinweise zur Verarbeitung personenbezogener Daten zur Kenntnis genommen.',
  );

  b.heading('8  Anlagen');
  b.paragraph('Dem Antrag liegen bei (Anlagenverzeichnis; Anlagen ohne Nummer fehlen noch):', { size: 8, color: grey });
  b.space(3);
  b.table({
    prefix: 'anlagen',
    rows: 10,
    rowHeight: 17,
    columns: [
      { key: 'nr', header: 'Anlage', label: 'Anlagen: Nummer', width: 44, align: 'center' },
      { key: 'titel', header: 'Bezeichnung', label: 'Anlagen: Bezeichnung', width: 190, multiline: true, size: 7.5 },
      { key: 'datei', header: 'Datei bzw. Hinweis', label: 'Anlagen: Datei bzw. Hinweis', width: WIDTH - 234, multiline: true, size: 7.5 },
    ],
  });

  b.heading('Unterschrift');
  b.fields([
    { name: 'unterschrift.ort', label: 'Ort' },
    { name: 'unterschrift.datum', label: 'Datum (bei Unterschrift einzutragen)', width: 150 },
  ]);
  b.fields([
    { name: 'unterschrift.name', label: 'Name der unterzeichnenden Person' },
    { name: 'unterschrift.funktion', label: 'Funktion' },
  ]);
  b.space(26);
  b.page.drawLine({ start: { x: LEFT, y: b.y }, end: { x: LEFT + 260, y: b.y }, thickness: 0.6, color: grey });
  b.text('Rechtsverbindliche Unterschrift (bei Kommunen mit Dienstsiegel)', LEFT, b.y - 10, LABEL_SIZE, false, grey);
  b.space(18);
  b.block('unterschrift2', () => {
    b.fields([
      { name: 'unterschrift2.name', label: 'Zweite unterzeichnende Person (bei gemeinsamer Vertretung)' },
      { name: 'unterschrift2.funktion', label: 'Funktion' },
    ]);
    b.space(26);
    b.page.drawLine({ start: { x: LEFT, y: b.y }, end: { x: LEFT + 260, y: b.y }, thickness: 0.6, color: grey });
    b.text(
      'Zweite Unterschrift, wenn die Satzung eine gemeinschaftliche Vertretung vorsieht (z. B. zwei Vorstandsmitglieder)',
      LEFT,
      b.y - 10,
      LABEL_SIZE,
      false,
      grey,
    );
    b.space(14);
  });
}

function annexHeader(b: Builder, prefix: string, title: string, note: string) {
  b.title(title, 13);
  b.paragraph(note, { size: 8, color: grey });
  b.space(4);
  b.fields([{ name: `${prefix}.bezug`, label: 'Antragsteller und Vorhaben' }]);
}

function annexOne(b: Builder) {
  b.newPage();
  annexHeader(
    b,
    'anlage1',
    'Anlage 1 – Vorhabenbeschreibung',
    'Beschreiben Sie das Vorhaben so, dass die Bewilligungsbehörde Ziele, Vorgehen und Beteiligte nachvollziehen kann.',
  );
  b.fields([{ name: 'anlage1.ziele', label: '1. Ziele des Vorhabens', multiline: true, height: 205 }]);
  b.fields([{ name: 'anlage1.bausteine', label: '2. Bausteine und Arbeitsschritte', multiline: true, height: 215 }]);
  b.fields([{ name: 'anlage1.formate', label: '3. Beteiligungsformate und Stufe der Beteiligung', multiline: true, height: 190 }]);

  b.newPage();
  b.fields([{ name: 'anlage1.zielgruppen', label: '4. Zielgruppen', multiline: true, height: 70 }]);
  b.fields([
    {
      name: 'anlage1.kooperation',
      label: '5. Zusammenarbeit (Teil 2 A: Beteiligung freier Träger; Teil 2 B: Kooperation mit der betroffenen Kommune)',
      multiline: true,
      height: 160,
    },
  ]);
  b.fields([{ name: 'anlage1.zeitplan', label: '6. Zeitplan mit Meilensteinen', multiline: true, height: 190 }]);
  b.fields([{ name: 'anlage1.ergaenzend', label: '7. Ergänzende Angaben', multiline: true, height: 245 }]);
}

function sumRows(b: Builder, prefix: string, total: string) {
  b.labelledField(
    { name: `${prefix}.uebertrag`, label: `${total}: Übertrag auf die Folgeseite` },
    'Übertrag auf die Folgeseite (nur bei Fortsetzung)',
    { height: 15 },
  );
  b.labelledField({ name: `${prefix}.summe`, label: total }, total, { bold: true, height: 15 });
}

function annexTwo(b: Builder) {
  b.newPage();
  annexHeader(
    b,
    'anlage2',
    'Anlage 2 – Ausgaben- und Finanzierungsplan',
    'Alle Beträge in Euro. Ist der Antragsteller zum Vorsteuerabzug berechtigt, sind die Ausgaben netto anzugeben. Weitere Positionen folgen auf Fortsetzungsseiten.',
  );
  b.subheading('A. Ausgaben (Kostenpositionen)');
  b.table({
    prefix: 'anlage2.ausgaben',
    rows: 16,
    rowHeight: 21.5,
    columns: [
      { key: 'nr', header: 'Nr.', label: 'Ausgaben: Nr.', width: 24, align: 'right' },
      { key: 'kategorie', header: 'Kategorie', label: 'Ausgaben: Kategorie', width: 86, multiline: true, size: 7.5 },
      { key: 'beschreibung', header: 'Beschreibung', label: 'Ausgaben: Beschreibung', width: 176, multiline: true },
      { key: 'berechnung', header: 'Berechnung', label: 'Ausgaben: Berechnung', width: 107 },
      { key: 'jahr', header: 'Jahr', label: 'Ausgaben: Jahr', width: 32, align: 'center' },
      { key: 'betrag', header: 'Betrag', label: 'Ausgaben: Betrag', width: WIDTH - 425, align: 'right' },
    ],
  });
  b.space(4);
  sumRows(b, 'anlage2.ausgaben', 'Summe der Ausgabepositionen');
  b.space(2);
  b.labelledField({ name: 'anlage2.zwischensumme.personal', label: 'davon Personalausgaben' }, 'davon Personalausgaben', { height: 14 });
  b.labelledField({ name: 'anlage2.zwischensumme.sach', label: 'davon Sachausgaben' }, 'davon Sachausgaben (alle übrigen Kategorien)', {
    height: 14,
  });
  b.space(4);
  b.table({
    prefix: 'anlage2.kategorie',
    rows: 10,
    rowHeight: 14,
    columns: [
      { key: 'kategorie', header: 'Zwischensummen je Kategorie', label: 'Zwischensumme: Kategorie', width: 250, size: 8 },
      { key: 'art', header: 'Art', label: 'Zwischensumme: Personal- oder Sachausgabe', width: 120, size: 8 },
      { key: 'anzahl', header: 'Positionen', label: 'Zwischensumme: Anzahl der Positionen', width: 55, align: 'right', size: 8 },
      { key: 'betrag', header: 'Betrag', label: 'Zwischensumme: Betrag', width: WIDTH - 425, align: 'right', size: 8 },
    ],
  });

  b.newPage();
  b.subheading('B. Unbare Eigenleistungen (nur Teil 2 B: ehrenamtliche Arbeit zum Mindestlohn, Raumnutzung)');
  b.table({
    prefix: 'anlage2.eigenleistungen',
    rows: 6,
    rowHeight: 20,
    columns: [
      { key: 'art', header: 'Art', label: 'Eigenleistungen: Art', width: 58 },
      { key: 'beschreibung', header: 'Beschreibung', label: 'Eigenleistungen: Beschreibung', width: 180, multiline: true },
      { key: 'berechnung', header: 'Berechnung', label: 'Eigenleistungen: Berechnung', width: 137, multiline: true, size: 7.5 },
      { key: 'zeitraum', header: 'Zeitraum', label: 'Eigenleistungen: Zeitraum', width: 50, align: 'center' },
      { key: 'wert', header: 'Wert', label: 'Eigenleistungen: Wert', width: WIDTH - 425, align: 'right' },
    ],
  });
  b.space(3);
  sumRows(b, 'anlage2.eigenleistungen', 'Summe der unbaren Eigenleistungen');

  b.subheading('C. Spenden, Sponsoring und sonstige Mittel Dritter');
  b.table({
    prefix: 'anlage2.dritte',
    rows: 5,
    rowHeight: 17,
    columns: [
      { key: 'geber', header: 'Geber', label: 'Mittel Dritter: Geber', width: 265 },
      { key: 'art', header: 'Zweckbindung', label: 'Mittel Dritter: Zweckbindung', width: 130 },
      { key: 'betrag', header: 'Betrag', label: 'Mittel Dritter: Betrag', width: WIDTH - 395, align: 'right' },
    ],
  });
  b.space(3);
  sumRows(b, 'anlage2.dritte', 'Summe der Mittel Dritter');

  b.subheading('D. Andere öffentliche Förderung (Bund, EU, Land, Kommune)');
  b.table({
    prefix: 'anlage2.oeffentlich',
    rows: 4,
    rowHeight: 17,
    columns: [
      { key: 'geber', header: 'Mittelgeber', label: 'Andere öffentliche Förderung: Mittelgeber', width: 265 },
      { key: 'status', header: 'Stand', label: 'Andere öffentliche Förderung: Stand', width: 130 },
      { key: 'betrag', header: 'Betrag', label: 'Andere öffentliche Förderung: Betrag', width: WIDTH - 395, align: 'right' },
    ],
  });
  b.space(3);
  sumRows(b, 'anlage2.oeffentlich', 'Summe der anderen öffentlichen Förderung');

  b.subheading('E. Zusammenfassung');
  const summary: Array<[string, string, boolean]> = [
    ['kostenpositionen', 'Ausgaben laut Kostenpositionen (A)', false],
    ['eigenleistungen', 'Unbare Eigenleistungen (B)', false],
    ['gesamtausgaben', 'Gesamtausgaben', true],
    ['nichtfoerderfaehig', 'davon nicht zuwendungsfähig (Finanzierungskosten, Zinsen; Kommunen: unbare Leistungen)', false],
    ['zuwendungsfaehig', 'Zuwendungsfähige Ausgaben', true],
    ['eigenmittel', 'Eigenmittel (bar)', false],
    ['eigenleistungen_finanzierung', 'Unbare Eigenleistungen', false],
    ['dritte', 'Mittel Dritter (C)', false],
    ['oeffentlich', 'Andere öffentliche Förderung (D)', false],
    ['zuwendung', 'Beantragte Zuwendung', true],
    ['gesamtfinanzierung', 'Gesamtfinanzierung', true],
    ['differenz', 'Differenz Ausgaben − Finanzierung (muss 0 sein)', false],
  ];
  for (const [key, label, bold] of summary) {
    b.labelledField({ name: `anlage2.summe.${key}`, label: `Zusammenfassung: ${label}` }, label, { bold, height: 14 });
  }
}

function annexThree(b: Builder) {
  b.newPage();
  annexHeader(
    b,
    'anlage3',
    'Anlage 3 – Ergebnis der Förderprüfung',
    'Selbstprüfung mit dem Förderlotsen nach den Regeln der FRL Bürgerbeteiligung; unverbindlich – über den Antrag entscheidet die SAB.',
  );
  b.fields([
    { name: 'anlage3.ergebnis', label: 'Ergebnis der Prüfung' },
    { name: 'anlage3.stichtag', label: 'Stichtag der Prüfung', width: 100 },
  ]);
  b.fields([{ name: 'anlage3.regelstand', label: 'Regelstand (Fassung der Richtlinie, Parameter)', multiline: true, height: 24, size: 8 }]);
  b.fields([{ name: 'anlage3.zusammenfassung', label: 'Kriterien im Überblick', size: 8 }]);
  b.space(2);
  b.table({
    prefix: 'anlage3.kriterium',
    rows: 24,
    rowHeight: 21.5,
    columns: [
      { key: 'nr', header: 'Nr.', label: 'Kriterium: Nr.', width: 24, align: 'right' },
      { key: 'titel', header: 'Kriterium', label: 'Kriterium: Bezeichnung', width: 200, multiline: true },
      { key: 'status', header: 'Ergebnis', label: 'Kriterium: Ergebnis', width: 86, multiline: true, size: 7.5 },
      { key: 'fundstelle', header: 'Fundstelle', label: 'Kriterium: Fundstelle', width: WIDTH - 310, multiline: true, size: 7.5 },
    ],
  });
}

// ---- assembling ------------------------------------------------------------------------------

function setLength1(doc: PDFDocument, font: PDFFont, length: number) {
  const dict = doc.context.lookup(font.ref, PDFDict);
  const descendant = dict.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const file = descriptor.lookup(PDFName.of('FontFile2'), PDFStream);
  file.dict.set(PDFName.of('Length1'), PDFNumber.of(length));
}

/**
 * Fewer objects make the template faster to load and fill: each field's single widget is merged
 * into the field dictionary (as PDF allows), and identical appearance streams (all empty cells of
 * a table column look alike) are shared.
 */
function compactForm(doc: PDFDocument) {
  const { context } = doc;
  const Kids = PDFName.of('Kids');
  const AP = PDFName.of('AP');
  const streamKey = (stream: PDFContentStream) => `${stream.dict.toString()}|${stream.getContentsString()}`;
  const canonical = new Map<string, PDFRef>();
  const dedupe = (value: unknown): PDFRef | PDFDict | undefined => {
    if (value instanceof PDFRef) {
      const stream = context.lookup(value);
      if (!(stream instanceof PDFContentStream)) return value;
      const key = streamKey(stream);
      const first = canonical.get(key);
      if (first && first !== value) {
        context.delete(value);
        return first;
      }
      canonical.set(key, value);
      return value;
    }
    if (value instanceof PDFDict) {
      for (const [state, ref] of value.entries()) value.set(state, dedupe(ref) as PDFRef);
      return value;
    }
    return undefined;
  };
  const annotsOf = new Map<PDFRef, PDFArray>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i += 1) {
      const ref = annots.get(i);
      if (ref instanceof PDFRef) annotsOf.set(ref, annots);
    }
  }
  for (const field of doc.getForm().getFields()) {
    const dict = field.acroField.dict;
    const kids = dict.lookup(Kids);
    let widget = dict;
    if (kids instanceof PDFArray && kids.size() === 1) {
      const widgetRef = kids.get(0);
      const widgetDict = context.lookup(widgetRef);
      if (widgetRef instanceof PDFRef && widgetDict instanceof PDFDict) {
        for (const [key, value] of widgetDict.entries()) if (key !== PDFName.of('Parent')) dict.set(key, value);
        dict.delete(Kids);
        const annots = annotsOf.get(widgetRef);
        const index = annots?.indexOf(widgetRef);
        if (annots && index !== undefined) annots.set(index, field.ref);
        context.delete(widgetRef);
        widget = dict;
      }
    }
    const ap = widget.lookupMaybe(AP, PDFDict);
    if (ap) for (const [key, value] of ap.entries()) ap.set(key, dedupe(value) as PDFRef);
  }
}

export async function generateTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = dejaVuSans();
  const bold = dejaVuSansBold();
  const fonts = {
    field: await doc.embedFont(regular.bytes, { subset: false, customName: FIELD_FONT, features: shapingFeatures }),
    label: await doc.embedFont(regular.bytes, { subset: true, customName: `FLTMPL+${regular.postscriptName}`, features: shapingFeatures }),
    bold: await doc.embedFont(bold.bytes, { subset: true, customName: `FLTMPL+${bold.postscriptName}`, features: shapingFeatures }),
  };
  const form = doc.getForm();
  const builder = new Builder(doc, form, fonts, { regular, bold });
  pageOne(builder);
  pageTwo(builder);
  pageThree(builder);
  pageFour(builder);
  pageFive(builder);
  annexOne(builder);
  annexTwo(builder);
  annexThree(builder);
  builder.checkFits();

  // The form's default resources: the complete field font, named as in every /DA.
  const acroForm = form.acroForm.dict;
  acroForm.set(PDFName.of('DR'), doc.context.obj({ Font: { [FIELD_FONT]: fonts.field.ref } }));
  acroForm.set(PDFName.of('DA'), PDFString.of(`/${FIELD_FONT} 9 Tf 0 g`));

  doc.setTitle('Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung (Formular)', { showInWindowTitleBar: true });
  doc.setAuthor('Förderlotse Bürgerbeteiligung');
  doc.setSubject(`Formularvorlage, Stand ${TEMPLATE_VERSION}`);
  doc.setKeywords(['FRL Bürgerbeteiligung', 'Zuwendungsantrag', 'Sachsen', 'Formular']);
  doc.setCreator('forms/antrag/generate-template.ts');
  doc.setProducer('Förderlotse Bürgerbeteiligung (pdf-lib)');
  doc.setLanguage('de-DE');
  doc.setCreationDate(TEMPLATE_DATE);
  doc.setModificationDate(TEMPLATE_DATE);

  await doc.flush();
  setLength1(doc, fonts.field, regular.bytes.length);
  compactForm(doc);
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false, addDefaultPage: false, objectsPerTick: Infinity });
}

export const templateOutputPath = () => resolve(process.cwd(), 'forms/antrag/template.pdf');

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const bytes = await generateTemplate();
  const target = process.argv[2] ? resolve(process.argv[2]) : templateOutputPath();
  writeFileSync(target, bytes);
  console.log(`Vorlage geschrieben: ${target} (${(bytes.length / 1024).toFixed(0)} KB)`);
}
