import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { costCategories } from '../../machines/frl/catalogues';
import { participationLevelInfo, targetGroups } from '../../machines/shared/participation';
import { routeInfo } from '../../machines/frl/routes';
import { goalInfo } from '../../machines/methoden/goals';
import { conflictLabel, fundingFitLabel, modeLabel, needLabel, recruitmentLabel } from '../../machines/methoden/labels';
import { costLineKindLabel } from '../../machines/frl/catalogues';
import { PostForm } from '../components/forms';
import { MethodCard } from '../components/methoden/method-card';
import { ScrollTable } from '../components/scroll-table';
import { editorRoles } from '../methoden/redaktion.server';
import { getUser } from '../session.server';
import { adoptableDrafts, costRangeText, examplesForMethod, findMethod, rangeText, similarMethods } from '../methoden/methoden.server';
import { ExampleCard } from '../components/methoden/example-card';
import { currentContent } from '../qualitaetscheck/quality-check.server';
import { documentPage, loadAsDocument } from '../utils/page-scripts';

/** A public page: served as a document without React (ADR 0056). */
export const handle = documentPage;
export const clientLoader = loadAsDocument;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.method.name ?? 'Methode'} – Methoden der Bürgerbeteiligung – Förderlotse Bürgerbeteiligung` },
];

const adoptNotices: Record<string, string> = {
  ausgeschlossen: 'Diese Methode ist nicht förderfähig und kann nicht in einen Antrag übernommen werden.',
  'kein-antrag': 'Bitte wählen Sie den Antrag, in den Sie die Methode übernehmen möchten.',
  gesperrt: 'Dieser Antrag kann nicht mehr geändert werden; die Methode wurde nicht übernommen.',
  'vorhaben-offen':
    'Im Schritt „Vorhaben“ dieses Antrags sind noch Eingaben mit Fehlern gespeichert. Bitte korrigieren und speichern Sie diese zuerst; die Methode wurde nicht übernommen.',
  konflikt: 'Der Antrag wurde gerade mehrfach gleichzeitig geändert. Bitte versuchen Sie es noch einmal.',
};

const targetLabel = new Map<string, string>(targetGroups.map((t) => [t.id, t.label]));
const categoryLabel = new Map(costCategories.map((c) => [c.id, c.label]));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const method = await findMethod(params.slug ?? '');
  if (!method) throw new Response('Not Found', { status: 404 });
  const content = await currentContent();
  const criteria = method.qualityCriteria.map((id) => {
    const criterion = content.criteria.find((c) => c.id === id);
    return { id, title: criterion?.title ?? id, explanation: criterion?.explanation ?? '' };
  });
  const user = await getUser(request);
  const applicant = user?.role === 'applicant' && user.organisation_id !== null ? user.organisation_id : null;
  const drafts = applicant === null || !method.formatId ? [] : await adoptableDrafts(applicant);
  const preselected = new URL(request.url).searchParams.get('antrag');
  return {
    editLink: user !== null && (editorRoles as readonly string[]).includes(user.role) ? `/redaktion/methode/${method.slug}` : null,
    signedInApplicant: applicant !== null,
    drafts,
    preselected: drafts.some((d) => String(d.id) === preselected) ? preselected : null,
    adoptNotice: adoptNotices[new URL(request.url).searchParams.get('uebernahme') ?? ''] ?? null,
    method: {
      ...method,
      levelLabel: participationLevelInfo[method.level].label,
      levelLabels: method.levels.map((l) => participationLevelInfo[l].label).join(', '),
      groupSizeText: rangeText(method.groupSize, 'Personen'),
      meetingsText:
        method.meetings.max === 0 ? 'ohne feste Treffen' : rangeText(method.meetings, method.meetings.max === 1 ? 'Termin' : 'Termine'),
      spanText: rangeText(method.spanWeeks, 'Wochen'),
      leadText: rangeText(method.leadTimeWeeks, 'Wochen'),
      costText: costRangeText(method.typicalCostEuro),
      modeText: method.modes.map((m) => modeLabel[m]).join(', '),
      targetText: method.targetGroups.map((t) => targetLabel.get(t) ?? t).join(', '),
      recruitmentText: method.recruitment.map((r) => recruitmentLabel[r]).join(', '),
      needsText: method.needs.map((n) => needLabel[n]).join(', ') || 'nichts Besonderes',
      drivers: method.costDrivers.map((d) => ({
        ...d,
        categoryLabel: categoryLabel.get(d.category) ?? d.category,
        kindLabel: costLineKindLabel[d.kind],
      })),
      routesText: method.fundingFit.routes.map((r) => routeInfo[r].label).join(', '),
      goalLabels: method.goals.map((g) => goalInfo[g.goal].label),
    },
    criteria,
    similar: await similarMethods(method),
    examples: await examplesForMethod(method.slug),
  };
}

export default function MethodPage() {
  const { method, criteria, similar, examples, signedInApplicant, drafts, preselected, adoptNotice, editLink } =
    useLoaderData<typeof loader>();
  const excluded = method.fundingFit.status === 'ausgeschlossen';
  return (
    <>
      <p>
        <Link to="/methoden">Alle Methoden</Link>
      </p>
      <h1>{method.name}</h1>
      {editLink ? (
        <p>
          <Link to={editLink}>In der Redaktion bearbeiten</Link>
        </p>
      ) : null}
      <p className="lead">{method.summary}</p>
      <div
        className={`notice ${excluded ? 'notice--error' : method.fundingFit.status === 'foerderfaehig' ? 'notice--success' : 'notice--warning'}`}
      >
        <p>
          <strong>{fundingFitLabel[method.fundingFit.status]}.</strong> {method.fundingFit.note}
          {method.fundingFit.clause ? <> ({method.fundingFit.clause})</> : null}
        </p>
      </div>
      {method.formatId ? (
        <section id="uebernehmen" aria-labelledby="uebernehmen-titel" className="form-section">
          <h2 id="uebernehmen-titel">In einen Antrag übernehmen</h2>
          {adoptNotice ? (
            <div className="notice notice--error" role="alert">
              <p>{adoptNotice}</p>
            </div>
          ) : null}
          {!signedInApplicant ? (
            <p>
              <Link to={`/anmelden?weiter=${encodeURIComponent(`/methoden/${method.slug}`)}`}>Melden Sie sich an</Link>, um die Methode als
              Beteiligungsformat in Ihren Antrag zu übernehmen; ihre typischen Kosten werden Ihnen dann im Ausgabenplan vorgeschlagen.
            </p>
          ) : drafts.length === 0 ? (
            <p>
              Sie haben keinen Antrag, der sich noch ändern lässt. <Link to="/antraege/neu">Neuen Antrag anlegen</Link>
            </p>
          ) : (
            <PostForm action="/methoden/uebernehmen" className="inline-search">
              <input type="hidden" name="methode" value={method.slug} />
              <div className="field">
                <label htmlFor="antrag" className="field__label">
                  Antrag
                </label>
                <select id="antrag" name="antrag" className="select" defaultValue={preselected ?? String(drafts[0]!.id)}>
                  {drafts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))}
                </select>
              </div>{' '}
              <button type="submit" className="button">
                Methode übernehmen
              </button>
            </PostForm>
          )}
        </section>
      ) : null}
      <h2>Auf einen Blick</h2>
      <dl className="summary-list">
        <div>
          <dt>Beteiligungsstufe</dt>
          <dd>
            {method.levelLabel}
            {method.levels.length > 1 ? <span className="hint"> (möglich: {method.levelLabels})</span> : null}
          </dd>
        </div>
        <div>
          <dt>Gruppengröße</dt>
          <dd>{method.groupSizeText}</dd>
        </div>
        <div>
          <dt>Treffen</dt>
          <dd>
            {method.meetingsText}, insgesamt etwa {method.spanText}. {method.durationNote}
          </dd>
        </div>
        <div>
          <dt>Vor Ort oder digital</dt>
          <dd>{method.modeText}</dd>
        </div>
        <div>
          <dt>Erreicht gut</dt>
          <dd>
            {method.targetText}. {method.targetGroupsNote}
          </dd>
        </div>
        <div>
          <dt>Wie Teilnehmende gewonnen werden</dt>
          <dd>{method.recruitmentText}</dd>
        </div>
        <div>
          <dt>Verträgt Konflikte</dt>
          <dd>{conflictLabel[method.conflictCapacity]}</dd>
        </div>
        <div>
          <dt>Vorlaufzeit</dt>
          <dd>{method.leadText}</dd>
        </div>
        <div>
          <dt>Was Sie brauchen</dt>
          <dd>{method.needsText}</dd>
        </div>
        <div>
          <dt>Geeignet, um</dt>
          <dd>{method.goalLabels.join(', ')}</dd>
        </div>
      </dl>
      <h2>Beschreibung</h2>
      <div className="prose">
        {method.description.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <h2>Typischer Ablauf</h2>
      <ol>
        {method.scheduleSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h2>Typische Kosten</h2>
      <p>
        Insgesamt meist {method.costText}. Diese Posten treiben die Kosten; im Antrag gehören sie in die genannte Kategorie des
        Ausgabenplans.
      </p>
      <ScrollTable caption={`Kostentreiber von ${method.name}`} captionHidden>
        <thead>
          <tr>
            <th scope="col">Posten</th>
            <th scope="col">Kategorie im Ausgabenplan</th>
            <th scope="col">Berechnung</th>
            <th scope="col">Warum</th>
          </tr>
        </thead>
        <tbody>
          {method.drivers.map((d) => (
            <tr key={d.label}>
              <td>{d.label}</td>
              <td>{d.categoryLabel}</td>
              <td>{d.kindLabel}</td>
              <td>{d.why}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h2>Stolpersteine</h2>
      <ul>
        {method.pitfalls.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h2>Förderung nach der FRL Bürgerbeteiligung</h2>
      <p>
        {fundingFitLabel[method.fundingFit.status]}
        {method.routesText ? <>; passt zu: {method.routesText}</> : null}. {method.fundingFit.note}
        {method.fundingFit.clause ? <> Fundstelle: {method.fundingFit.clause}.</> : null}
      </p>
      <h2>QualitätsCheck: Kriterien, die diese Methode stärkt</h2>
      <ul>
        {criteria.map((c) => (
          <li key={c.id}>
            <strong>{c.title}</strong>
            {c.explanation ? <> – {c.explanation}</> : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/qualitaetscheck">Ihr Vorhaben mit dem QualitätsCheck prüfen</Link>
      </p>
      {examples.length ? (
        <>
          <h2>Beispiele mit dieser Methode</h2>
          <ul className="cards" aria-label="Beispiele mit dieser Methode">
            {examples.map((e) => (
              <ExampleCard key={e.slug} example={e} headingLevel={3} />
            ))}
          </ul>
          <p>
            <Link to={`/beispiele?methode=${method.slug}`}>Alle Beispiele mit dieser Methode</Link>
          </p>
        </>
      ) : null}
      {similar.length ? (
        <>
          <h2>Ähnliche Methoden</h2>
          <ul className="cards" aria-label="Ähnliche Methoden">
            {similar.map((m) => (
              <MethodCard key={m.slug} method={m} headingLevel={3} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
