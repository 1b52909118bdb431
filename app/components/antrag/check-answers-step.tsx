import { ApplicationDownloads } from './downloads';
import { Link } from '@remix-run/react';
import type { checkAnswersView } from '../../antrag/check-answers.server';
import { returnQuery } from '../../utils/return-to';
import { EligibilityResultView } from '../eligibility/result';
import { BudgetLinesTable } from './budget-lines';

type CheckAnswers = Awaited<ReturnType<typeof checkAnswersView>>;

export function CheckAnswersStep({ answers, id, editable = true }: { answers: CheckAnswers; id: number; editable?: boolean }) {
  return (
    <>
      <p>
        {editable ? 'Prüfen Sie Ihre Angaben. Über „Ändern“ kommen Sie direkt zur Angabe.' : 'Ihre Angaben, wie sie eingereicht wurden.'}
      </p>
      {answers.sections.map((section) => (
        <section key={section.step} aria-labelledby={`pruefen-${section.step}`}>
          <h2 id={`pruefen-${section.step}`}>{section.section}</h2>
          <dl className="summary-list">
            {section.rows.map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd className="preserve-lines">{row.value}</dd>
                {editable ? (
                  <dd>
                    <Link to={`/antraege/${id}/${row.step}${returnQuery('pruefen')}${row.anchor ? `#${row.anchor}` : ''}`}>
                      Ändern<span className="visually-hidden"> {row.label}</span>
                    </Link>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
          {section.step === 'kosten' ? <BudgetLinesTable lines={answers.budgetLines} total={answers.budgetTotal} /> : null}
        </section>
      ))}
      <section aria-labelledby="pruefen-anlagen">
        <h2 id="pruefen-anlagen">Anlagen</h2>
        {answers.attachments.length ? (
          <ul>
            {answers.attachments.map((a) => (
              <li key={a.id}>
                {a.type}: <a href={`/antraege/${id}/anlagen/${a.id}`}>{a.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Keine Anlagen.</p>
        )}
        {editable ? (
          <p>
            <Link to={`/antraege/${id}/anlagen${returnQuery('pruefen')}`}>
              Anlagen ändern<span className="visually-hidden"> (hochladen oder entfernen)</span>
            </Link>
          </p>
        ) : null}
      </section>
      <h2>Förderprüfung</h2>
      <EligibilityResultView result={answers.result} register="verwaltung" headingLevel={3} />
      <ApplicationDownloads id={id} complete={answers.complete} qualityChecks={answers.qualityChecks} />
      <h2>Beratung und Einreichung</h2>
      <p>
        Lassen Sie den Entwurf vom EBBS beraten, bevor Sie ihn über das Förderportal der SAB einreichen, und tragen Sie danach die
        Einreichung ein: <Link to={`/antraege/${id}/status`}>Zur Beratung senden oder Einreichung erfassen</Link>.
      </p>
    </>
  );
}
