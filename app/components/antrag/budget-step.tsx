import { CommentMarker } from '../beratung/comments';
import { lineTotalCents, type BudgetTotals } from '../../../machines/frl/application/budget';
import { lenientBudget } from '../../../machines/frl/application/codecs/kosten';
import type { ApplicationData } from '../../../machines/frl/application/schema';
import { CostSuggestions, type CostSuggestionView } from '../methoden/cost-suggestions';
import { inKindKindLabel } from '../../../machines/frl/catalogues';
import { formatEuroWhole } from '../../../machines/shared/format';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { BudgetLinesEditor } from './budget-lines-editor';
import { BudgetSummary } from './budget-summary';
import { AddRowButton, HiddenId, RemoveRowButton, Section, rowsOf, yesNoOptions, type Fields } from './common';

export interface BudgetView {
  years: number[];
  part: 'A' | 'B' | null;
  vatDeductible: boolean | undefined;
  totals: BudgetTotals | null;
  cap: string | null;
  /** Help texts naming parameters in force (machines/frl/wording.ts). */
  inKindHint: string;
  proposalBasis: string;
  /** The stored application: lines that cannot be read yet count 0 against it. */
  live: { data: ApplicationData };
  /** The id of the line opened for editing by the address (without JavaScript). */
  openLine: string | null;
  /** The CSV import of cost lines (ADR 0078); null when the draft cannot be changed. */
  importHref: string | null;
  /** How many lines a CSV import has just added (the import redirects here with `?importiert=N`). */
  imported: number | null;
}

/** The lines as the form holds them, read leniently (what cannot be read counts 0), in form order. */
function amountsOf(payload: Record<string, unknown>, data: ApplicationData): number[] {
  return lenientBudget(payload, data).budget.lines.map(lineTotalCents);
}

/** What the fields hold now, as a payload (the server's render and the browser's first render agree). */
function payloadOfRows(rows: Fields[]): Record<string, unknown> {
  // The fieldset is a proxy without own keys: its fields are asked for by name.
  const keys = ['id', 'category', 'kind', 'quantity', 'unitPrice', 'amount', 'year'] as const;
  return { lines: rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]?.initialValue]))) };
}

