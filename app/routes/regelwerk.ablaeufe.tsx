import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { anyState, eventless } from '../../machines/shared/statechart-model';
import { drawStatecharts } from '../diagram/statecharts';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { Statechart } from '../components/statechart';
import { workbenchReaders } from '../regelwerk/workbench.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Abläufe – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  return { mayEdit: user.role === 'ministry', charts: drawStatecharts() };
}

const kindLabel = { state: 'Zustand', decision: 'Verzweigung', final: 'Endzustand' } as const;

export default function Statecharts() {
  const { mayEdit, charts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Abläufe</h1>
      <RegelwerkNav showStatistics={mayEdit} />
      <p className="lead">
        Die Diagramme werden beim Aufruf aus den Ablaufdefinitionen erzeugt, nach denen die Anwendung arbeitet – nicht von Hand gezeichnet.
        Ändert sich ein Ablauf, ändern sich Diagramm und Tabelle mit.
      </p>
      <h2 id="legende">Wie die Diagramme zu lesen sind</h2>
      <ul>
        <li>Kästen sind Zustände, gestrichelte graue Kästen Verzweigungen ohne eigenes Ereignis, doppelt umrandete Kästen Endzustände.</li>
        <li>Ein Punkt mit Pfeil zeigt den Anfangszustand.</li>
        <li>
          An jedem Pfeil steht das Ereignis und in eckigen Klammern die Bedingung, die erfüllt sein muss; „sonst“ gilt, wenn keine vorher
          genannte Bedingung zutrifft. Die Tabellen nennen zu jedem Begriff auch seinen Namen im Programm (grau), damit Fachleute und
          Entwicklung dasselbe meinen.
        </li>
        <li>Gestrichelte Pfeile führen zu einem früheren Zustand zurück.</li>
        <li>Übergänge aus „jeder Zustand“ (violette Linie links) gelten in jedem Zustand des Ablaufs.</li>
        <li>Jede Tabelle unter einem Diagramm enthält dieselben Übergänge als Text.</li>
      </ul>
      <nav aria-labelledby="ablaeufe-inhalt" className="toc">
        <h2 id="ablaeufe-inhalt">Inhalt</h2>
        <ul>
          {charts.map((c) => (
            <li key={c.id}>
              <a href={`#ablauf-${c.id}`}>{c.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {charts.map((chart) => {
        return (
          <section key={chart.id} aria-labelledby={`ablauf-${chart.id}`}>
            <h2 id={`ablauf-${chart.id}`}>{chart.title}</h2>
            <p>{chart.intro}</p>
            <p>
              {chart.model.states.length} Zustände, {chart.model.transitions.length} Übergänge. Das Diagramm lässt sich mit den Pfeiltasten
              verschieben, wenn es größer als der Bildschirm ist.
            </p>
            {/* biome-ignore lint/a11y: a labelled scroll region (not a page section) must be reachable by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
            <div className="statechart-scroll" role="region" aria-label={`Diagramm ${chart.title}`} tabIndex={0}>
              <Statechart
                id={`diagramm-${chart.id}`}
                title={`Zustandsdiagramm: ${chart.title}`}
                summary={`${chart.model.states.length} Zustände und ${chart.model.transitions.length} Übergänge; alle stehen in der Tabelle „Übergänge: ${chart.title}“ unter dem Diagramm.`}
                layout={chart.layout}
              />
            </div>
            <ScrollTable caption={<>Zustände: {chart.title}</>} label={`Zustände: ${chart.title}`}>
              <thead>
                <tr>
                  <th scope="col">Zustand</th>
                  <th scope="col">Bezeichnung</th>
                  <th scope="col">Art</th>
                </tr>
              </thead>
              <tbody>
                {chart.model.states.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="code-cell">
                      {s.id}
                    </th>
                    <td>{chart.labels[s.id] || '–'}</td>
                    <td>
                      {kindLabel[s.kind]}
                      {s.initial ? ', Anfangszustand' : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <ScrollTable caption={<>Übergänge: {chart.title}</>} label={`Übergänge: ${chart.title}`}>
              <thead>
                <tr>
                  <th scope="col">Von</th>
                  <th scope="col">Ereignis</th>
                  <th scope="col">Bedingung</th>
                  <th scope="col">Nach</th>
                  <th scope="col">Aktionen</th>
                </tr>
              </thead>
              <tbody>
                {chart.model.transitions.map((t) => {
                  const text = chart.transitionText[t.id]!;
                  return (
                    <tr key={t.id}>
                      <td>
                        <Named
                          label={t.source === anyState ? 'jeder Zustand' : chart.labels[t.source]}
                          code={t.source === anyState ? null : t.source}
                        />
                      </td>
                      <td>
                        <Named label={text.event} code={t.event === eventless ? null : t.event} />
                      </td>
                      <td>{t.guard ? <Named label={text.guard} code={t.guard} /> : t.event === eventless ? 'sonst' : '–'}</td>
                      <td>{t.target === null ? '(bleibt im Zustand)' : <Named label={chart.labels[t.target]} code={t.target} />}</td>
                      <td>{text.actions.length ? text.actions.join(', ') : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          </section>
        );
      })}
    </>
  );
}

/** A German name with the technical name in grey beneath it (the table's link to the code). */
function Named({ label, code }: { label: string | null | undefined; code: string | null }) {
  if (!code) return <>{label || '–'}</>;
  return (
    <>
      {label || code}
      {label ? (
        <>
          <br />
          <code className="hint">{code}</code>
        </>
      ) : null}
    </>
  );
}
