import { costCategories } from '../../../machines/frl/catalogues';
import { formatEuro } from '../../../machines/shared/format';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '../fields';
import { AddRowButton, HiddenId, RemoveRowButton, Section, rowsOf, yesNoOptions, type Fields } from './common';

export interface BudgetView {
  years: number[];
  part: 'A' | 'B' | null;
  vatDeductible: boolean | undefined;
  totals: {
    expenditure: string;
    eligible: string;
    ineligible: string | null;
    inKind: string;
    financing: string;
    gapCents: number;
    gap: string;
    proposedGrant: string | null;
    grant: string;
    grantIsProposal: boolean;
    byCategory: Array<{ label: string; amount: string }>;
    byYear: Array<{ year: string; amount: string }>;
  } | null;
  cap: string | null;
  minimumWageHint: string;
}

const kindOptions = [
  { value: 'menge', label: 'Menge × Einzelpreis' },
  { value: 'personal', label: 'Stunden × Stundensatz (Personal)' },
  { value: 'pauschal', label: 'Pauschalbetrag' },
];

export function BudgetStep({ fields, view }: { fields: Fields; view: BudgetView }) {
  const f = (name: string) => fields[name]!;
  const lines = rowsOf(f('lines'));
  const inKind = rowsOf(f('inKind'));
  const donations = rowsOf(f('donations'));
  const otherPublic = rowsOf(f('otherPublic'));
  const yearOptions = view.years.map((y) => ({ value: String(y), label: String(y) }));
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
      <Section id="ausgaben" title="Ausgaben" hint="Eine Zeile je Ausgabe. Beträge in Euro, zum Beispiel 1.234,56.">
        {lines.map((row, index) => (
          <div className="row-card" key={row.id!.key ?? index} id={`zeile-${String(row.id!.initialValue ?? index)}`}>
            <div className="row-card__head">
              <h3>Ausgabe {index + 1}</h3>
              <RemoveRowButton list="lines" id={String(row.id!.initialValue ?? '')} label={`Ausgabe ${index + 1}`} />
            </div>
            <HiddenId field={row.id!} />
            <SelectField field={row.category!} label="Kategorie" options={costCategories.map((c) => ({ value: c.id, label: c.label }))} />
            <TextField field={row.description!} label="Beschreibung" />
            <SelectField field={row.kind!} label="Berechnung" options={kindOptions} />
            <TextField field={row.quantity!} label="Menge oder Stunden" width="short" inputMode="decimal" hint="Bei Pauschalbetrag leer lassen." />
            <TextField field={row.unitPrice!} label="Einzelpreis oder Stundensatz in Euro" width="medium" inputMode="decimal" />
            <TextField field={row.amount!} label="Pauschalbetrag in Euro" width="medium" inputMode="decimal" hint="Nur bei Pauschalbetrag." />
            <SelectField field={row.year!} label="Kalenderjahr" options={yearOptions} />
            <TextField field={row.note!} optional label="Anmerkung" />
          </div>
        ))}
        <AddRowButton list="lines" label="Ausgabe hinzufügen" />
      </Section>
      {view.part === 'B' ? (
        <Section
          id="eigenleistungen"
          title="Unbare Eigenleistungen"
          hint={`Ehrenamtliche Stunden (nur unterstützendes Engagement) werden mit dem gesetzlichen Mindestlohn des Monats bewertet, in dem sie geleistet werden (${view.minimumWageHint}); Räume mit der ortsüblichen Miete. Sie stehen auf beiden Seiten des Plans und dürfen höchstens die Hälfte des Eigenanteils ausmachen (FRL Teil 2 B V Nr. 5).`}
        >
          {inKind.map((row, index) => (
            <div className="row-card" key={row.id!.key ?? index}>
              <div className="row-card__head">
                <h3>Eigenleistung {index + 1}</h3>
                <RemoveRowButton list="inKind" id={String(row.id!.initialValue ?? '')} label={`Eigenleistung ${index + 1}`} />
              </div>
              <HiddenId field={row.id!} />
              <SelectField
                field={row.kind!}
                label="Art"
                options={[
                  { value: 'ehrenamt', label: 'Ehrenamtliche Arbeitsstunden' },
                  { value: 'raum', label: 'Raummiete (Sachleistung)' },
                ]}
              />
              <TextField field={row.description!} label="Beschreibung" />
              <TextField field={row.quantity!} label="Stunden oder Einheiten" width="short" inputMode="decimal" />
              <TextField field={row.period!} label="Monat der Arbeit (bei Ehrenamt)" hint="MM.JJJJ, zum Beispiel 04.2027" width="short" />
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
            <CheckboxField field={row.earmarked!} label="Zweckgebunden für dieses Vorhaben" hint="Zweckgebundene Mittel über den Eigenanteil hinaus mindern die Zuwendung (ANBest Nr. 1.2)." />
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
        {view.totals?.proposedGrant ? (
          <p>
            Höchstmögliche Zuwendung nach Ihrem Plan: <strong>{view.totals.proposedGrant}</strong> (90 % der zuwendungsfähigen Ausgaben
            {view.cap ? `, höchstens ${view.cap}` : ''}, auf volle Euro abgerundet).
          </p>
        ) : null}
        <TextField
          field={f('requestedGrant')}
          label="Beantragte Zuwendung in Euro"
          hint="Leer lassen, um die höchstmögliche Zuwendung zu beantragen. Sie können weniger beantragen."
          width="medium"
          inputMode="decimal"
        />
        <TextAreaField field={f('capExceedReason')} label="Nur bei mehr als dem Höchstbetrag: Begründung" rows={3} />
      </Section>
      {view.totals ? <BudgetSummary totals={view.totals} /> : null}
    </>
  );
}

export function BudgetSummary({ totals }: { totals: NonNullable<BudgetView['totals']> }) {
  return (
    <section className="form-section" aria-labelledby="summen-titel" id="summen">
      <h2 id="summen-titel">Summen</h2>
      <dl className="summary-list">
        <div>
          <dt>Gesamtausgaben</dt>
          <dd>{totals.expenditure}</dd>
        </div>
        {totals.ineligible ? (
          <div>
            <dt>davon nicht zuwendungsfähig</dt>
            <dd>{totals.ineligible}</dd>
          </div>
        ) : null}
        <div>
          <dt>Zuwendungsfähige Ausgaben</dt>
          <dd>{totals.eligible}</dd>
        </div>
        <div>
          <dt>Finanzierung gesamt</dt>
          <dd>{totals.financing}</dd>
        </div>
        <div>
          <dt>Beantragte Zuwendung</dt>
          <dd>
            {totals.grant}
            {totals.grantIsProposal ? ' (höchstmöglich)' : ''}
          </dd>
        </div>
        <div>
          <dt>Differenz</dt>
          <dd>{totals.gapCents === 0 ? 'ausgeglichen' : totals.gapCents > 0 ? `${totals.gap} fehlen` : `${totals.gap} zu viel`}</dd>
        </div>
      </dl>
      <div className="table-scroll" role="region" aria-label="Ausgaben nach Kategorie" tabIndex={0}>
        <table className="table">
          <caption>Ausgaben nach Kategorie</caption>
          <thead>
            <tr>
              <th scope="col">Kategorie</th>
              <th scope="col" className="num">
                Betrag
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.byCategory.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                <td className="num">{c.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" role="region" aria-label="Ausgaben nach Kalenderjahr" tabIndex={0}>
        <table className="table">
          <caption>Ausgaben nach Kalenderjahr</caption>
          <thead>
            <tr>
              <th scope="col">Jahr</th>
              <th scope="col" className="num">
                Betrag
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.byYear.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">{y.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