export function BudgetStep({
  fields,
  view,
  suggestions = [],
  editable = true,
}: {
  fields: Fields;
  view: BudgetView;
  suggestions?: CostSuggestionView[];
  /** False once the draft is locked: lines cannot be opened, nothing is recalculated. */
  editable?: boolean;
}) {
  const f = (name: string) => fields[name]!;
  const lines = rowsOf(f('lines'));
  const totals = view.totals;
  const lineCents = amountsOf(payloadOfRows(lines), view.live.data);
  const inKind = rowsOf(f('inKind'));
  const donations = rowsOf(f('donations'));
  const otherPublic = rowsOf(f('otherPublic'));
  return (
    <>
      <Section id="umsatzsteuer" title="Umsatzsteuer">
        <RadioGroup
          field={f('vatDeductible')}
          legend="Ist Ihre Organisation für dieses Vorhaben zum Vorsteuerabzug berechtigt (§ 15 UStG)?"
          hint="Wenn ja, geben Sie alle Beträge netto an; abziehbare Vorsteuer ist nicht zuwendungsfähig (VwV zu § 44 SäHO Nr. 2.6)."
          options={yesNoOptions}
          inline
        />
        {view.vatDeductible ? <p className="notice">Alle Beträge in diesem Plan sind Nettobeträge (ohne Umsatzsteuer).</p> : null}
      </Section>
      <CostSuggestions suggestions={suggestions} />
      <Section
        id="ausgaben"
        title="Ausgaben"
        hint="Eine Zeile je Ausgabe. Beträge in Euro, zum Beispiel 1.234,56. Bei Pauschalbetrag bleiben Menge und Einzelpreis leer; sonst bleibt der Pauschalbetrag leer."
      >
        {lines.length ? (
          <BudgetLinesEditor
            rows={lines}
            years={view.years}
            lineCents={lineCents}
            openLine={editable ? view.openLine : null}
            editable={editable}
          />
        ) : (
          <p>Noch keine Ausgaben. Fügen Sie die erste Ausgabe hinzu.</p>
        )}
        <div className="button-row">
          <AddRowButton list="lines" label="Ausgabe hinzufügen" />
          {/* public/js/wizard.js hides it: with JavaScript the sums follow every keystroke. */}
          {editable ? (
            <button type="submit" name="intent" value="berechnen" className="button button--secondary" formNoValidate data-recalculate="">
              Neu berechnen
            </button>
          ) : null}
        </div>
        {editable && view.importHref ? (
          <p>
            Eine Liste aus einer Tabelle? <a href={view.importHref}>Ausgaben aus CSV-Datei übernehmen</a>
          </p>
        ) : null}
      </Section>
      {view.part === 'B' ? (
        <Section id="eigenleistungen" title="Unbare Eigenleistungen" hint={view.inKindHint}>
          {inKind.map((row, index) => (
            <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
              <div className="row-card__head">
                <h3>Eigenleistung {index + 1}</h3>
                <CommentMarker name={`inKind[id=${String(row.id!.initialValue ?? '')}]`} />
                <RemoveRowButton list="inKind" id={String(row.id!.initialValue ?? '')} label={`Eigenleistung ${index + 1}`} />
              </div>
              <HiddenId field={row.id!} />
              <SelectField
                field={row.kind!}
                label="Art"
                options={(['ehrenamt', 'raum'] as const).map((value) => ({ value, label: inKindKindLabel[value] }))}
              />
              <TextField field={row.description!} label="Beschreibung" />
              <TextField field={row.quantity!} label="Stunden oder Einheiten" width="short" inputMode="decimal" />
              <TextField
                field={row.period!}
                label="Monat (der Arbeit oder der Raumnutzung)"
                hint="MM.JJJJ, zum Beispiel 04.2027"
                width="short"
              />
              <CheckboxField field={row.supportingOnly!} label="Es handelt sich um unterstützendes ehrenamtliches Engagement." />
              <TextField field={row.unitRate!} label="Miete je Einheit in Euro (bei Raum)" width="medium" inputMode="decimal" />
              <TextField field={row.rentSource!} label="Quelle der Miete (Mietspiegel oder ortsübliche Miete)" />
            </div>
          ))}
          <AddRowButton list="inKind" label="Eigenleistung hinzufügen" />
        </Section>
      ) : null}
      <Section id="finanzierung" title="Finanzierung">
        <TextField field={f('ownCash')} label="Eigenmittel in Geld (Euro)" width="medium" inputMode="decimal" />
        <h3>Spenden und Mittel Dritter</h3>
        {donations.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index}>
            <div className="row-card__head">
              <h4>Spende {index + 1}</h4>
              <RemoveRowButton list="donations" id={String(row.id!.initialValue ?? '')} label={`Spende ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <TextField field={row.donor!} label="Geldgeberin oder Geldgeber" />
            <TextField field={row.amount!} label="Betrag in Euro" width="medium" inputMode="decimal" />
            <CheckboxField
              field={row.earmarked!}
              label="Zweckgebunden für dieses Vorhaben"
              hint="Zweckgebundene Mittel über den Eigenanteil hinaus mindern die Zuwendung (ANBest Nr. 1.2)."
            />
          </div>
        ))}
        <AddRowButton list="donations" label="Spende oder Sponsoring hinzufügen" />
        <h3>Andere öffentliche Mittel</h3>
        {otherPublic.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index}>
            <div className="row-card__head">
              <h4>Öffentliche Mittel {index + 1}</h4>
              <RemoveRowButton list="otherPublic" id={String(row.id!.initialValue ?? '')} label={`Öffentliche Mittel ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <TextField field={row.funder!} label="Förderstelle oder Programm" />
            <TextField field={row.amount!} label="Betrag in Euro" width="medium" inputMode="decimal" />
            <SelectField
              field={row.status!}
              label="Stand"
              options={[
                { value: 'beantragt', label: 'beantragt' },
                { value: 'bewilligt', label: 'bewilligt' },
              ]}
            />
          </div>
        ))}
        <AddRowButton list="otherPublic" label="Öffentliche Mittel hinzufügen" />
        <h3>Beantragte Zuwendung</h3>
        <div aria-live="polite" data-budget-grant="">
          <ProposedGrant totals={totals} basis={view.proposalBasis} />
        </div>
        <TextField
          field={f('requestedGrant')}
          label="Beantragte Zuwendung in Euro"
          hint="Leer lassen, um die höchstmögliche Zuwendung zu beantragen. Sie können weniger beantragen."
          width="medium"
          inputMode="decimal"
        />
        <TextAreaField field={f('capExceedReason')} label="Nur bei mehr als dem Höchstbetrag: Begründung" rows={3} />
      </Section>
      <div data-budget-summary="">
        {totals ? (
          <BudgetSummary
            totals={totals}
            cap={view.cap}
            notice={view.imported === null ? null : view.imported === 1 ? '1 Ausgabe übernommen.' : `${view.imported} Ausgaben übernommen.`}
          />
        ) : null}
      </div>
    </>
  );
}

/** The highest possible grant under the plan as it stands (the live sums replace it while the user types). */
export function ProposedGrant({ totals, basis }: { totals: BudgetTotals | null; basis: string }) {
  if (totals?.proposedGrantCents == null) return null;
  return (
    <p>
      Höchstmögliche Zuwendung nach Ihrem Plan: <strong>{formatEuroWhole(totals.proposedGrantCents)}</strong> ({basis}).
    </p>
  );
}
