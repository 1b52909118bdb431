import { FormProvider, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { createContext, useContext, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createRemixStub } from '@remix-run/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApplicantStep } from '../../app/components/antrag/applicant-step';
import { BudgetStep, type BudgetView } from '../../app/components/antrag/budget-step';
import type { Fields } from '../../app/components/antrag/common';
import { DeclarationsStep } from '../../app/components/antrag/declarations-step';
import { ProjectStep } from '../../app/components/antrag/project-step';
import { ScheduleStep } from '../../app/components/antrag/schedule-step';
import { ErrorSummary, TextAreaField, TextField } from '../../app/components/fields';
import { flatten, toFormData } from '../../app/utils/form-data';
import { renderedFields, type FieldConstraint } from '../../app/components/rendered-fields';
import { codecFor } from '../../machines/frl/application/codecs';
import { partOf } from '../../machines/frl/application/steps';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { fundingRoutes, type FundingRoute } from '../../machines/frl/routes';
import { sampleGemeindeApplication, sampleVereinApplication } from '../support/sample-application';

/**
 * ADR 0088: the wizard's steps are rendered with plain field objects instead of Conform's field
 * proxies. Every step, with a complete draft and with refused input (errors, rows with faults, an
 * unknown choice), must give exactly the HTML it gives with Conform's own fields.
 */

type FormStep = 'antragsteller' | 'vorhaben' | 'zeitplan' | 'kosten' | 'erklaerungen';
const steps: FormStep[] = ['antragsteller', 'vorhaben', 'zeitplan', 'kosten', 'erklaerungen'];
const noId = () => '';

function budgetView(data: ApplicationData): BudgetView {
  return {
    years: [2027, 2028],
    part: partOf(data),
    vatDeductible: data.budget.vatDeductible,
    totals: null,
    cap: '10.000,00 €',
    inKindHint: 'Eigenleistungen: höchstens ein Viertel.',
    proposalBasis: 'Vorschlag nach Anteil',
    live: { data },
    openLine: data.budget.lines[1]?.id ?? null,
    importHref: '/antraege/1/kosten/importieren',
    imported: null,
  };
}

function StepOf({ step, fields, data }: { step: FormStep; fields: Fields; data: ApplicationData }) {
  const part = partOf(data);
  switch (step) {
    case 'antragsteller':
      return <ApplicantStep fields={fields} part={part} />;
    case 'vorhaben': {
      const hints = Object.fromEntries(fundingRoutes.map((r) => [r, `Hinweis ${r}`])) as Record<FundingRoute, string>;
      return <ProjectStep fields={fields} part={part} routeHints={hints} applicationId={1} />;
    }
    case 'zeitplan':
      return <ScheduleStep fields={fields} durationHint="höchstens 12 Monate" />;
    case 'kosten':
      return <BudgetStep fields={fields} view={budgetView(data)} />;
    case 'erklaerungen':
      return <DeclarationsStep fields={fields} part={part} usesPortal={data.project.usesBeteiligungsportal === true} />;
  }
}

function Page({
  step,
  data,
  values,
  lastResult,
  plain,
}: {
  step: FormStep;
  data: ApplicationData;
  values: Record<string, unknown>;
  lastResult: SubmissionResult<string[]> | undefined;
  plain: boolean;
}) {
  const schema = codecFor(step).schema(noId);
  const constraint = getZodConstraint(schema) as Record<string, FieldConstraint>;
  const [form, conformFields] = useForm<Record<string, any>, unknown>({
    id: `antrag-${step}-v3`,
    lastResult,
    defaultValue: values,
    constraint,
  });
  const fields = plain ? renderedFields(form, constraint) : conformFields;
  return (
    <>
      <ErrorSummary form={form} order={Object.keys(schema.shape)} />
      <FormProvider context={form.context}>
        <form id={form.id}>
          <StepOf step={step} fields={fields} data={data} />
        </form>
      </FormProvider>
    </>
  );
}

/** Input a person could send that each step refuses in many places: every value spoilt in turn. */
function refusedInput(step: FormStep, values: Record<string, unknown>): Record<string, unknown> {
  let n = 0;
  const spoil = (value: unknown, key: string): unknown => {
    if (key === 'id') return value;
    if (Array.isArray(value)) return value.map((item) => spoil(item, ''));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spoil(v, k)]));
    n += 1;
    return ['', 'x'.repeat(20_001), 'vielleicht', '1.2.3'][n % 4];
  };
  const spoilt = spoil(values, '') as Record<string, unknown>;
  if (step === 'kosten') spoilt.lines = [...((spoilt.lines as unknown[]) ?? []), { id: '', category: 'unbekannt', amount: '1.2.3' }];
  return spoilt;
}

