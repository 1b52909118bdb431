import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { stringify } from 'yaml';
import { z } from 'zod';
import { CaseError, parseCase, evaluate, verdictLabel, type EligibilityResult } from '../../machines/frl/engine';
import { caseAsYaml, readBenchInput } from '../../machines/frl/regelwerk/bench';
import { runCase } from '../../machines/frl/suite';
import { ErrorSummary, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { BenchResult } from '../components/regelwerk/bench-result';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { readProtectedForm } from '../csrf.server';
import { findSuiteCase, keepDownload, suiteCases, workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions } from '../rules.server';
import { requireRole } from '../session.server';
import { ScrollTable } from '../components/scroll-table';

export const meta: MetaFunction = () => [{ title: 'Prüfstand – Regelwerk – Förderlotse Bürgerbeteiligung' }];

/**
 * The test bench: check one case (typed, pasted or uploaded) with the rules in force and see every
 * criterion with the facts that decided it; run the shipped YAML suite; download a case as YAML for
 * tests/cases/. Checking changes nothing, so the result is shown in the POST's answer. The download
 * redirects to a file address; the form posts as a full page (reloadDocument) so that the browser,
 * not the client router, follows that redirect and keeps the page.
 */

const maxCaseBytes = 200_000;

const benchSchema = z.object({
  name: z.string().max(200, { error: 'Bitte kürzen Sie den Namen auf höchstens 200 Zeichen.' }).optional(),
  fall: z.string().optional(),
});

const example = `referenceDate: 2026-11-22
facts:
  applicant: { kind: gemeinde, landkreis: Meißen, vatDeductible: false }
  project:
    route: A1.1
    location: sachsen
    start: 2027-03-01
    end: 2027-12-31
    alreadyStarted: false
  budget: { totalExpenditure: 12000, requestedGrant: 10000, ownCash: 2000 }
`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const url = new URL(request.url);
  const source = url.searchParams.get('fall');
  const picked = source ? findSuiteCase(source) : undefined;
  let suite = null;
  if (url.searchParams.has('suite')) {
    const rules = await rulesOptions();
    suite = suiteCases().map((parsed) => {
      const outcome = runCase(parsed, rules);
      return {
        name: outcome.name,
        source: outcome.source,
        passed: outcome.passed,
        failures: outcome.failures,
        verdict: outcome.result ? verdictLabel[outcome.result.verdict] : null,
      };
    });
  }
  return {
    mayEdit: user.role === 'ministry',
    cases: suiteCases().length,
    initial: picked?.case
      ? { name: picked.case.name, fall: stringify({ ...picked.case, expect: picked.case.expect }, { lineWidth: 0 }) }
      : { name: '', fall: example },
    pickedFrom: picked ? picked.source : null,
    suite,
  };
}

