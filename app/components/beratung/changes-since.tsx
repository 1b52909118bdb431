import { stepInfo, type EditableStep } from '../../../machines/frl/application/steps';
import { PostForm } from '../forms';
import { ScrollTable } from '../scroll-table';

/** What changed in a draft since the advisor's last look, with the button that marks it as reviewed. */

export interface AdvisorChanges {
  since: string | null;
  fields: Array<{ path: string; step: EditableStep | null; label: string; before: string; after: string; at: string; by: string }>;
  attachments: Array<{ at: string; by: string; what: string }>;
}

export function ChangesSinceSection({
  changes,
  version,
  markError,
}: {
  changes: AdvisorChanges;
  version: number;
  markError: string | null;
}) {
  const changeCount = changes.fields.length + changes.attachments.length;
  return (
    <section aria-labelledby="aenderungen">
      <h2 id="aenderungen">
        Änderungen seit {changes.since ? `Ihrer Durchsicht am ${changes.since}` : 'der ersten Anfrage'}
        {changeCount ? ` (${changeCount})` : ''}
      </h2>
      {changeCount === 0 ? (
        <p>Keine Änderungen.</p>
      ) : (
        <>
          {changes.fields.length ? (
            <ScrollTable
              caption="Geänderte Angaben, Stand vorher und jetzt"
              captionHidden
              label="Geänderte Angaben"
              className="change-list"
            >
              <thead>
                <tr>
                  <th scope="col">Angabe</th>
                  <th scope="col">Vorher</th>
                  <th scope="col">Jetzt</th>
                  <th scope="col">Geändert</th>
                </tr>
              </thead>
              <tbody>
                {changes.fields.map((c) => (
                  <tr key={c.path}>
                    <th scope="row">
                      {c.step ? <span className="hint">{stepInfo[c.step].title}: </span> : null}
                      {c.label}
                    </th>
                    <td className="preserve-lines">
                      <span className="visually-hidden">vorher: </span>
                      <span className="change-before">{c.before}</span>
                    </td>
                    <td className="preserve-lines">{c.after}</td>
                    <td>
                      {c.at}, {c.by}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : null}
          {changes.attachments.length ? (
            <ul>
              {changes.attachments.map((a, index) => (
                <li key={index}>
                  {a.what} – {a.at}, {a.by}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {markError ? (
        <p className="notice notice--error" role="alert">
          {markError}
        </p>
      ) : null}
      <PostForm>
        <input type="hidden" name="intent" value="durchgesehen" />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button button--secondary">
          Als durchgesehen markieren
        </button>
      </PostForm>
    </section>
  );
}