/** React's development build warns that the router's layout effects do nothing on the server. */
const Shown = createContext<ReactNode>(null);

function ShownNode() {
  return useContext(Shown);
}

const Stub = createRemixStub([{ path: '/antraege/1/:schritt', Component: ShownNode }]);

function render(node: ReactNode): string {
  const logged: string[] = [];
  const previous = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  try {
    return renderToStaticMarkup(
      <Shown.Provider value={node}>
        <Stub initialEntries={['/antraege/1/vorhaben']} />
      </Shown.Provider>,
    );
  } finally {
    console.error = previous;
    expect(logged.filter((line) => !line.includes('useLayoutEffect does nothing on the server'))).toEqual([]);
  }
}

describe('plain fields render each wizard step as Conform’s fields do', () => {
  for (const [sample, data] of [
    ['Verein', sampleVereinApplication()],
    ['Gemeinde', sampleGemeindeApplication()],
  ] as const) {
    for (const step of steps) {
      it(`${step}, ${sample}: the stored draft`, () => {
        const values = codecFor(step).values(data) as Record<string, unknown>;
        const conform = render(<Page step={step} data={data} values={values} lastResult={undefined} plain={false} />);
        const plain = render(<Page step={step} data={data} values={values} lastResult={undefined} plain />);
        expect(conform).toContain(`id="antrag-${step}-v3"`);
        expect(plain).toBe(conform);
      });

      it(`${step}, ${sample}: refused input with its errors`, () => {
        const values = codecFor(step).values(data) as Record<string, unknown>;
        const input = refusedInput(step, values);
        const lastResult = parseWithZod(toFormData(flatten(input)), { schema: codecFor(step).schema(noId) }).reply();
        expect(Object.keys(lastResult.error ?? {}).length).toBeGreaterThan(0);
        const conform = render(<Page step={step} data={data} values={values} lastResult={lastResult} plain={false} />);
        const plain = render(<Page step={step} data={data} values={values} lastResult={lastResult} plain />);
        expect(conform).toContain('field__error');
        expect(plain).toBe(conform);
      });
    }
  }
});

// The wizard's schemas give no HTML constraints (a draft may be incomplete); other forms do.
const schema = z.object({
  title: z.string().min(2).max(10),
  count: z.coerce.number().min(1).max(9),
  rows: z.array(z.object({ name: z.string().max(5), note: z.string().optional() })).min(1),
});
// A plain copy: `getZodConstraint` answers `rows[0].name` itself, and a form's constraints need not.
const constraint: Record<string, FieldConstraint> = { ...getZodConstraint(schema) };

function Small({ plain, lastResult }: { plain: boolean; lastResult?: SubmissionResult<string[]> }) {
  const [form, conformFields] = useForm<Record<string, any>, unknown>({
    id: 'klein',
    lastResult,
    defaultValue: { title: 'Titel', count: 3, rows: [{ name: 'a' }, { name: 'b', note: 'n' }] },
    constraint,
  });
  const fields = plain ? renderedFields(form, constraint) : conformFields;
  const rows = (fields.rows as FieldMetadata<Array<{ name: string; note?: string }>, any, string[]>).getFieldList();
  return (
    <form id={form.id}>
      <TextField field={fields.title!} label="Titel" />
      <TextField field={fields.count!} label="Anzahl" inputMode="numeric" />
      {rows.map((row) => {
        const cells = row.getFieldset();
        return (
          <fieldset key={row.name} data-valid={String(row.valid)} data-errors={Object.keys(row.allErrors).join(' ')}>
            <TextField field={cells.name} label="Name" />
            <TextAreaField field={cells.note} label="Notiz" optional />
          </fieldset>
        );
      })}
    </form>
  );
}

describe('plain fields carry the constraints, values and errors Conform gives', () => {
  it('with values only', () => {
    const conform = render(<Small plain={false} />);
    // title, count and each row's name (found under `rows[].name`); the notes are optional.
    expect(conform.match(/required=""/g)).toHaveLength(4);
    expect(render(<Small plain />)).toBe(conform);
  });

  it('with the errors of a refused post, in rows too', () => {
    const form = new FormData();
    const input: Array<[string, string]> = [
      ['title', 'x'],
      ['count', '12'],
      ['rows[0].name', 'zu langer Name'],
      ['rows[1].name', 'b'],
    ];
    for (const [name, value] of input) form.append(name, value);
    const lastResult = parseWithZod(form, { schema }).reply();
    const conform = render(<Small plain={false} lastResult={lastResult} />);
    expect(conform).toContain('data-valid="false" data-errors="rows[0].name"');
    expect(conform).toContain('data-valid="true"');
    expect(render(<Small plain lastResult={lastResult} />)).toBe(conform);
  });
});
