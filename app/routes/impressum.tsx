import type { MetaFunction } from '@remix-run/node';
import { documentPage } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056); no loader, so no clientLoader (it would replace the page by a fallback). */
export const handle = documentPage;

export const meta: MetaFunction = () => [{ title: 'Impressum – Förderlotse Bürgerbeteiligung' }];

export default function Imprint() {
  return (
    <div className="prose">
      <h1>Impressum</h1>
      <p className="notice">
        Dies ist eine Demonstrationsinstanz. Der Betreiber einer produktiven Instanz ersetzt die folgenden Angaben durch seine eigenen.
      </p>
      <h2>Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)</h2>
      <address>
        Förderlotse Bürgerbeteiligung (Demonstrationsinstanz)
        <br />
        Musterstraße 1
        <br />
        01067 Dresden
      </address>
      <h2>Vertreten durch</h2>
      <p>Die Leitung des Betreibers der Instanz.</p>
      <h2>Kontakt</h2>
      <p>
        E-Mail: <a href="mailto:kontakt@foerderlotse.example">kontakt@foerderlotse.example</a>
      </p>
      <h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag</h2>
      <p>Die Redaktion des Betreibers, Anschrift wie oben.</p>
      <h2>Rechtliche Hinweise</h2>
      <p>
        Der Förderlotse ist ein Hilfsmittel zur Vorbereitung von Anträgen. Die Förder-Check-Ergebnisse sind keine Zusage. Über Anträge
        entscheidet die Sächsische Aufbaubank – Förderbank – (SAB) als Bewilligungsbehörde nach pflichtgemäßem Ermessen, nachdem das
        Staatsministerium der Justiz und für Demokratie, Europa und Gleichstellung die Förderwürdigkeit fachlich geprüft hat; ein
        Rechtsanspruch auf Förderung besteht nicht (FRL Teil 1 I Nr. 2, VII Nr. 1, 6 und 8). Die Texte der Förderrichtlinie und der
        Verwaltungsvorschriften sind amtliche Werke (§ 5 UrhG).
      </p>
    </div>
  );
}
