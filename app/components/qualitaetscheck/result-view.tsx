import { Link } from '@remix-run/react';
import { ratingText, scoreCell, scoreText } from '../../../machines/qualitaetscheck/report';
import { perspectiveInfo } from '../../../machines/qualitaetscheck/schema';
import { answerLabel, type PlacedQuestion, type QualityCheckResult, type QuestionAnswer } from '../../../machines/qualitaetscheck/scoring';
import { ProfileChart } from './profile-chart';
import { ScrollTable } from '../scroll-table';

const answerText = (answer: QuestionAnswer) =>
  [answer.value ? answerLabel[answer.value] : 'ohne Antwort', answer.note ? `Notiz: ${answer.note}` : null].filter(Boolean).join(' – ');

/** Open questions grouped by criterion, with a link to the page where the page can be reached. */
function MissingList({ missing, linkOf }: { missing: PlacedQuestion[]; linkOf: (criterionId: string) => string | null }) {
  const byCriterion = new Map<string, { title: string; questions: PlacedQuestion[] }>();
  for (const q of missing) {
    const entry = byCriterion.get(q.criterionId) ?? { title: q.criterionTitle, questions: [] };
    entry.questions.push(q);
    byCriterion.set(q.criterionId, entry);
  }
  return (
    <ul className="qc-missing">
      {[...byCriterion].map(([criterionId, { title, questions }]) => {
        const link = linkOf(criterionId);
        return (
          <li key={criterionId}>
            {link ? <Link to={link}>{title}</Link> : <strong>{title}</strong>}:{' '}
            {questions.length === 1 ? '1 Aussage' : `${questions.length} Aussagen`}
            <ul>
              {questions.map((q) => (
                <li key={q.questionId}>{q.text}</li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** One respondent's result: profile as chart and table, strengths, suggestions, open and kept answers. */
export function ResultView({ result, linkOf }: { result: QualityCheckResult; linkOf: (criterionId: string) => string | null }) {
  const { progress } = result;
  return (
    <>
      <p>
        Sie haben aus Sicht <strong>{perspectiveInfo[result.perspective].label}</strong> geantwortet: {progress.answered} von{' '}
        {progress.total} Aussagen beantwortet (Fassung {result.contentVersion}).
      </p>
      {result.missing.length ? (
        <section className="notice notice--warning" aria-labelledby="offen-titel">
          <h2 id="offen-titel">Noch offen: {result.missing.length === 1 ? '1 Aussage' : `${result.missing.length} Aussagen`}</h2>
          <p>Das Ergebnis berücksichtigt nur beantwortete Aussagen. Kriterien ohne Antwort haben noch keine Wertung.</p>
          <MissingList missing={result.missing} linkOf={linkOf} />
        </section>
      ) : null}

      <h2 id="profil-titel">Ihr Profil</h2>
      {result.profile.some((p) => p.score !== null) ? (
        <ProfileChart
          id="profil-diagramm"
          title={`Profil aus Sicht ${perspectiveInfo[result.perspective].label}`}
          groups={result.profile
            .filter((p) => p.score !== null)
            .map((p) => ({ title: p.title, bars: [{ series: ratingText(p.rating), value: p.score, seriesIndex: 1 }] }))}
        />
      ) : null}
      {result.profile.some((p) => p.score === null) ? <p className="hint">Kriterien ohne Wertung stehen nur in der Tabelle.</p> : null}
      <ScrollTable caption="Ihr Profil je Kriterium (Punkte von 0 bis 100)" captionId="profil-tabelle" className="qc-table">
        <thead>
          <tr>
            <th scope="col">Kriterium</th>
            <th scope="col" className="num">
              Punkte
            </th>
            <th scope="col">Einschätzung</th>
            <th scope="col">Beantwortet</th>
          </tr>
        </thead>
        <tbody>
          {result.profile.map((p) => (
            <tr key={p.criterionId}>
              <th scope="row">{p.title}</th>
              <td className="num">{scoreCell(p.score)}</td>
              <td>{ratingText(p.rating)}</td>
              <td>
                {p.answered} von {p.total}
                {p.notApplicable ? ` (${p.notApplicable} nicht anwendbar)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>Stärken</h2>
      {result.strengths.length ? (
        <ul>
          {result.strengths.map((p) => (
            <li key={p.criterionId}>
              <strong>{p.title}</strong> ({scoreText(p.score)})
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch kein Kriterium erreicht die Schwelle für eine Stärke.</p>
      )}

      <h2>Entwicklungsfelder und Anregungen</h2>
      {result.weaknesses.length ? (
        result.weaknesses.map((weak) => (
          <section key={weak.criterionId} className="qc-weakness" aria-labelledby={`schwach-${weak.criterionId}`}>
            <h3 id={`schwach-${weak.criterionId}`}>
              {weak.title} <span className="qc-weakness__score">({scoreText(weak.score)})</span>
            </h3>
            <p>{weak.explanation}</p>
            <ul>
              {weak.suggestions.map((s) => (
                <li key={s.id}>
                  <span className="tag tag--blue">{s.kindLabel}</span> {s.format ? <strong>{s.format.label}: </strong> : null}
                  {s.text}
                  {s.format ? (
                    <span className="hint">
                      {' '}
                      {s.format.guidance}
                      {s.format.note ? ` ${s.format.note}` : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p>Kein Kriterium liegt unter der Schwelle für ein Entwicklungsfeld.</p>
      )}

      {result.notes.length ? (
        <section aria-labelledby="notizen-titel">
          <h2 id="notizen-titel">Ihre Notizen</h2>
          <p className="hint">
            Nur Sie sehen Ihre Notizen – hier und in Ihrem PDF. Im gemeinsamen Profil und in der Anlage zum Antrag stehen sie nicht.
          </p>
          <ul className="qc-notes">
            {result.notes.map((n) => (
              <li key={n.questionId}>
                <strong>{n.criterionTitle}:</strong> {n.text} – {n.value ? answerLabel[n.value] : 'ohne Antwort'}
                <p className="preserve-lines">Notiz: {n.note}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {result.notRateable.length ? (
        <>
          <h2>Nicht bewertbar</h2>
          <p>
            Diese Kriterien haben Sie durchgehend mit „nicht anwendbar“ beantwortet: {result.notRateable.map((p) => p.title).join(', ')}.
          </p>
        </>
      ) : null}

      {result.otherPerspective.length || result.formerVersion.length ? (
        <section aria-labelledby="aufbewahrt-titel">
          <h2 id="aufbewahrt-titel">Aufbewahrte Antworten</h2>
          <p>Diese Antworten bleiben gespeichert, zählen aber nicht in diesem Ergebnis.</p>
          <ul>
            {result.otherPerspective.map((o) => (
              <li key={o.questionId}>
                <strong>{o.criterionTitle}:</strong> {o.text} – {answerText(o.answer)} <span className="tag tag--grey">{o.label}</span>
              </li>
            ))}
            {result.formerVersion.map((f) => (
              <li key={f.questionId}>
                {f.criterionTitle ? <strong>{f.criterionTitle}: </strong> : null}
                {f.text ?? `Aussage „${f.questionId}“`} – {answerText(f.answer)}{' '}
                <span className="tag tag--grey">
                  {f.label}
                  {f.version ? ` (${f.version})` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
