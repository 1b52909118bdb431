import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { z } from 'zod';
import { applicationToFacts } from '../../machines/frl/application/facts';
import { evaluate, parseCase, verdictLabel, verdicts, type EligibilityResult } from '../../machines/frl/engine';
import { expectedVerdictOf } from '../../machines/frl/suite';
import { caseFactsSchema } from '../../machines/frl/facts';
import { caseAsYaml } from '../../machines/frl/regelwerk/bench';
import {
  caseFactsOf,
  caseFormGroups,
  caseFormSchema,
  caseToForm,
  factFieldLabel,
  factFieldOptions,
  formToCase,
  partnerKindOptions,
  type FactField,
} from '../../machines/frl/regelwerk/case-form';
import { routeName } from '../regelwerk/change-preview.server';
import { CheckboxGroup, ErrorSummary, SelectField, TextAreaField, TextField } from '../components/fields';
import { PostForm } from '../components/forms';
import { BenchResult } from '../components/regelwerk/bench-result';
import { RegelwerkNav } from '../components/regelwerk/nav';
import { readProtectedForm } from '../csrf.server';
import { getDb } from '../db.server';
import { draftsForPreview, findSuiteCase, keepDownload, workbenchReaders } from '../regelwerk/workbench.server';
import { rulesOptions, todayInSaxony } from '../rules.server';
import { requireRole } from '../session.server';

/**
 * The test bench without YAML: every fact of a case as a field, the expected verdict, and a case
 * taken from a saved draft (by number; what the applicant wrote in their own words is replaced, so
 * the case carries no text or name of the draft). Checking changes nothing, so the result is the
 * answer to the POST; the YAML download redirects to a file (the form posts as a full page).
 */

export const meta: MetaFunction = () => [{ title: 'Fall im Formular – Prüfstand – Regelwerk – Förderlotse Bürgerbeteiligung' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const url = new URL(request.url);
  const today = todayInSaxony();
  const rules = await rulesOptions();
  const { drafts } = await draftsForPreview(await getDb());
  const draftId = Number(url.searchParams.get('entwurf'));
  const suiteSource = url.searchParams.get('fall');
  let initial: Record<string, unknown> = caseToForm({ referenceDate: today, facts: {} });
  let origin: string | null = null;
  let missing: string | null = null;
  if (url.searchParams.has('entwurf')) {
    const draft = drafts.find((d) => d.id === draftId);
    if (draft) {
      const facts = caseFactsOf(applicationToFacts(draft.data, rules.parameters, today, { documentTypes: draft.attachmentTypes }));
      initial = caseToForm(
        { name: `Fall aus einem Entwurf (${routeName(draft.route)})`, referenceDate: today, facts },
        { anonymise: true },
      );
      origin = `Angaben aus Entwurf Nr. ${draft.id} übernommen, Prüftag heute. Begründungen in eigenen Worten sind durch einen Platzhalter ersetzt, Namen von Partnern weggelassen.`;
    } else missing = 'Diesen Entwurf gibt es nicht (mehr) oder er ist nicht lesbar. Bitte wählen Sie einen aus der Liste.';
  } else if (suiteSource) {
    const parsed = findSuiteCase(suiteSource)?.case;
    if (parsed) {
      initial = caseToForm({
        name: parsed.name,
        referenceDate: String(parsed.referenceDate),
        expectedVerdict: expectedVerdictOf(parsed),
        facts: parsed.facts as never,
      });
      origin = `Fall aus der Testsuite übernommen: ${suiteSource}.`;
    }
  }
  return {
    mayEdit: user.role === 'ministry',
    initial,
    origin,
    missing,
    chosenDraft: url.searchParams.get('entwurf') ?? '',
    source: url.searchParams.has('entwurf') ? `entwurf-${url.searchParams.get('entwurf')}` : suiteSource ? `fall-${suiteSource}` : 'leer',
    drafts: drafts.map((d) => ({
      value: String(d.id),
      label: `Nr. ${d.id} · ${routeName(d.route)}${d.stored ? ` · ${verdictLabel[d.stored.verdict as keyof typeof verdictLabel] ?? ''}` : ''}`,
    })),
  };
}

type Check = { result: EligibilityResult; expectations: { passed: boolean; failures: string[] } | null };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, workbenchReaders);
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: caseFormSchema });
  if (submission.status !== 'success')
    return data<{ result: SubmissionResult<string[]>; check: Check | null }>({ result: submission.reply(), check: null }, { status: 400 });
  const entered = formToCase(submission.value);
  // Rules across fields (an end before the start, a part larger than the whole) come from the facts' own schema.
  const facts = caseFactsSchema.safeParse(entered.facts);
  if (!facts.success) {
    const fieldErrors = Object.fromEntries(facts.error.issues.map((issue) => [issue.path.join('.'), [issue.message]]));
    return data({ result: submission.reply({ fieldErrors }), check: null }, { status: 400 });
  }
  const rules = await rulesOptions();
  const parsed = parseCase({ referenceDate: entered.referenceDate, facts: entered.facts });
  const result = evaluate(parsed.referenceDate, parsed.facts, rules);
  if (formData.get('intent') === 'yaml') {
    const name = entered.name ?? 'Neuer Fall aus dem Prüfstand';
    const yaml = caseAsYaml({
      name,
      referenceDate: entered.referenceDate,
      facts: entered.facts,
      result,
      expectedVerdict: entered.expectedVerdict,
    });
    const file =
      name
        .toLowerCase()
        .replace(/[^a-z0-9äöüß]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'fall';
    const header = `# Erzeugt im Prüfstand des Förderlotsen (Formular); Regelstand ${result.ruleVersion.id}.\n`;
    return redirect(`/regelwerk/pruefstand/download/${await keepDownload(user.id, `${file}.yaml`, header + yaml)}`);
  }
  const expected = entered.expectedVerdict;
  const expectations =
    expected === undefined
      ? null
      : {
          passed: expected === result.verdict,
          failures:
            expected === result.verdict ? [] : [`Erwartet „${verdictLabel[expected]}“, Ergebnis „${verdictLabel[result.verdict]}“.`],
        };
  return data({ result: submission.reply(), check: { result, expectations } as Check | null });
}

