import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import {
  isFilledIn,
  overview,
  stepInfo,
  stepOfCriterion,
  stepStatusLabel,
  withRuleFindings,
  type StepStatus,
} from '../../machines/frl/application/steps';
import { currentCalls } from '../../machines/frl/calls';
import { verdictLabel } from '../../machines/frl/engine';
import { evaluateApplicationCached, requireOwnApplication, routeLabel } from '../antrag/application.server';
import { answersCheckFor } from '../antrag/check-answers.server';
import { threadHintsOf } from '../antrag/network.server';
import { ApplicationDownloads } from '../components/antrag/downloads';
import { CallNotice } from '../components/call-notice';
import { EligibilityResultView } from '../components/eligibility/result';
import { isEditable, adviceStatusLabel, statusOf, type AdviceStatus } from '../../machines/frl/advice/machine';
import { advisorNames, changedAfterCompletion, historyOf, restoreAdvice } from '../beratung/advice.server';
import { openCountsByStep, threadsFor } from '../beratung/comments.server';
import { QualityCheckPanel } from '../components/qualitaetscheck/application-panel';
import { qualityCheckPanelOf } from '../qualitaetscheck/quality-check.server';
import { rulesOptions } from '../rules.server';
import { requireApplicant } from '../session.server';
import type { EditableStep } from '../../machines/frl/application/steps';
import { memberOf } from '../netzwerk/context.server';
import { formatDateTime } from '../../machines/shared/format';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? 'Antrag'} – Übersicht – Förderlotse Bürgerbeteiligung` },
];

const statusTag: Record<StepStatus, string> = {
  nicht_begonnen: 'tag tag--grey',
  in_bearbeitung: 'tag tag--blue',
  erledigt: 'tag tag--green',
  bitte_pruefen: 'tag tag--red',
  gesperrt: 'tag tag--yellow',
};

/** The wizard's overview is a document page like its steps (ADR 0086): links and plain forms only. */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApplicant(request);
  const loaded = await requireOwnApplication(user, params.id);
  const { data, context, row } = loaded;
  const advice = restoreAdvice(row);
  const status = statusOf(advice);
  const threads = await threadsFor({ user, as: 'member', loaded, advice });
  const openComments = openCountsByStep(threads);
  const history = await historyOf(advice);
  const pendingSteps = Object.keys(loaded.snapshot.context.pending) as EditableStep[];
  const result = await evaluateApplicationCached(`${row.id}:${row.version}`, data, context, loaded.rules);
  const steps = withRuleFindings(overview(data, context, pendingSteps, await answersCheckFor(row.id)), result.findings);
  const { calls } = await rulesOptions();
  const call = currentCalls(calls, context.date);
  const url = new URL(request.url);
  const blocking = result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity !== 'hinweis');
  const member = await memberOf(user.id);
  return {
    id: row.id,
    title: data.project.title?.trim() || 'Antrag ohne Titel',
    route: routeLabel(data.project.route ?? null),
    // Advisors' pointers to network threads (issue 20 Nr. 6, ADR 0075); non-members see the title only.
    networkMember: member !== null,
    threadHints: (await threadHintsOf(row.id)).map((h) => ({
      id: h.id,
      link: `/netzwerk/themen/${h.threadId}`,
      title: h.title,
      note: h.note,
      at: formatDateTime(h.createdAt),
    })),
    version: row.version,
    steps: steps.map((s) => ({
      step: s.step,
      title: stepInfo[s.step].title,
      description: stepInfo[s.step].description,
      status: s.status,
      missing: s.issues.length,
      blockedBy: s.blockedBy.map((b) => stepInfo[b].title),
      findings: blocking.filter((f) => s.step !== 'pruefen' && stepOfCriterion(f.id) === s.step).map((f) => f.title),
      openComments: s.step === 'pruefen' ? 0 : (openComments[s.step] ?? 0),
    })),
    status,
    statusLabel: adviceStatusLabel[status],
    editable: isEditable(status),
    lastChange: history[0] ?? null,
    advisors: await advisorNames(advice),
    readyForSubmission: advice.context.readyForSubmission,
    changedSinceCompletion: await changedAfterCompletion(advice, row),
    openCommentsTotal: threads.filter((t) => !t.resolved).length,
    answeredByChange: threads.filter((t) => !t.resolved && t.changedSince).length,
    result,
    blockingCount: blocking.length,
    hintCount: result.findings.filter((f) => f.status === 'nicht_erfuellt' && f.severity === 'hinweis').length,
    verdict: verdictLabel[result.verdict],
    call,
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
  'beratung.anfragen': 'Der Antrag ist zur Beratung gesendet. Sie werden benachrichtigt, sobald ihn jemand übernimmt.',
  'beratung.beenden': 'Die Beratung ist beendet. Der Antrag ist wieder ein Entwurf Ihrer Organisation.',
  'einreichung.erfassen': 'Die Einreichung bei der SAB ist erfasst. Der Antrag ist jetzt nicht mehr änderbar.',
  'bescheid.erfassen': 'Der Bescheid der SAB ist erfasst.',
  'antrag.zurueckziehen': 'Der Antrag ist zurückgezogen.',
  importiert: 'Der Antrag wurde aus der Datei als neuer Entwurf angelegt. Bitte laden Sie die Anlagen neu hoch.',
  'importiert-stammdaten':
    'Der Antrag wurde aus der Datei als neuer Entwurf angelegt. Die Angaben zur Organisation stammten von einer anderen Organisation oder einem älteren Stand und wurden durch Ihre aktuellen Stammdaten ersetzt. Bitte laden Sie die Anlagen neu hoch.',
  'qualitaetscheck-beigefuegt': 'Der QualitätsCheck ist diesem Antrag beigefügt.',
  'qualitaetscheck-geloest': 'Der QualitätsCheck ist diesem Antrag nicht mehr beigefügt.',
};

export default function ApplicationOverview() {
  const d = useLoaderData<typeof loader>();
  // Resume where the work is: the first section that is open and not done (the check page once all are).
  const nextStep = d.steps.find((s) => s.status === 'in_bearbeitung' || s.status === 'nicht_begonnen' || s.status === 'bitte_pruefen');
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
      {d.call.length ? <CallNotice calls={d.call} /> : null}
      <div
        className={`verdict verdict--${d.result.verdict === 'foerderfaehig' ? 'ok' : d.result.verdict === 'nicht_foerderfaehig' ? 'no' : d.result.verdict === 'begruendung_erforderlich' ? 'warn' : 'open'}`}
      >
        <h2 className="verdict__title">Förderprüfung: {d.verdict}</h2>
        <p>
          Die Regeln der Richtlinie werden bei jedem Speichern neu geprüft.{' '}
          {d.blockingCount === 1
            ? 'Ein Kriterium ist nicht erfüllt; es steht beim betroffenen Abschnitt.'
            : d.blockingCount > 1
              ? `${d.blockingCount} Kriterien sind nicht erfüllt; sie stehen bei den betroffenen Abschnitten.`
              : 'Kein Kriterium ist verletzt.'}
          {d.hintCount === 1
            ? ' Ein Hinweis zur Verbesserung steht in der Förderprüfung im Detail.'
            : d.hintCount > 1
              ? ` ${d.hintCount} Hinweise zur Verbesserung stehen in der Förderprüfung im Detail.`
              : ''}
        </p>
      </div>
      <StatusPanel d={d} />
      <ThreadHints hints={d.threadHints} member={d.networkMember} />
      <h2>Abschnitte</h2>
      {d.editable && nextStep ? (
        <p>
          <Link to={`/antraege/${d.id}/${nextStep.step}`} className="button">
            Weiter mit „{nextStep.title}“
          </Link>
        </p>
      ) : null}
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
              {s.openComments ? (
                <p className="task-list__comments">
                  <Link to={`/antraege/${d.id}/${s.step}#kommentare-titel`}>
                    {s.openComments === 1 ? '1 offener Kommentar' : `${s.openComments} offene Kommentare`}
                    <span className="visually-hidden"> zu {s.title}</span>
                  </Link>
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
      <ApplicationDownloads
        id={d.id}
        complete={d.steps.every((s) => s.step === 'pruefen' || isFilledIn(s.status))}
        qualityChecks={d.qualitaetscheck.attached.length}
      />
      <p>
        <Link to={`/antraege/${d.id}/protokoll`}>Protokoll: wer hat wann was geändert</Link>
      </p>
      {d.editable ? (
        <p>
          <Link to={`/antraege/${d.id}/loeschen`}>Antrag löschen</Link>
        </p>
      ) : null}
    </>
  );
}

