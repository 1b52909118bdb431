/**
 * The pages of the application form itself (pages 1 to 5 of the template): applicant, project,
 * financing plan by year, declarations and signature, in the layout of a Saxon Zuwendungsantrag.
 */
import { amount, barColour, fieldBorder, grey, LABEL_SIZE, LEFT, RIGHT, TOP, WIDTH, type Builder } from './builder';

export function pageOne(b: Builder) {
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

export function pageTwo(b: Builder) {
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

export function pageThree(b: Builder) {
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

export function pageFour(b: Builder) {
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

export function pageFive(b: Builder) {
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
