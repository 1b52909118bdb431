import { Link } from '@remix-run/react';
import { PostForm } from '../forms';
import { AttachedQualityCheckSummary, type AttachedQualityCheck } from './attached-summary';

/**
 * The QualitätsCheck on a draft's task list: attached checks with their combined profile, and ways
 * to attach one of the organisation's checks or to start a new one for this draft.
 */
export function QualityCheckPanel({
  applicationId,
  attached,
  attachable,
}: {
  applicationId: number;
  attached: AttachedQualityCheck[];
  attachable: Array<{ id: string; title: string }>;
}) {
  const back = `/antraege/${applicationId}`;
  return (
    <section id="qualitaetscheck" aria-labelledby="qualitaetscheck-titel" className="form-section">
      <h2 id="qualitaetscheck-titel">QualitätsCheck Beteiligung</h2>
      <p className="form-section__hint">
        Ein guter Antrag beschreibt ein gutes Beteiligungsverfahren. Der freiwillige QualitätsCheck zeigt anhand von zehn Kriterien Stärken
        und Lücken Ihrer Planung; beigefügt sieht ihn auch die EBBS-Beratung. Er hat keinen Einfluss auf die Förderentscheidung.
      </p>
      {attached.map((check) => (
        <div key={check.id} className="qc-attached-wrap">
          <AttachedQualityCheckSummary check={check} />
          <PostForm action={`/qualitaetscheck/${check.id}`} className="inline-form">
            <input type="hidden" name="application" value={applicationId} />
            <input type="hidden" name="zurueck" value={back} />
            <button type="submit" name="intent" value="loesen" className="button button--link">
              Nicht mehr beifügen<span className="visually-hidden"> – QualitätsCheck {check.title}</span>
            </button>
          </PostForm>
        </div>
      ))}
      {attachable.length ? (
        <PostForm action="/qualitaetscheck" className="qc-attach">
          <input type="hidden" name="antrag" value={applicationId} />
          <div className="field">
            <label htmlFor="qualitaetscheck-auswahl" className="field__label">
              Vorhandenen QualitätsCheck Ihrer Organisation beifügen
            </label>
            <select id="qualitaetscheck-auswahl" name="check" className="select" required>
              {attachable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="intent" value="beifuegen" className="button button--secondary">
            Beifügen
          </button>
        </PostForm>
      ) : null}
      <p>
        <Link to={`/qualitaetscheck?antrag=${applicationId}`}>Neuen QualitätsCheck für diesen Antrag beginnen</Link>
      </p>
    </section>
  );
}
