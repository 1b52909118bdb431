import type { ReceiptField } from '../../../machines/umsetzung/receipts';
import { MessageSummary } from '../fields';
import { PostForm } from '../forms';
import { PlainSelect, PlainText, plainId, summaryOf } from './plain-fields';

export const receiptFieldOrder: ReceiptField[] = [
  'lineId',
  'invoicedOn',
  'paidOn',
  'orderedOn',
  'payee',
  'purpose',
  'netCents',
  'grossCents',
  'asset',
];

/** The fields of one receipt, for adding and for editing. Amounts and dates as people type them. */
export function ReceiptForm({
  form,
  values,
  errors,
  lines,
  vatDeductible,
  intent,
  submitLabel,
  hidden,
}: {
  form: string;
  values: Partial<Record<ReceiptField, string>>;
  errors: Partial<Record<ReceiptField, string>> | undefined;
  lines: ReadonlyArray<{ value: string; label: string }>;
  vatDeductible: boolean;
  intent: string;
  submitLabel: string;
  hidden?: Record<string, string>;
}) {
  const e = errors ?? {};
  return (
    <>
      <MessageSummary id={`${form}-fehler`} errors={summaryOf(form, e as Record<string, string>, receiptFieldOrder)} />
      <PostForm id={form} noValidate>
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <PlainSelect
          form={form}
          name="lineId"
          label="Position des Finanzierungsplans"
          value={values.lineId}
          error={e.lineId}
          options={lines}
        />
        <PlainText
          form={form}
          name="invoicedOn"
          label="Rechnungsdatum"
          hint="TT.MM.JJJJ"
          value={values.invoicedOn}
          error={e.invoicedOn}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={form}
          name="paidOn"
          label="Zahlungsdatum"
          optional
          hint="Leer lassen, solange die Rechnung nicht bezahlt ist."
          value={values.paidOn}
          error={e.paidOn}
          width="short"
          inputMode="numeric"
        />
        <PlainText
          form={form}
          name="orderedOn"
          label="Auftragsdatum"
          optional
          value={values.orderedOn}
          error={e.orderedOn}
          width="short"
          inputMode="numeric"
        />
        <PlainText form={form} name="payee" label="Empfänger" value={values.payee} error={e.payee} width="medium" />
        <PlainText form={form} name="purpose" label="Grund der Zahlung" value={values.purpose} error={e.purpose} />
        <PlainText
          form={form}
          name="netCents"
          label="Betrag netto in Euro"
          optional={!vatDeductible}
          hint={
            vatDeductible
              ? 'Sie sind zum Vorsteuerabzug berechtigt: der Nettobetrag zählt. Abzüglich in Anspruch genommener Skonti.'
              : undefined
          }
          value={values.netCents}
          error={e.netCents}
          width="medium"
          inputMode="decimal"
        />
        <PlainText
          form={form}
          name="grossCents"
          label="Betrag brutto in Euro"
          optional={vatDeductible}
          hint={vatDeductible ? undefined : 'Der Bruttobetrag zählt (kein Vorsteuerabzug). Abzüglich in Anspruch genommener Skonti.'}
          value={values.grossCents}
          error={e.grossCents}
          width="medium"
          inputMode="decimal"
        />
        <div className="field">
          <div className="choice">
            <input
              type="checkbox"
              id={plainId(form, 'asset')}
              name="asset"
              value="ja"
              defaultChecked={values.asset === 'ja'}
              className="choice__input"
            />
            <label htmlFor={plainId(form, 'asset')} className="choice__label">
              Das ist ein angeschaffter Gegenstand (für das Inventar)
            </label>
          </div>
        </div>
        <button type="submit" name="intent" value={intent} className="button">
          {submitLabel}
        </button>
      </PostForm>
    </>
  );
}