/** One fact as a field: yes/no and lists as a choice with "offen", dates and amounts as text. */
function FactInput({ field, fact }: { field: Parameters<typeof TextField>[0]['field']; fact: FactField }) {
  const label = factFieldLabel(fact);
  switch (fact.kind) {
    case 'yesno':
      return (
        <SelectField
          field={field}
          label={label}
          placeholder="offen (nicht angegeben)"
          options={[
            { value: 'ja', label: 'ja' },
            { value: 'nein', label: 'nein' },
          ]}
        />
      );
    case 'choice':
      return <SelectField field={field} label={label} placeholder="offen (nicht angegeben)" options={factFieldOptions(fact)} />;
    case 'date':
      return <TextField field={field} optional label={label} width="short" hint="TT.MM.JJJJ" />;
    case 'euro':
      return <TextField field={field} optional label={`${label} (€)`} width="short" inputMode="decimal" hint="zum Beispiel 12.000,00" />;
    case 'text':
      return <TextAreaField field={field} optional rows={2} label={label} hint="Leer lassen, wenn keine Begründung vorliegt." />;
  }
}

export default function CaseFormPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const check = actionData?.check ?? null;
  return (
    <>
      <p className="caption">
        <Link to="/regelwerk/pruefstand">Prüfstand</Link> · Formular
      </p>
      <h1>Fall im Formular prüfen</h1>
      <RegelwerkNav showStatistics={d.mayEdit} />
      <p className="lead">
        Geben Sie die Angaben eines Falls ein – was Sie offen lassen, bleibt offen wie in einem unvollständigen Antrag – und wählen Sie,
        welches Ergebnis Sie erwarten. Oder übernehmen Sie die Angaben eines gespeicherten Entwurfs.
      </p>

      <section aria-labelledby="entwurf-titel">
        <h2 id="entwurf-titel">Fall aus Entwurf übernehmen</h2>
        {d.missing ? (
          <div className="notice notice--error" role="alert">
            <p>{d.missing}</p>
          </div>
        ) : null}
        {d.drafts.length ? (
          <Form method="get" className="filter-form">
            <div className="field">
              <label htmlFor="entwurf" className="field__label">
                Entwurf
              </label>
              <div id="entwurf-hint" className="field__hint">
                Entwürfe erscheinen nur mit Nummer, Förderweg und gespeichertem Ergebnis.
              </div>
              <select id="entwurf" name="entwurf" className="select" defaultValue={d.chosenDraft} aria-describedby="entwurf-hint">
                {d.drafts.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Angaben übernehmen
            </button>
          </Form>
        ) : (
          <p>Es gibt keine gespeicherten Entwürfe.</p>
        )}
      </section>

      <h2>Angaben des Falls</h2>
      {d.origin ? (
        <p className="notice" role="status">
          {d.origin}
        </p>
      ) : null}
      {/* A new source (another draft or suite case) starts the form afresh with its values. */}
      <CaseFactsForm key={d.source} initial={d.initial} lastResult={actionData?.result} />

      {check ? <BenchResult result={check.result} expectations={check.expectations} /> : null}
    </>
  );
}

