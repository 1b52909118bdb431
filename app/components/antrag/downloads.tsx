/**
 * Downloads of an application: the filled PDF form (a GET form, so it works without JavaScript)
 * and the machine-readable JSON export.
 */
export function ApplicationDownloads({
  id,
  complete,
  qualityChecks = 0,
  headingLevel = 2,
}: {
  id: number;
  complete: boolean;
  /** How many QualitätsChecks are attached to the draft; with any, the PDF can include them as an annex. */
  qualityChecks?: number;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section aria-labelledby={`downloads-${id}`} className="downloads">
      <Heading id={`downloads-${id}`}>Antrag herunterladen</Heading>
      {complete ? null : (
        <p className="notice notice--warning">
          Einige Abschnitte sind noch nicht vollständig. Das PDF ist dann auf jeder Seite als „Entwurf“ gekennzeichnet.
        </p>
      )}
      <form method="get" action={`/antraege/${id}/pdf`} className="pdf-form">
        <fieldset className="field fieldset">
          <legend className="field__label">Fassung des PDF</legend>
          <div className="choices">
            <div className="choice">
              <input
                type="radio"
                className="choice__input"
                id={`fassung-einreichung-${id}`}
                name="fassung"
                value="einreichung"
                defaultChecked
                aria-describedby={`fassung-einreichung-${id}-hint`}
              />
              <label htmlFor={`fassung-einreichung-${id}`} className="choice__label">
                Zur Einreichung
              </label>
              <div id={`fassung-einreichung-${id}-hint`} className="choice__hint">
                Die Angaben sind fest in das Formular eingefügt.
              </div>
            </div>
            <div className="choice">
              <input
                type="radio"
                className="choice__input"
                id={`fassung-bearbeitbar-${id}`}
                name="fassung"
                value="bearbeitbar"
                aria-describedby={`fassung-bearbeitbar-${id}-hint`}
              />
              <label htmlFor={`fassung-bearbeitbar-${id}`} className="choice__label">
                Bearbeitbar
              </label>
              <div id={`fassung-bearbeitbar-${id}-hint`} className="choice__hint">
                Die Formularfelder bleiben ausfüllbar, etwa für Ergänzungen in einem PDF-Programm.
              </div>
            </div>
          </div>
        </fieldset>
        <p className="field__hint">
          Das PDF enthält die Vorhabenbeschreibung (Anlage 1), den Ausgaben- und Finanzierungsplan (Anlage 2), das Ergebnis der
          Förderprüfung (Anlage 3) und ein Verzeichnis der hochgeladenen Unterlagen.
        </p>
        {qualityChecks > 0 ? (
          <div className="field">
            <div className="choice">
              <input
                type="checkbox"
                className="choice__input"
                id={`qualitaetscheck-${id}`}
                name="qualitaetscheck"
                value="1"
                aria-describedby={`qualitaetscheck-${id}-hint`}
              />
              <label htmlFor={`qualitaetscheck-${id}`} className="choice__label">
                {qualityChecks === 1 ? 'Den beigefügten QualitätsCheck' : `Die ${qualityChecks} beigefügten QualitätsChecks`} als Anlage
                beifügen
              </label>
              <div id={`qualitaetscheck-${id}-hint`} className="choice__hint">
                Mit dem gemeinsamen Profil aller Perspektiven; ein Check ohne Antworten wird nicht beigefügt.
              </div>
            </div>
          </div>
        ) : null}
        <button type="submit" className="button">
          PDF herunterladen
        </button>
      </form>
      <Sub>Für andere Programme</Sub>
      <p>
        <a href={`/antraege/${id}/export.json`} download>
          Antrag als JSON-Datei exportieren
        </a>{' '}
        – maschinenlesbar nach dem veröffentlichten <a href="/schema/antrag-v1.json">JSON Schema</a>; mit „Aus Datei importieren“ legen Sie
        daraus einen neuen Entwurf an.
      </p>
    </section>
  );
}
