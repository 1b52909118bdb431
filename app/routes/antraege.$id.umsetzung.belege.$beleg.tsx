import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { isoToGerman } from '../../machines/shared/dates';
import { formatCentsForInput } from '../../machines/shared/format';
import { parseReceiptForm, type ReceiptFormValues } from '../../machines/umsetzung/receipts';
import { ReceiptForm } from '../components/umsetzung/receipt-form';
import { readProtectedForm } from '../csrf.server';
import { requireApplicant } from '../session.server';
import { receiptValuesFrom, requireImplementation } from '../umsetzung/implementation.server';
import { changeReceipt, findReceiptOf } from '../umsetzung/records.server';

export const meta: MetaFunction = () => [{ title: 'Beleg ändern – Förderlotse Bürgerbeteiligung' }];

async function requireReceipt(request: Request, params: { id?: string; beleg?: string }) {
  const user = await requireApplicant(request);
  const loaded = await requireImplementation(user, params.id);
  const receiptId = Number(params.beleg);
  const row = Number.isInteger(receiptId) && receiptId > 0 ? await findReceiptOf(loaded.row.id, receiptId) : undefined;
  if (!row) throw new Response('Nicht gefunden', { status: 404 });
  return { user, loaded, row };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded, row } = await requireReceipt(request, params);
  const values: ReceiptFormValues = {
    lineId: row.line_id,
    invoicedOn: isoToGerman(row.invoiced_on),
    paidOn: isoToGerman(row.paid_on),
    orderedOn: isoToGerman(row.ordered_on),
    payee: row.payee,
    purpose: row.purpose,
    netCents: formatCentsForInput(row.net_cents),
    grossCents: formatCentsForInput(row.gross_cents),
    asset: row.asset ? 'ja' : '',
  };
  return {
    id: loaded.application.row.id,
    receiptId: row.id,
    values,
    lines: loaded.bescheid.lines.map((l) => ({ value: l.id, label: l.label })),
    vatDeductible: loaded.bescheid.vatDeductible,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readProtectedForm(request);
  const { user, loaded, row } = await requireReceipt(request, params);
  const values = receiptValuesFrom(form);
  const parsed = parseReceiptForm(values, loaded.bescheid);
  if (!parsed.ok) return data({ values, errors: parsed.errors }, { status: 400 });
  await changeReceipt(loaded.row.id, row.id, parsed.receipt, user.id);
  return redirect(`/antraege/${loaded.application.row.id}/umsetzung/belege?hinweis=geaendert`);
}

export default function EditReceipt() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p className="caption">
        <Link to={`/antraege/${d.id}/umsetzung/belege`}>Zurück zur Belegliste</Link>
      </p>
      <h1>Beleg ändern</h1>
      <ReceiptForm
        form="beleg"
        values={result?.values ?? d.values}
        errors={result?.errors}
        lines={d.lines}
        vatDeductible={d.vatDeductible}
        intent="save"
        submitLabel="Änderung speichern"
      />
    </>
  );
}
