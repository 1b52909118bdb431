import { answeringPerspectives, perspectiveMean, ratingText, scoreCell } from '../../../machines/qualitaetscheck/report';
import { perspectiveInfo, perspectives } from '../../../machines/qualitaetscheck/schema';
import { describeDivergence, type CombinedProfile } from '../../../machines/qualitaetscheck/scoring';
import { ProfileChart } from './profile-chart';
import { ScrollTable } from '../scroll-table';

type Heading = 2 | 3 | 4;

function H({ level, id, children }: { level: Heading; id?: string; children: React.ReactNode }) {
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
  return <Tag id={id}>{children}</Tag>;
}

/**
 * The round's combined profile: per criterion the mean of each perspective that answered, as a
 * chart and a table, and – the point of the exercise – where the perspectives differ.
 */
export function CombinedProfileView({ combined, id, headingLevel = 2 }: { combined: CombinedProfile; id: string; headingLevel?: Heading }) {
  const columns = answeringPerspectives(combined);
  // Criteria nobody could score yet stand in the table only; the chart shows what has numbers.
  const groups = combined.criteria
    .filter((c) => c.mean !== null)
    .map((c) => ({
      title: c.title,
      bars: columns.map((p) => ({
        series: perspectiveInfo[p].label,
        value: perspectiveMean(c, p),
        seriesIndex: perspectives.indexOf(p),
        ...(c.divergent && (c.sharedGaps[0]!.highest.perspective === p || c.sharedGaps[0]!.lowest.perspective === p)
          ? { marker: 'Sichtweisen gehen auseinander' }
          : {}),
      })),
    }));
  return (
    <>
      {groups.length ? <ProfileChart id={`${id}-diagramm`} title="Profil nach Sichtweise" groups={groups} /> : null}
      {groups.length && groups.length < combined.criteria.length ? (
        <p className="hint">Kriterien ohne Wertung stehen nur in der Tabelle.</p>
      ) : null}
      <ScrollTable caption="Profil nach Sichtweise (Punkte von 0 bis 100)" captionId={`${id}-tabelle`} className="qc-table">
        <thead>
          <tr>
            <th scope="col">Kriterium</th>
            {columns.map((p) => (
              <th scope="col" className="num" key={p}>
                {perspectiveInfo[p].label}
              </th>
            ))}
            <th scope="col" className="num">
              Alle
            </th>
            <th scope="col">Einschätzung</th>
            <th scope="col">Sichtweisen</th>
          </tr>
        </thead>
        <tbody>
          {combined.criteria.map((c) => (
            <tr key={c.criterionId} className={c.divergent ? 'qc-table__divergent' : undefined}>
              <th scope="row">{c.title}</th>
              {columns.map((p) => (
                <td className="num" key={p}>
                  {scoreCell(perspectiveMean(c, p))}
                </td>
              ))}
              <td className="num">{scoreCell(c.mean)}</td>
              <td>{ratingText(c.rating)}</td>
              <td>
                {c.divergent ? (
                  <strong>gehen auseinander (bis {c.sharedGaps[0]!.gap} Punkte bei einer gemeinsamen Aussage)</strong>
                ) : c.perspectiveSpread === null ? (
                  '–'
                ) : c.sharedGaps.length ? (
                  'ähnlich'
                ) : (
                  'nicht vergleichbar (keine gemeinsamen Aussagen)'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <H level={headingLevel} id={`${id}-unterschiede`}>
        Wo die Sichtweisen auseinandergehen
      </H>
      {combined.disagreements.length ? (
        <ul className="qc-divergences">
          {combined.disagreements.map((c) => (
            <li key={c.criterionId}>
              <strong>{c.title}:</strong> {describeDivergence(c)}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {columns.length >= 2
            ? 'Bei keinem Kriterium liegen die Sichtweisen deutlich auseinander.'
            : 'Ein Vergleich ist möglich, sobald Personen aus mindestens zwei Sichtweisen geantwortet haben.'}
        </p>
      )}
    </>
  );
}
