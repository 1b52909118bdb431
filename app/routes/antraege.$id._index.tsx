import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { overview, stepInfo, stepOfCriterion, stepStatusLabel, type StepStatus } from '../../machines/frl/application/steps';
import { callStatusOn } from '../../machines/frl/calls';
import { verdictLabel } from '../../machines/frl/engine';
import { formatDate } from '../../machines/shared/format';
import { evaluateApplicationCached, requireOwnApplication, routeLabel } from '../application.server';
import { EligibilityResultView } from '../components/eligibility/result';
import { QualityCheckPanel } from '../components/qualitaetscheck/application-panel';
import { qualityCheckPanelOf } from '../qualitaetscheck.server';
import { rulesOptions } from '../rules.server';
import { requireApplicant } from '../session.server';
import type { EditableStep } from '../../machines/frl/application/steps';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Antrag'} – Übersicht – Förderlotse Bürgerbeteiligung` },
];

const statusTag: Record<StepStatus, string> = {
  nicht_begonnen: 'tag tag--grey',
  in_bearbeitung: 'tag tag--blue',
  erledigt: 'tag tag--green',
  gesperrt: 'tag tag--yellow',
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const { data, context, row } = loaded;
  const pendingSteps = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const steps = overview(data, context, pendingSteps);
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context);
  const { calls } = await rulesOptions();
  const call = callStatusOn(calls, context.date);
  const url = new URL(request.url);
  const blocking = result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis');
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    route: routeLabel(data.project.route ?? null),
    version: row.version,
    steps: steps.map((s) => ({
      step: s.step,
      title: stepInfo[s.step].title,
      description: stepInfo[s.step].description,
      status: s.status,
      missing: s.issues.length,
      blockedBy: s.blockedBy.map((b) => stepInfo[b].title),
      findings: blocking.filter((f) => s.step !== 'pruefen' && stepOfCriterion(f.id) === s.step).map((f) => f.title),
    })),
    result,
    verdict: verdictLabel[result.verdict],
    deadline: call.status === 'open' ? formatDate(call.call.deadline) : null,
    callTitle: call.status === 'open' ? call.call.title : null,
    notice: url.searchParams.get('hinweis'),
    blockedStep: url.searchParams.get('gesperrt'),
    qualitaetscheck: await qualityCheckPanelOf(user, row.id),
  };
}

const notices: Record<string, string> = {
  kopiert: 'Der Antrag wurde dupliziert. Sie bearbeiten jetzt die Kopie; Anlagen wurden nicht mitkopiert.',
  'aus-foerdercheck': 'Der Antrag wurde mit Ihren Angaben aus dem Förder-Check angelegt. Bitte prüfen und ergänzen Sie sie.',
  gespeichert: 'Ihre Angaben wurden gespeichert. Sie können jederzeit hier weitermachen.',
  'gespeichert-mit-fehlern': 'Ihre Eingaben wurden gespeichert. Einige Angaben sind noch fehlerhaft; sie sind im Abschnitt markiert.',
  wiederhergestellt: 'Ihre Eingaben von vor der Anmeldung wurden gespeichert.',
  'qualitaetscheck-beigefuegt': 'Der QualitätsCheck ist diesem Antrag beigefügt.',
  'qualitaetscheck-geloest': 'Der QualitätsCheck ist diesem Antrag nicht mehr beigefügt.',
};

export default function ApplicationOverview() {
  const d = useLoaderData<typeof loader>();
  const blocked = d.steps.find((s) => s.step === d.blockedStep);
  return (
    <>
      <p className="caption">Antrag · {d.route === '–' ? 'Förderweg noch nicht gewählt' : d.route}</p>
      <h1>{d.title}</h1>
      {d.notice && notices[d.notice] ? (
        <div className="notice notice--success" role="status">
          <p>{notices[d.notice]}</p>
        </div>
      ) : null}
      {blocked ? (
        <div className="notice notice--warning" role="status">
          <p>
            „{blocked.title}“ kann noch nicht begonnen werden. Schließen Sie zuerst ab: {blocked.blockedBy.join(', ')}.
          </p>
        </div>
      ) : null}
      {d.deadline ? (
        <p className="notice">
          {d.callTitle}: Einreichung bei der SAB bis <strong>{d.deadline}</strong>.
        </p>
      ) : null}
      <div className={`verdict verdict--${d.result.verdict === 'foerderfaehig' ? 'ok' : d.result.verdict === 'nicht_foerderfaehig' ? 'no' : d.result.verdict === 'begruendung_erforderlich' ? 'warn' : 'open'}`}>
        <h2 className="verdict__title">Förderprüfung: {d.verdict}</h2>
        <p>
          Die Regeln der Richtlinie werden bei jedem Speichern neu geprüft.{' '}
          {d.result.counts.nicht_erfuellt === 1
            ? 'Ein Kriterium ist nicht erfüllt; es steht beim betroffenen Abschnitt.'
            : d.result.counts.nicht_erfuellt > 1
              ? `${d.result.counts.nicht_erfuellt} Kriterien sind nicht erfüllt; sie stehen bei den betroffenen Abschnitten.`
              : 'Kein Kriterium ist verletzt.'}
        </p>
      </div>
      <h2>Abschnitte</h2>
      <ol className="task-list">
        {d.steps.map((s) => (
          <li key={s.step} className="task-list__item">
            <div className="task-list__name">
              {s.status === 'gesperrt' ? (
                <span>{s.title}</span>
              ) : (
                <Link to={`/antraege/${d.id}/${s.step}`} aria-describedby={`status-${s.step}`}>
                  {s.title}
                </Link>
              )}
              <p className="hint">{s.description}</p>
              {s.status === 'gesperrt' ? <p className="hint">Erst abschließen: {s.blockedBy.join(', ')}</p> : null}
              {s.status === 'in_bearbeitung' && s.missing > 0 ? (
                <p className="hint">
                  {s.missing} {s.missing === 1 ? 'Angabe fehlt' : 'Angaben fehlen'} noch
                </p>
              ) : null}
              {s.findings.length ? (
                <p className="task-list__finding">
                  <strong>Förderprüfung:</strong> {s.findings.join('; ')}
                </p>
              ) : null}
            </div>
            <span id={`status-${s.step}`} className={statusTag[s.status]}>
              {stepStatusLabel[s.status]}
            </span>
          </li>
        ))}
      </ol>
      <details className="details">
        <summary>Förderprüfung im Detail (alle Kriterien)</summary>
        <EligibilityResultView result={d.result} register="verwaltung" headingLevel={3} />
      </details>
      <QualityCheckPanel applicationId={d.id} attached={d.qualitaetscheck.attached} attachable={d.qualitaetscheck.attachable} />
      <p>
        <Link to={`/antraege/${d.id}/loeschen`}>Antrag löschen</Link>
      </p>
    </>
  );
}
