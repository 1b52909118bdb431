import type { ReactNode } from 'react';
import type { ChangePreviewView } from '../../regelwerk/change-preview.server';
import { formatDate } from '../../../machines/shared/format';
import { ScrollTable } from '../scroll-table';

const draftsText = (n: number) => (n === 1 ? '1 Entwurf' : `${n} Entwürfe`);

/**
 * The effects of a proposed change on the test suite and the saved drafts, shown on the change's
 * page and again on the confirmation page before it is published. `change` names what is new in
 * the dative ("dem neuen Wert", "dem geänderten Aufruf"); `onDate` is the day the preview compares on.
 */
export function ChangePreviewSections({
  preview,
  onDate,
  change,
  headingLevel = 3,
}: {
  preview: ChangePreviewView;
  /** The effective date of a new parameter value: the suite's cases are checked again on it. */
  onDate: string | null;
  change: string;
  headingLevel?: 3 | 4;
}) {
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h4' | 'h5';
  const changedDrafts = preview.drafts.filter((x) => x.changed).length;
  return (
    <>
      <H>Testsuite</H>
      <p>
        {preview.suiteCases} Fälle: bisher {preview.suiteCases - preview.suiteFailedBefore} bestanden, mit {change}{' '}
        {preview.suiteCases - preview.suiteFailedAfter} bestanden.{' '}
        {preview.suiteChanged.length === 0 ? 'Kein Fall ändert sein Ergebnis.' : `${preview.suiteChanged.length} Fälle ändern sich:`}
      </p>
      {preview.suiteChanged.length ? (
        <CaseTable
          caption="Testfälle, die sich ändern"
          label="Geänderte Testfälle"
          headings={['Ergebnis bisher', 'Ergebnis neu']}
          cases={preview.suiteChanged.map((x) => ({
            key: x.source + x.name,
            name: x.name,
            source: x.source,
            before: x.verdictBefore ?? '–',
            after: x.verdictAfter ?? '–',
            expectationMissed: !x.passedAfter,
            reasons: [...x.reasons, ...x.failures],
          }))}
        />
      ) : null}
      {onDate ? (
        <>
          <Sub>Dieselben Fälle am {formatDate(onDate)}</Sub>
          <p>
            Die meisten Fälle tragen ein früheres Prüfdatum, an dem der neue Wert noch nicht gilt. Mit ihren Angaben am {formatDate(onDate)}{' '}
            geprüft,{' '}
            {preview.suiteOnDate.length === 0
              ? 'ginge kein Fall anders aus.'
              : `gingen ${preview.suiteOnDate.length === 1 ? 'ein Fall' : `${preview.suiteOnDate.length} Fälle`} mit ${change} anders aus:`}
          </p>
        </>
      ) : null}
      {onDate && preview.suiteOnDate.length ? (
        <CaseTable
          caption={
            <>
              Testfälle, geprüft am {formatDate(onDate)}, die mit {change} anders ausgehen
            </>
          }
          label={`Testfälle am ${formatDate(onDate)}`}
          headings={['Ergebnis mit geltenden Werten', 'Ergebnis mit neuem Wert']}
          cases={preview.suiteOnDate.map((x) => ({
            key: x.source + x.name,
            name: x.name,
            source: x.source,
            before: x.verdictBefore,
            after: x.verdictAfter,
            expectationMissed: false,
            reasons: x.reasons,
          }))}
        />
      ) : null}
      <H>Gespeicherte Entwürfe</H>
      <p>
        {draftsText(preview.checkedDrafts)} geprüft. {preview.unreadableNote ? <>{preview.unreadableNote} </> : null}
        {changedDrafts === 0
          ? 'Bei keinem ändert sich das Ergebnis.'
          : `Bei ${changedDrafts} ändert sich das Ergebnis; ihre Organisationen und Beratungen werden nach der Veröffentlichung benachrichtigt.`}{' '}
        Entwürfe erscheinen hier nur mit Nummer und Förderweg, ohne Namen.
      </p>
      <DraftTable drafts={preview.drafts} caption="Entwürfe, bei denen sich etwas ändert" />
    </>
  );
}

/** Test cases of the suite whose result a change moves, with the reasons. */
function CaseTable({
  caption,
  label,
  headings,
  cases,
}: {
  caption: ReactNode;
  label: string;
  headings: [string, string];
  cases: Array<{ key: string; name: string; source: string; before: string; after: string; expectationMissed: boolean; reasons: string[] }>;
}) {
  return (
    <ScrollTable caption={caption} label={label}>
      <thead>
        <tr>
          <th scope="col">Fall</th>
          <th scope="col">{headings[0]}</th>
          <th scope="col">{headings[1]}</th>
          <th scope="col">Warum</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((x) => (
          <tr key={x.key}>
            <th scope="row">
              {x.name} <span className="hint">({x.source})</span>
            </th>
            <td>{x.before}</td>
            <td>
              {x.after}
              {x.expectationMissed ? <span className="result-fail"> (Erwartung nicht erfüllt)</span> : null}
            </td>
            <td>
              <Reasons reasons={x.reasons} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Reasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <ul className="plain-list">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** Drafts whose result a change moves (by number and route only). */
export function DraftTable({
  drafts,
  caption,
}: {
  caption: string;
  drafts: ReadonlyArray<{ id: number; route: string; verdictBefore: string; verdictAfter: string; changed: boolean; reasons: string[] }>;
}) {
  if (!drafts.length) return null;
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Entwurf</th>
          <th scope="col">Förderweg</th>
          <th scope="col">Ergebnis bisher</th>
          <th scope="col">Ergebnis neu</th>
          <th scope="col">Warum</th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((x) => (
          <tr key={x.id}>
            <th scope="row">Nr. {x.id}</th>
            <td>{x.route}</td>
            <td>{x.verdictBefore}</td>
            <td>
              {x.verdictAfter}
              {x.changed ? null : ' (unverändert)'}
            </td>
            <td>
              <Reasons reasons={x.reasons} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
