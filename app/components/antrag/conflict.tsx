import { Link } from '@remix-run/react';
import type { Conflict } from '../../antrag/step.server';
import { formatDateTime } from '../../../machines/shared/format';
import { PostForm } from '../forms';
import { ScrollTable } from '../scroll-table';

/**
 * Shown when someone else saved this step after the user loaded it: both versions side by side;
 * the user decides. Their input stays on the page (and in hidden fields) until they choose.
 */
export function ConflictView({ conflict, id, step }: { conflict: Conflict; id: number; step: string }) {
  return (
    <>
      <h1>Jemand anderes hat diesen Abschnitt inzwischen geändert</h1>
      <div className="notice notice--warning">
        <p>
          Seit Sie die Seite geöffnet haben, wurde der Antrag am {formatDateTime(conflict.updatedAt)} gespeichert
          {conflict.updatedBy ? ` von ${conflict.updatedBy}` : ''}. Ihre Eingaben sind nicht verloren: Sie sehen sie hier neben dem
          gespeicherten Stand. Entscheiden Sie, welche Fassung gelten soll.
        </p>
      </div>
      {conflict.fields.length ? (
        <ScrollTable caption="Unterschiede zwischen Ihrer Eingabe und dem gespeicherten Stand" label="Unterschiede">
          <thead>
            <tr>
              <th scope="col">Feld</th>
              <th scope="col">Ihre Eingabe</th>
              <th scope="col">Gespeicherter Stand</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((f, index) => (
              <tr key={`${f.name}-${index}`}>
                <th scope="row">{f.name}</th>
                <td className="preserve-lines">{f.mine || '–'}</td>
                <td className="preserve-lines">{f.theirs || '–'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : (
        <p>Ihre Eingaben stimmen mit dem gespeicherten Stand überein.</p>
      )}
      <div className="button-row">
        <PostForm action={`/antraege/${id}/${step}`}>
          <input type="hidden" name="version" value={conflict.currentVersion} />
          {conflict.mine.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="intent" value="speichern" className="button">
            Meine Eingaben speichern
          </button>
        </PostForm>
        <Link to={`/antraege/${id}/${step}`} reloadDocument className="button button--secondary">
          Gespeicherten Stand übernehmen
        </Link>
      </div>
    </>
  );
}
