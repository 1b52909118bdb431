import type { StorageUnavailable } from '../utils/storage-unavailable';

const technical = new Set(['csrf', 'version', 'intent', 'formKey', 'reviewVersion']);
const isTechnical = (name: string) => technical.has(name) || name === 'id' || name.endsWith('.id');

/**
 * The 503 page when the storage cannot take a write: what happened, that nothing was saved, and
 * everything the user sent, in a form that sends it again unchanged (it works without JavaScript).
 */
export function StorageUnavailablePage({ kept }: { kept: StorageUnavailable }) {
  const typed = kept.entries.filter(([name, value]) => !isTechnical(name) && value.trim() !== '');
  if (!kept.action) {
    // A page that records something when it is opened (a download in the protocol, for example).
    return (
      <>
        <h1>Die Seite kann gerade nicht geöffnet werden</h1>
        <div className="notice notice--error" role="alert">
          {kept.unreachable ? (
            <p>
              Die Datenbank des Förderlotsen ist im Moment nicht erreichbar (zum Beispiel während einer Wartung). Ihre gespeicherten Angaben
              sind nicht betroffen. Bitte laden Sie die Seite in einigen Minuten neu.
            </p>
          ) : (
            <p>
              Der Server kann im Moment nichts speichern (zum Beispiel, weil sein Speicherplatz voll ist), und diese Seite muss beim Öffnen
              etwas festhalten. Ihre gespeicherten Angaben sind nicht betroffen. Bitte laden Sie die Seite in einigen Minuten neu.
            </p>
          )}
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Speichern ist gerade nicht möglich</h1>
      <div className="notice notice--error" role="alert">
        <p>
          {kept.unreachable
            ? 'Die Datenbank des Förderlotsen ist im Moment nicht erreichbar (zum Beispiel während einer Wartung).'
            : 'Der Server kann im Moment nichts speichern (zum Beispiel, weil sein Speicherplatz voll ist).'}{' '}
          Ihre Angaben wurden <strong>nicht gespeichert</strong>; auch nichts davon teilweise. Bitte versuchen Sie es in einigen Minuten
          erneut. Hält die Störung an, wenden Sie sich an die Betreuung des Förderlotsen.
        </p>
      </div>
      <form method="post" action={kept.action}>
        {kept.entries.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        {typed.length ? (
          <>
            <h2 className="heading-medium">Ihre Eingaben</h2>
            <p>Sie bleiben auf dieser Seite erhalten. Mit „Erneut senden“ schicken Sie sie unverändert noch einmal ab.</p>
            <dl className="summary-list">
              {typed.map(([name, value], index) => (
                <div key={`${name}-${index}`}>
                  <dt>{name}</dt>
                  <dd className="preserve-lines">{value}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {kept.hadFiles ? (
          <p>Dateien können nicht aufbewahrt werden: Bitte wählen Sie Ihre Datei beim nächsten Versuch erneut aus.</p>
        ) : null}
        <button type="submit" className="button">
          Erneut senden
        </button>
      </form>
    </>
  );
}