async function textOf(formData: FormData): Promise<string> {
  const file = formData.get('datei');
  if (file instanceof File && file.size > 0) {
    if (file.size > maxCaseBytes) return '\u0000zu-gross';
    return file.text();
  }
  const typed = formData.get('fall');
  return typeof typed === 'string' ? typed : '';
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const formData = await readProtectedForm(request);
  const text = await textOf(formData);
  // What was uploaded replaces the text field, so the user sees (and keeps) what was checked.
  formData.set('fall', text.startsWith('\u0000') ? String(formData.get('fall') ?? '') : text);
  formData.delete('datei');
  const submission = parseWithZod(formData, { schema: benchSchema });
  if (submission.status !== 'success') return data({ result: submission.reply(), check: null }, { status: 400 });
  const refuse = (messages: string[]) =>
    data({ result: submission.reply({ fieldErrors: { fall: messages } }), check: null }, { status: 400 });
  if (text.startsWith('\u0000'))
    return refuse(['Die Datei ist größer als 200 KB; ein Testfall ist viel kleiner. Bitte prüfen Sie, ob es die richtige Datei ist.']);

  const input = readBenchInput(text);
  if (input.kind === 'error') return refuse(input.messages);
  const rules = await rulesOptions();
  const raw = input.kind === 'case' ? input.value : { referenceDate: input.case.case!.referenceDate, facts: input.case.case!.facts };
  let result: EligibilityResult;
  try {
    const { referenceDate, facts } = parseCase(raw);
    result = evaluate(referenceDate, facts, rules);
  } catch (error) {
    if (error instanceof CaseError) return refuse(error.problems);
    throw error;
  }
  const expectations = input.kind === 'suite' ? runCase(input.case, rules) : null;

  if (formData.get('intent') === 'yaml') {
    const name = submission.value.name?.trim() || (input.kind === 'suite' ? input.case.case!.name : 'Neuer Fall aus dem Prüfstand');
    const yaml = caseAsYaml({ name, referenceDate: result.referenceDate, facts: (raw as { facts: unknown }).facts, result });
    const file =
      name
        .toLowerCase()
        .replace(/[^a-z0-9äöüß]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'fall';
    const header = `# Erzeugt im Prüfstand des Förderlotsen; die Erwartung ist das Ergebnis der Prüfung (Regelstand ${result.ruleVersion.id}).\n`;
    return redirect(`/regelwerk/pruefstand/download/${await keepDownload(user.id, `${file}.yaml`, header + yaml)}`);
  }
  return data({
    result: submission.reply(),
    check: { result, expectations: expectations ? { passed: expectations.passed, failures: expectations.failures } : null },
  });
}

export default function TestBench() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'pruefstand',
    lastResult: (actionData as { result?: SubmissionResult<string[]> } | undefined)?.result,
    defaultValue: d.initial,
    constraint: getZodConstraint(benchSchema),
    shouldValidate: 'onSubmit',
  });
  const check =
    (
      actionData as
        | { check?: { result: EligibilityResult; expectations: { passed: boolean; failures: string[] } | null } | null }
        | undefined
    )?.check ?? null;
  return (
    <>
      <h1>Prüfstand</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p className="lead">
        Prüfen Sie einen Fall mit den geltenden Regeln und sehen Sie für jedes Kriterium, welche Angaben entschieden haben. Erlaubt sind das
        JSON-Format der Kommandozeile (<code>npm run rules -- check</code>) und YAML-Fälle wie in <code>tests/cases/</code>.
      </p>
      <p>
        <Link to="/regelwerk/pruefstand/formular" className="button button--secondary">
          Fall im Formular eingeben (ohne YAML)
        </Link>{' '}
        <Link to="/regelwerk/pruefstand/formular#entwurf-titel">Fall aus Entwurf übernehmen</Link>
      </p>
      <h2>Fall als Text prüfen</h2>
      {d.pickedFrom ? <p className="notice">Fall aus der Testsuite übernommen: {d.pickedFrom}.</p> : null}
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} encType="multipart/form-data" reloadDocument noValidate>
        <TextAreaField
          field={fields.fall}
          label="Fall (JSON oder YAML)"
          rows={16}
          hint="Mit referenceDate (Stichtag der Prüfung, JJJJ-MM-TT) und facts; Beträge in Euro. Ein YAML-Fall mit name und expect wird zusätzlich mit seiner Erwartung verglichen."
        />
        <div className="field">
          <label htmlFor="datei" className="field__label">
            Oder Datei hochladen<span className="field__optional"> (optional)</span>
          </label>
          <div id="datei-hint" className="field__hint">
            Eine .json-, .yaml- oder .yml-Datei; sie ersetzt den Text im Feld oben.
          </div>
          <input
            type="file"
            id="datei"
            name="datei"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml,text/plain"
            aria-describedby="datei-hint"
          />
        </div>
        <TextField field={fields.name} optional label="Name des Falls für den Download" hint="Ein Satz, der sagt, was der Fall zeigt." />
        <div className="button-row">
          <button type="submit" name="intent" value="pruefen" className="button">
            Fall prüfen
          </button>
          <button type="submit" name="intent" value="yaml" className="button button--secondary">
            Als YAML-Testfall herunterladen
          </button>
        </div>
      </PostForm>

      {check ? <BenchResult result={check.result} expectations={check.expectations} /> : null}

      <h2 id="suite">Testsuite</h2>
      <p>
        Die mitgelieferte Suite hat {d.cases} Fälle in <code>tests/cases/</code>. Sie läuft mit den geltenden Regeln, einschließlich
        veröffentlichter Parameter.
      </p>
      <form method="get" action="/regelwerk/pruefstand#suite">
        <input type="hidden" name="suite" value="1" />
        <button type="submit" className="button button--secondary">
          Alle Fälle der Suite ausführen
        </button>
      </form>
      {d.suite ? (
        <>
          <p role="status">
            {d.suite.filter((c) => c.passed).length} bestanden, {d.suite.filter((c) => !c.passed).length} fehlgeschlagen.
          </p>
          <ScrollTable caption="Ergebnisse der Testsuite">
            <thead>
              <tr>
                <th scope="col">Fall</th>
                <th scope="col">Datei</th>
                <th scope="col">Ergebnis</th>
                <th scope="col">Prüfung</th>
              </tr>
            </thead>
            <tbody>
              {d.suite.map((c) => (
                <tr key={c.source + c.name}>
                  <th scope="row">
                    <Link to={`/regelwerk/pruefstand?fall=${encodeURIComponent(c.source)}`}>{c.name}</Link>{' '}
                    <Link to={`/regelwerk/pruefstand/formular?fall=${encodeURIComponent(c.source)}`} className="hint">
                      im Formular<span className="visually-hidden"> öffnen: {c.name}</span>
                    </Link>
                  </th>
                  <td>{c.source}</td>
                  <td>{c.verdict ?? '–'}</td>
                  <td>
                    {c.passed ? (
                      <span className="result-pass">bestanden</span>
                    ) : (
                      <>
                        <span className="result-fail">fehlgeschlagen</span>
                        <ul>
                          {c.failures.map((f) => (
                            <li key={f}>{f}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}
    </>
  );
}
