import { statusLabel } from '../../../machines/frl/criterion';
import type { EligibilityResult } from '../../../machines/frl/engine';
import { EligibilityResultView } from '../eligibility/result';
import { ScrollTable } from '../scroll-table';

/**
 * The result of a case checked in the test bench (typed as YAML or filled in as a form): whether
 * it meets its expectation, the verdict with every criterion and the facts that decided it, and a
 * short table by criterion id.
 */
export function BenchResult({
  result,
  expectations,
}: {
  result: EligibilityResult;
  expectations: { passed: boolean; failures: string[] } | null;
}) {
  return (
    <>
      {expectations ? (
        <div className={`notice ${expectations.passed ? 'notice--success' : 'notice--error'}`} role="status">
          <p>{expectations.passed ? 'Der Fall erfüllt seine Erwartung.' : 'Der Fall erfüllt seine Erwartung nicht:'}</p>
          {expectations.failures.length ? (
            <ul>
              {expectations.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p>Regelstand der Prüfung: {result.ruleVersion.id}.</p>
      <EligibilityResultView result={result} register="verwaltung" traceOpen />
      <h2>Kriterien in Kurzform</h2>
      <ScrollTable caption="Status jedes Kriteriums mit Kennung" label="Kriterien in Kurzform">
        <thead>
          <tr>
            <th scope="col">Kennung</th>
            <th scope="col">Status</th>
            <th scope="col">Entscheidende Angaben</th>
          </tr>
        </thead>
        <tbody>
          {result.findings.map((f) => (
            <tr key={f.id}>
              <th scope="row" className="code-cell">
                {f.id}
              </th>
              <td>{statusLabel[f.status]}</td>
              <td>{f.trace.map((t) => `${t.label}: ${t.value}`).join('; ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
