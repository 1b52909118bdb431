import type { MetaFunction } from '@remix-run/node';
import { documentPage } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056); no loader, so no clientLoader (it would replace the page by a fallback). */
export const handle = documentPage;

export const meta: MetaFunction = () => [{ title: 'Datenschutzerklärung – Förderlotse Bürgerbeteiligung' }];

export default function Privacy() {
  return (
    <div className="prose">
      <h1>Datenschutzerklärung</h1>
      <p>
        Hier erfahren Sie, welche personenbezogenen Daten der Förderlotse Bürgerbeteiligung verarbeitet, wozu und wie lange, und welche
        Rechte Sie haben.
      </p>
      <h2>1. Verantwortliche Stelle</h2>
      <p>
        Verantwortlich ist der Betreiber dieser Instanz, wie im <a href="/impressum">Impressum</a> angegeben.
      </p>
      <h2>2. Welche Daten wir verarbeiten</h2>
      <ul>
        <li>
          <strong>Konto:</strong> Name, dienstliche E-Mail-Adresse, Passwort (nur als nicht umkehrbarer scrypt-Hash) und Rolle.
        </li>
        <li>
          <strong>Organisation:</strong> Stammdaten Ihrer Kommune oder Ihres Vereins, darunter vertretungsberechtigte Person, Ansprechperson
          und Bankverbindung.
        </li>
        <li>
          <strong>Anträge:</strong> Ihre Angaben zum Vorhaben, zum Kosten- und Finanzierungsplan, hochgeladene Anlagen und Kommentare der
          Beratung, jeweils mit Zeitpunkt und Person der Änderung (Protokoll).
        </li>
        <li>
          <strong>Sitzungen und Sicherheit:</strong> Zeitpunkt der Anmeldung und der letzten Aktivität, Browserkennung und IP-Adresse der
          Sitzung sowie fehlgeschlagene Anmeldeversuche (zum Schutz vor dem Erraten von Passwörtern).
        </li>
      </ul>
      <h2>3. Zwecke und Rechtsgrundlagen</h2>
      <p>
        Wir verarbeiten die Daten, um die Vorbereitung von Förderanträgen nach der FRL Bürgerbeteiligung, die Beratung durch das Erfahrungs-
        und Beratungsnetzwerk Bürgerbeteiligung Sachsen (EBBS) und die fachliche Pflege der Förderregeln zu ermöglichen (Art. 6 Abs. 1
        Buchst. e DSGVO in Verbindung mit § 3 Sächsisches Datenschutzdurchführungsgesetz). Sitzungs- und Sicherheitsdaten verarbeiten wir
        zum Schutz der Konten (Art. 32 DSGVO).
      </p>
      <h2>4. Cookies</h2>
      <p>Wir setzen nur zwei technisch notwendige Cookies und keine Analyse- oder Werbe-Cookies:</p>
      <ul>
        <li>
          <code>fl_session</code> enthält eine zufällige Sitzungskennung, solange Sie angemeldet sind (höchstens 12 Stunden).
        </li>
        <li>
          <code>fl_csrf</code> schützt Ihre Formulare davor, von fremden Webseiten abgeschickt zu werden.
        </li>
      </ul>
      <h2>5. Empfänger</h2>
      <p>
        Ihre Anträge sehen die Mitglieder Ihrer Organisation und – erst wenn Sie eine Beratung anfragen – die Beraterinnen und Berater des
        EBBS. Das Ministerium sieht nur zusammengefasste Zahlen ohne Personenbezug. An die Sächsische Aufbaubank übermitteln Sie Ihren
        Antrag selbst; der Förderlotse sendet nichts automatisch.
      </p>
      <h2>6. Speicherdauer</h2>
      <p>
        Gelöschte Antragsentwürfe können 30 Tage lang wiederhergestellt werden und werden danach endgültig entfernt. Anmeldeversuche werden
        nach 30 Tagen gelöscht, beendete Sitzungen sofort. Anfragen „Passwort vergessen?“ (E-Mail-Adresse und IP-Adresse, zum Schutz vor
        massenhaften Anfragen) werden nach einem Tag gelöscht, Links zum Festlegen eines neuen Passworts 30 Tage nach ihrem Ablauf.
        Förder-Checks und QualitätsChecks, die ohne Anmeldung begonnen wurden, werden gelöscht, wenn sie 30 Tage lang nicht geändert wurden
        (außer ein QualitätsCheck ist einem Antrag beigefügt). Eingaben, die nach dem Ende einer Sitzung aufbewahrt werden, damit sie nach
        der erneuten Anmeldung gespeichert werden können, werden nach dem Speichern gelöscht, spätestens nach 30 Tagen. Konten und Anträge
        bleiben gespeichert, bis Sie die Löschung verlangen oder die Aufbewahrungsfristen des Zuwendungsrechts abgelaufen sind.
      </p>
      <p id="konto-loeschen">
        Ihr Konto können Sie selbst unter „Ihr Konto“ → „Konto löschen“ löschen. Dann löschen wir Ihren Namen, Ihre E-Mail-Adresse, Ihr
        Passwort, Ihre Sitzungen, Benachrichtigungen und Ihr Profil, Ihre Nachrichten und Blockierungen im EBBS-Netzwerk sofort. Ihre
        Beiträge im Netzwerk bleiben ohne Namen als „Ehemaliges Mitglied“ stehen; die Anträge Ihrer Organisation bleiben erhalten, weil
        andere mit ihnen arbeiten. Sind Sie die einzige Person einer Organisation mit Anträgen, laden Sie vorher eine Kollegin oder einen
        Kollegen ein. Im EBBS-Netzwerk können Sie einzelne Mitglieder blockieren: Gespeichert wird nur, wer wen seit wann blockiert hat; das
        blockierte Mitglied erfährt davon nur, dass seine Nachricht an Sie nicht zugestellt wird.
      </p>
      <h2 id="foerderverfahren">7. Datenschutz im Förderverfahren</h2>
      <p>
        Diese Hinweise bestätigen Sie im Förder-Check und in den Erklärungen des Antrags. Über Ihren Antrag entscheidet die Sächsische
        Aufbaubank – Förderbank – (SAB) als Bewilligungsbehörde; das Staatsministerium der Justiz und für Demokratie, Europa und
        Gleichstellung prüft die Förderwürdigkeit fachlich (FRL Teil 1 VII).
      </p>
      <ul>
        <li>
          Die SAB verarbeitet die Angaben Ihres Antrags, um über die Zuwendung zu entscheiden, sie auszuzahlen und ihre Verwendung zu prüfen
          (§ 44 SäHO mit den Verwaltungsvorschriften; Art. 6 Abs. 1 Buchst. e DSGVO). Sie informiert mit ihren Antragsunterlagen im
          Förderportal selbst über diese Verarbeitung.
        </li>
        <li>
          Für die fachliche Prüfung gibt die SAB den Antrag an das Staatsministerium weiter; dieses bezieht einen externen Fachbeirat,
          betroffene Ressorts und die unmittelbar betroffenen Kommunen ein (FRL Teil 1 VII Nr. 4 bis 6).
        </li>
        <li>
          Mit dem Antrag erklären Sie, im Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung Sachsen (EBBS) mitzuwirken und mit einer
          wissenschaftlichen Begleitung zusammenzuarbeiten; dafür werden Angaben zu Ihrem Vorhaben genutzt.
        </li>
      </ul>
      <p>Der Förderlotse selbst übermittelt nichts an die SAB: Den Antrag reichen Sie über das Förderportal der SAB ein.</p>
      <h2 id="veranstaltungen">8. Anmeldung zu Veranstaltungen</h2>
      <p>
        Wenn Sie sich zu einer Veranstaltung anmelden, speichern wir Ihren Namen, Ihre E-Mail-Adresse, Ihre Organisation und freiwillige
        Hinweise zur Barrierefreiheit und Verpflegung, außerdem Zeitpunkt und Stand der Anmeldung (reserviert, bestätigt, Warteliste,
        storniert). Zweck ist die Durchführung der Veranstaltung: Die Veranstalter (EBBS oder Ministerium) sehen die Liste der Teilnehmenden
        und können sie als Datei herunterladen; Sie erhalten E-Mails zur Bestätigung, zum Nachrücken von der Warteliste und bei einer
        Absage. Hinweise zur Barrierefreiheit und Verpflegung nutzen die Veranstalter nur, um die Veranstaltung für Sie vorzubereiten.
      </p>
      <p>
        Bei Veranstaltungen mit Auswahl speichern wir außerdem Ihre Begründung und die Entscheidung der Veranstalter (ausgewählt,
        Nachrückliste, Absage). Die Begründung lesen nur die Veranstalter, um unter den Bewerbungen auszuwählen; das Ergebnis erfahren Sie
        per E-Mail.
      </p>
      <p>
        Über den persönlichen Link in der E-Mail können Sie sich jederzeit abmelden oder Ihre Bewerbung zurückziehen. 90 Tage nach dem Ende
        der Veranstaltung löscht die Anwendung die Anmeldungen mit allen personenbezogenen Angaben.
      </p>
      <h2 id="newsletter">9. Newsletter</h2>
      <p>
        Wenn Sie den Newsletter bestellen, speichern wir Ihre E-Mail-Adresse, einen persönlichen Link und die Zeitpunkte von Bestellung und
        Bestätigung. Zweck ist allein der Versand des Newsletters (Einwilligung, Art. 6 Abs. 1 Buchst. a DSGVO). Sie erhalten ihn erst, wenn
        Sie die Bestellung über den Link in unserer E-Mail bestätigt haben; eine nicht bestätigte Bestellung löschen wir nach 7 Tagen. Mit
        dem Link in jeder Ausgabe können Sie den Newsletter jederzeit abbestellen; dann löschen wir Ihre Adresse sofort.
      </p>
      <h2>10. Ihre Rechte</h2>
      <p>
        Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art.
        18) und Widerspruch (Art. 21). Sie können sich außerdem bei der Sächsischen Datenschutz- und Transparenzbeauftragten beschweren.
      </p>
    </div>
  );
}