const statusText: Record<AdviceStatus, string> = {
  entwurf: 'Nur Ihre Organisation sieht diesen Entwurf.',
  in_beratung: 'Die Beratung des EBBS liest mit und kommentiert. Sie können weiterarbeiten.',
  zur_ueberarbeitung: 'Die Beratung hat den Entwurf mit Hinweisen zurückgegeben.',
  beratung_abgeschlossen: 'Die Beratung ist abgeschlossen.',
  eingereicht: 'Der Antrag ist bei der SAB eingereicht und hier nicht mehr änderbar.',
  bewilligt: 'Die SAB hat den Antrag bewilligt.',
  abgelehnt: 'Die SAB hat den Antrag abgelehnt.',
  zurueckgezogen: 'Der Antrag ist zurückgezogen.',
};

function StatusPanel({ d }: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const returned = d.status === 'zur_ueberarbeitung' && d.lastChange?.toStatus === 'zur_ueberarbeitung' ? d.lastChange : null;
  return (
    <section className="status-panel" aria-labelledby="stand">
      <h2 id="stand" className="heading-medium">
        Beratung und Einreichung: {d.statusLabel}
      </h2>
      <p>
        {statusText[d.status]}
        {d.advisors.length ? ` Beratung: ${d.advisors.join(', ')}.` : ''}
      </p>
      {returned ? (
        <div className="notice notice--warning">
          <p>
            <strong>
              Zurückgegeben von {returned.by} am {returned.at}:
            </strong>
          </p>
          <p className="preserve-lines">{returned.reason}</p>
        </div>
      ) : null}
      {d.status === 'beratung_abgeschlossen' && d.readyForSubmission ? (
        <p>
          Aus Sicht der Beratung ist der Antrag einreichungsfähig.
          {d.changedSinceCompletion ? <strong> Seitdem wurde der Antrag geändert.</strong> : null}
        </p>
      ) : null}
      {d.openCommentsTotal ? (
        <p>
          {d.openCommentsTotal === 1 ? 'Ein Kommentar ist offen' : `${d.openCommentsTotal} Kommentare sind offen`}
          {d.answeredByChange
            ? `; bei ${d.answeredByChange === 1 ? 'einem' : d.answeredByChange} davon haben Sie die Stelle seitdem geändert`
            : ''}
          . Sie stehen bei den Abschnitten.
        </p>
      ) : null}
      <p>
        <Link to={`/antraege/${d.id}/status`}>
          {d.status === 'entwurf' ? 'Zur Beratung senden oder Einreichung erfassen' : 'Stand ändern und Verlauf ansehen'}
        </Link>
      </p>
      {d.status === 'bewilligt' ? (
        <p>
          <Link to={`/antraege/${d.id}/umsetzung`} className="button">
            Vorhaben in Umsetzung: Bescheid, Belege, Auszahlungen
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** Threads of the network the advice pointed to; a non-member reads the title and how to join. */
function ThreadHints({
  hints,
  member,
}: {
  hints: Array<{ id: number; link: string; title: string; note: string | null; at: string }>;
  member: boolean;
}) {
  if (!hints.length) return null;
  return (
    <section id="netzwerk-hinweise" aria-labelledby="netzwerk-hinweise-titel" className="notice">
      <h2 id="netzwerk-hinweise-titel" className="heading-medium">
        Hinweise der Beratung auf das EBBS-Netzwerk
      </h2>
      <ul>
        {hints.map((h) => (
          <li key={h.id}>
            Ihre Beratung hat Sie auf dieses Thema hingewiesen: {member ? <Link to={h.link}>{h.title}</Link> : <strong>{h.title}</strong>}
            <span className="caption"> ({h.at})</span>
            {h.note ? <p className="preserve-lines">{h.note}</p> : null}
          </li>
        ))}
      </ul>
      {member ? null : (
        <p>
          Themen des Netzwerks lesen nur Mitglieder. <Link to="/netzwerk/profil">Treten Sie dem EBBS-Netzwerk bei</Link>, um das Thema zu
          lesen.
        </p>
      )}
    </section>
  );
}
