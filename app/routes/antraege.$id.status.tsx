import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { overview, type EditableStep } from '../../machines/frl/application/steps';
import { verdictLabel } from '../../machines/frl/engine';
import { decisionSchema, endAdviceSchema, requestAdviceSchema, submissionSchema, withdrawSchema } from '../../machines/frl/advice/forms';
import { adviceStatusLabel, statusOf, type AdviceStatus } from '../../machines/frl/advice/machine';
import { formatDate } from '../../machines/shared/format';
import { requireReadableApplication } from '../access.server';
import { advisorNames, historyOf } from '../beratung/advice.server';
import { evaluateApplicationCached } from '../antrag/application.server';
import { advisorsToChoose } from '../antrag/status.server';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '../components/fields';
import { AnswerWithoutForm, AdviceForm, StatusHistory } from '../components/beratung/status-forms';
import { readProtectedForm } from '../csrf.server';
import { isAdviceIntent, adviceFormAction, type AdviceIntent } from '../beratung/advice-actions.server';
import { todayInSaxony } from '../rules.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Beratung und Einreichung – ${data?.title ?? 'Antrag'} – Förderlotse Bürgerbeteiligung` },
];

/** The transitions an applicant can start from each status (the statechart has the final word). */
const memberIntents: Record<AdviceStatus, AdviceIntent[]> = {
  entwurf: ['beratung.anfragen', 'einreichung.erfassen', 'antrag.zurueckziehen'],
  in_beratung: ['beratung.beenden', 'antrag.zurueckziehen'],
  zur_ueberarbeitung: ['beratung.anfragen', 'einreichung.erfassen', 'antrag.zurueckziehen'],
  beratung_abgeschlossen: ['beratung.anfragen', 'einreichung.erfassen', 'antrag.zurueckziehen'],
  eingereicht: ['bescheid.erfassen', 'antrag.zurueckziehen'],
  bewilligt: [],
  abgelehnt: [],
  zurueckgezogen: [],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireReadableApplication(request, params.id, ['member']);
  const { loaded, advice } = access;
  const { row, data, context } = loaded;
  const status = statusOf(advice);
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context, loaded.rules);
  const pending = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const complete = overview(data, context, pending).every((s) => s.step === 'pruefen' || s.status === 'erledigt');
  const advisors = await advisorsToChoose();
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    status,
    statusLabel: adviceStatusLabel[status],
    reviewVersion: row.review_version,
    intents: memberIntents[status],
    history: await historyOf(advice),
    advisorsOfDraft: await advisorNames(advice),
    // A repeated request names the current advisor unless the organisation chooses otherwise.
    currentAdvisor: advice.context.advisors[0] !== undefined ? String(advice.context.advisors[0]) : '',
    advisors: advisors.map((a) => ({ value: String(a.id), label: a.name })),
    requestedAdvisor: advice.context.requestedAdvisor
      ? (advisors.find((a) => a.id === advice.context.requestedAdvisor)?.name ?? null)
      : null,
    readyForSubmission: advice.context.readyForSubmission,
    submission: advice.context.submission
      ? { date: formatDate(advice.context.submission.date), reference: advice.context.submission.reference }
      : null,
    decision: advice.context.decision ? { date: formatDate(advice.context.decision.date), note: advice.context.decision.note } : null,
    complete,
    verdict: verdictLabel[result.verdict],
    eligible: result.verdict === 'foerderfaehig',
    today: todayInSaxony(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireReadableApplication(request, params.id, ['member']);
  const form = await readProtectedForm(request);
  const intent = form.get('intent');
  if (!isAdviceIntent(intent)) throw new Response('Unbekannte Aktion.', { status: 400 });
  return adviceFormAction(access, intent, form, (done) => `/antraege/${access.loaded.row.id}?hinweis=${done}`);
}