function CaseFactsForm({ initial, lastResult }: { initial: Record<string, unknown>; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof caseFormSchema>>({
    id: 'fall-formular',
    lastResult,
    defaultValue: initial,
    constraint: getZodConstraint(caseFormSchema),
    shouldValidate: 'onSubmit',
  });
  return (
    <>
      <ErrorSummary form={form} />
      <PostForm {...getFormProps(form)} reloadDocument noValidate>
        <TextField
          field={fields.name}
          optional
          label="Name des Falls"
          hint="Ein Satz, der sagt, was der Fall zeigt; er wird der Name im YAML-Testfall."
        />
        <TextField
          field={fields.referenceDate}
          label="Prüftag"
          width="short"
          hint="An diesem Tag wird geprüft (Stichtag der Regeln), TT.MM.JJJJ."
        />
        <SelectField
          field={fields.expectedVerdict}
          label="Erwartetes Ergebnis"
          hint="Wählen Sie, was herauskommen soll; der Prüfstand vergleicht es mit dem Ergebnis."
          placeholder="keine Erwartung"
          options={verdicts.map((v) => ({ value: v, label: verdictLabel[v] }))}
        />
        {caseFormGroups.map(({ group, title, fields: facts }) => {
          // The groups' fields are built from caseFormGroups, so they are looked up by key.
          const set = fields[group].getFieldset() as Record<string, Parameters<typeof TextField>[0]['field']>;
          return (
            <fieldset key={group} className="fieldset-group">
              <legend>{title}</legend>
              {group === 'verbund' ? (
                <>
                  <SelectField
                    field={fields.isVerbund}
                    label="Antrag im Verbund mehrerer Kommunen"
                    placeholder="offen (nicht angegeben)"
                    options={[
                      { value: 'ja', label: 'ja' },
                      { value: 'nein', label: 'nein' },
                    ]}
                  />
                  <SelectField
                    field={fields.partnersListed}
                    label="Partner einzeln aufgeführt"
                    hint="Ja: je angekreuzter Art unten ein Partner (auch keiner). Sonst zählt die Antwort auf „alle Verbundpartner sind Gebietskörperschaften“."
                    placeholder="offen (nicht angegeben)"
                    options={[
                      { value: 'ja', label: 'ja' },
                      { value: 'nein', label: 'nein' },
                    ]}
                  />
                  <CheckboxGroup field={fields.partnerKinds} legend="Arten der Verbundpartner (optional)" options={partnerKindOptions} />
                </>
              ) : null}
              {facts.map((fact) => (
                <FactInput key={fact.key} field={set[fact.key]!} fact={fact} />
              ))}
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="submit" name="intent" value="pruefen" className="button">
            Fall prüfen
          </button>
          <button type="submit" name="intent" value="yaml" className="button button--secondary">
            Als YAML-Testfall herunterladen
          </button>
        </div>
      </PostForm>
    </>
  );
}
