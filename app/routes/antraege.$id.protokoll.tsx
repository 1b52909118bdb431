import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { describePath, describeValue } from '../../machines/frl/application/anchors';
import { stepInfo, type StepId } from '../../machines/frl/application/steps';
import { attachmentTypes } from '../../machines/frl/catalogues';
import { adviceStatusLabel, type AdviceStatus } from '../../machines/frl/advice/machine';
import { formatDateTime } from '../../machines/shared/format';
import { requireReadableApplication } from '../access.server';
import { historyPage } from '../antrag/history.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Protokoll – ${data?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

const PAGE = 100;

const labels: Record<string, string> = {
  created: 'Antrag angelegt',
  'step.save': 'Abschnitt gespeichert',
  'step.autosave': 'Automatisch gespeichert',
  'method.adopted': 'Methode aus dem Katalog übernommen',
  imported: 'Aus Datei importiert',
  'attachment.uploaded': 'Anlage hochgeladen',
  'attachment.removed': 'Anlage entfernt',
  'attachment.downloaded': 'Anlage heruntergeladen',
  'pdf.downloaded': 'PDF heruntergeladen',
  'json.exported': 'Als JSON-Datei exportiert',
  'answers.checked': 'Angaben geprüft',
  'comment.added': 'Kommentar geschrieben',
  'comment.replied': 'Auf Kommentar geantwortet',
  'comment.resolved': 'Kommentar erledigt',
  'comment.reopened': 'Kommentar wieder geöffnet',
  deleted: 'In den Papierkorb gelegt',
  restored: 'Aus dem Papierkorb geholt',
};

function isStatus(value: unknown): value is AdviceStatus {
  return typeof value === 'string' && value in adviceStatusLabel;
}

/**
 * Who did what, when: saves (field by field), uploads, downloads, comments and status changes,
 * for the organisation and its advisors. Internal notes of the advice stay out of the
 * organisation's view, as the notes themselves do.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id);
  const { row, data } = access.loaded;
  const url = new URL(request.url);
  const before = Number(url.searchParams.get('vor'));
  const { events, olderFrom } = await historyPage(access, {
    beforeId: Number.isInteger(before) && before > 0 ? before : undefined,
    pageSize: PAGE,
  });
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    as: access.as,
    older: olderFrom,
    newest: !before,
    events: events.map((e) => {
      const { details, changes } = e;
      let what = labels[e.type] ?? e.type;
      if (e.type.startsWith('status.')) {
        what = isStatus(details.to) ? `Stand: ${adviceStatusLabel[details.to]}` : 'Stand geändert';
        if (e.type === 'status.beratung.uebernehmen') what = 'Beratung übernommen';
        if (e.type === 'status.beratung.hinzuziehen') what = 'Weitere Beratung hinzugezogen';
      }
      const extra: string[] = [];
      if (typeof details.docType === 'string') extra.push(attachmentTypes.find((t) => t.id === details.docType)?.label ?? 'Anlage');
      if (typeof details.fileName === 'string') extra.push(details.fileName);
      if (e.type === 'pdf.downloaded') extra.push(details.variant === 'bearbeitbar' ? 'bearbeitbare Fassung' : 'Fassung zur Einreichung');
      if (typeof details.reason === 'string' && details.reason) extra.push(`Begründung: ${details.reason}`);
      if (details.internal === true) extra.push('interne Notiz der Beratung');
      return {
        id: e.id,
        at: formatDateTime(e.at),
        who: e.user_name ?? 'Gelöschtes Konto',
        byAdvice: e.user_role === 'advisor',
        what,
        step: e.step && e.step in stepInfo ? stepInfo[e.step as StepId].title : null,
        extra: extra.join(' · '),
        version: e.version,
        changes: changes.slice(0, 30).map((c) => ({
          label: describePath(c.path, data),
          before: describeValue(c.path, c.before),
          after: describeValue(c.path, c.after),
        })),
        moreChanges: Math.max(0, changes.length - 30),
      };
    }),
  };
}

export default function Protocol() {
  const d = useLoaderData<typeof loader>();
  const back = d.as === 'advisor' ? `/beratung/${d.id}` : `/antraege/${d.id}`;
  return (
    <>
      <p className="caption">
        <Link to={back}>{d.title}</Link>
      </p>
      <h1>Protokoll</h1>
      <p>
        Jede Änderung, jedes Hoch- und Herunterladen, jeder Kommentar und jede Änderung des Stands – mit Person und Zeitpunkt, die neuesten
        zuerst.
      </p>
      {d.events.length === 0 ? (
        <p>Keine Einträge.</p>
      ) : (
        <ScrollTable caption="Protokoll des Antrags, neueste Einträge zuerst" captionHidden label="Protokoll">
          <thead>
            <tr>
              <th scope="col">Zeitpunkt</th>
              <th scope="col">Person</th>
              <th scope="col">Vorgang</th>
              <th scope="col">Einzelheiten</th>
            </tr>
          </thead>
          <tbody>
            {d.events.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>
                  {e.who}
                  {e.byAdvice ? ' (Beratung)' : ''}
                </td>
                <td>
                  {e.what}
                  {e.step ? <span className="hint"> – {e.step}</span> : null}
                </td>
                <td>
                  {e.extra ? <p className="preserve-lines">{e.extra}</p> : null}
                  {e.changes.length ? (
                    <details className="details">
                      <summary>
                        {e.changes.length + e.moreChanges === 1 ? '1 Angabe' : `${e.changes.length + e.moreChanges} Angaben`}
                        <span className="visually-hidden"> geändert am {e.at}</span>
                      </summary>
                      <ul>
                        {e.changes.map((c, index) => (
                          <li key={index}>
                            {c.label}: <span className="visually-hidden">vorher </span>
                            <span className="change-before">{c.before}</span> <span aria-hidden="true">→</span>
                            <span className="visually-hidden">, jetzt</span> {c.after}
                          </li>
                        ))}
                        {e.moreChanges ? <li>… und {e.moreChanges} weitere</li> : null}
                      </ul>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <p className="button-row">
        {!d.newest ? <Link to="?">Neueste Einträge</Link> : null}
        {d.older ? <Link to={`?vor=${d.older}`}>Ältere Einträge</Link> : null}
      </p>
    </>
  );
}