export default function ApplicationStatus() {
  const d = useLoaderData<typeof loader>();
  const can = (intent: AdviceIntent) => d.intents.includes(intent);
  return (
    <>
      <p className="caption">
        <Link to={`/antraege/${d.id}`}>{d.title}</Link>
      </p>
      <h1>Beratung und Einreichung</h1>
      <AnswerWithoutForm shown={d.intents} />
      <div className="status-panel">
        <p>
          Stand: <strong>{d.statusLabel}</strong>
          {d.advisorsOfDraft.length ? ` · Beratung: ${d.advisorsOfDraft.join(', ')}` : ''}
        </p>
        {d.submission ? (
          <p>
            Bei der SAB eingereicht am {d.submission.date}, Aktenzeichen {d.submission.reference}.
          </p>
        ) : null}
        {d.decision ? (
          <p>
            Bescheid vom {d.decision.date}
            {d.decision.note ? `: ${d.decision.note}` : ''}
          </p>
        ) : null}
      </div>

      {can('beratung.anfragen') ? (
        <section aria-labelledby="anfragen">
          <h2 id="anfragen">{d.status === 'entwurf' ? 'Beratung durch das EBBS anfragen' : 'Erneut zur Beratung senden'}</h2>
          <p>
            Beraterinnen und Berater des Erfahrungs- und Beratungsnetzwerks Bürgerbeteiligung Sachsen (EBBS) lesen Ihren Entwurf,
            kommentieren ihn an Ort und Stelle und geben ihn bei Bedarf mit Hinweisen zurück. Sie können während der Beratung
            weiterarbeiten; die Beratung sieht jede Änderung.
          </p>
          <AdviceForm
            intent="beratung.anfragen"
            schema={requestAdviceSchema}
            reviewVersion={d.reviewVersion}
            submitLabel="Zur Beratung senden"
            defaultValue={d.currentAdvisor ? { advisor: d.currentAdvisor } : undefined}
          >
            {(f) => (
              <>
                <SelectField
                  field={f.advisor!}
                  label="An wen?"
                  hint={
                    d.currentAdvisor
                      ? `Bisher berät ${d.advisorsOfDraft.join(' und ')}. Wählen Sie jemand anderen oder alle Beraterinnen und Berater des EBBS, endet die bisherige Beratung; sie sieht den Entwurf dann nicht mehr.`
                      : 'Ohne Auswahl geht der Entwurf an alle Beraterinnen und Berater des EBBS; die erste freie übernimmt.'
                  }
                  placeholder="EBBS (alle Beraterinnen und Berater)"
                  options={d.advisors}
                />
                <TextAreaField
                  field={f.note!}
                  label="Nachricht an die Beratung"
                  optional
                  rows={3}
                  hint="Zum Beispiel: Wozu haben Sie Fragen? Bis wann möchten Sie einreichen?"
                />
              </>
            )}
          </AdviceForm>
        </section>
      ) : null}

      {can('beratung.beenden') ? (
        <section aria-labelledby="beenden">
          <h2 id="beenden">Beratung beenden</h2>
          <p>
            {d.advisorsOfDraft.length
              ? 'Wenn Sie keine Beratung mehr brauchen, beenden Sie sie hier. Der Antrag wird wieder ein Entwurf, den nur Ihre Organisation sieht; die Beratung kann ihn dann nicht mehr öffnen.'
              : `Ihre Anfrage wartet darauf, dass ${d.requestedAdvisor ?? 'eine Beraterin oder ein Berater'} sie übernimmt. Sie können sie hier zurücknehmen.`}
          </p>
          <AdviceForm
            intent="beratung.beenden"
            schema={endAdviceSchema}
            reviewVersion={d.reviewVersion}
            submitLabel="Beratung beenden"
            buttonClass="button button--secondary"
          >
            {(f) => <TextAreaField field={f.reason!} label="Begründung" optional rows={2} />}
          </AdviceForm>
        </section>
      ) : null}

      {can('einreichung.erfassen') ? (
        <section aria-labelledby="einreichung">
          <h2 id="einreichung">Einreichung bei der SAB erfassen</h2>
          <p>
            Den Antrag reichen Sie über das Förderportal der Sächsischen Aufbaubank (SAB) ein. Tragen Sie hier ein, wann Sie eingereicht
            haben; danach ist der Antrag hier nicht mehr änderbar, damit er der eingereichten Fassung entspricht.
          </p>
          {!d.complete || !d.eligible ? (
            <p className="notice notice--warning">
              {!d.complete ? 'Einige Abschnitte sind noch nicht vollständig. ' : ''}
              Förderprüfung: {d.verdict}. Prüfen Sie, ob Sie wirklich diese Fassung eingereicht haben.
            </p>
          ) : null}
          <AdviceForm
            intent="einreichung.erfassen"
            schema={submissionSchema(d.today)}
            reviewVersion={d.reviewVersion}
            submitLabel="Einreichung erfassen"
          >
            {(f) => (
              <>
                <TextField
                  field={f.date!}
                  label="Eingereicht am"
                  hint="TT.MM.JJJJ, zum Beispiel 15.01.2027"
                  width="short"
                  inputMode="numeric"
                />
                <TextField field={f.reference!} label="Aktenzeichen oder Vorgangsnummer der SAB" width="medium" />
              </>
            )}
          </AdviceForm>
        </section>
      ) : null}

      {can('bescheid.erfassen') ? (
        <section aria-labelledby="bescheid">
          <h2 id="bescheid">Bescheid der SAB erfassen</h2>
          <AdviceForm
            intent="bescheid.erfassen"
            schema={decisionSchema(d.today)}
            reviewVersion={d.reviewVersion}
            submitLabel="Bescheid erfassen"
          >
            {(f) => (
              <>
                <RadioGroup
                  field={f.outcome!}
                  legend="Wie hat die SAB entschieden?"
                  options={[
                    { value: 'bewilligt', label: 'Bewilligt' },
                    { value: 'abgelehnt', label: 'Abgelehnt' },
                  ]}
                  inline
                />
                <TextField field={f.date!} label="Datum des Bescheids" hint="TT.MM.JJJJ" width="short" inputMode="numeric" />
                <TextAreaField
                  field={f.note!}
                  label="Anmerkung"
                  optional
                  rows={2}
                  hint="Zum Beispiel die bewilligte Summe oder Auflagen."
                />
              </>
            )}
          </AdviceForm>
        </section>
      ) : null}

      {can('antrag.zurueckziehen') ? (
        <section aria-labelledby="zurueckziehen">
          <h2 id="zurueckziehen">Antrag zurückziehen</h2>
          <p>Ein zurückgezogener Antrag bleibt mit seinem Verlauf erhalten, kann aber nicht mehr bearbeitet werden.</p>
          <AdviceForm
            intent="antrag.zurueckziehen"
            schema={withdrawSchema}
            reviewVersion={d.reviewVersion}
            submitLabel="Antrag zurückziehen"
            buttonClass="button button--warning"
          >
            {(f) => (
              <>
                <TextAreaField field={f.reason!} label="Begründung" optional rows={2} />
                <CheckboxField field={f.confirm!} label="Ja, ich möchte diesen Antrag zurückziehen." />
              </>
            )}
          </AdviceForm>
        </section>
      ) : null}

      {d.intents.length === 0 ? <p>Der Antrag ist abgeschlossen ({d.statusLabel}). Es gibt keine weiteren Schritte.</p> : null}

      <h2>Verlauf</h2>
      <StatusHistory history={d.history} />
      <p>
        <Link to={`/antraege/${d.id}/protokoll`}>Vollständiges Protokoll ansehen</Link>
      </p>
    </>
  );
}
