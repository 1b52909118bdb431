/**
 * The annexes of the template: Anlage 1 (description of the project), Anlage 2 (cost and financing
 * plan with its tables and carried sums) and Anlage 3 (the eligibility check by criterion).
 */
import { grey, WIDTH, type Builder } from './builder';

function annexHeader(b: Builder, prefix: string, title: string, note: string) {
  b.title(title, 13);
  b.paragraph(note, { size: 8, color: grey });
  b.space(4);
  b.fields([{ name: `${prefix}.bezug`, label: 'Antragsteller und Vorhaben' }]);
}

export function annexOne(b: Builder) {
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

export function annexTwo(b: Builder) {
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

export function annexThree(b: Builder) {
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
