import { addAdvisorSchema, completeSchema, returnSchema } from '../../../machines/frl/advice/forms';
import { CheckboxField, SelectField, TextAreaField } from '../fields';
import { AdviceForm } from './status-forms';

/** The advisor's decisions on a draft in advice: return it, complete the advice, or bring in a colleague. */
export function AdviceDecisionSection({
  reviewVersion,
  version,
  addable,
}: {
  reviewVersion: number;
  version: number;
  /** Colleagues who may be brought in; empty when no one (more) can be. */
  addable: Array<{ value: string; label: string }>;
}) {
  return (
    <section aria-labelledby="entscheidung">
      <h2 id="entscheidung">Beratung abschließen oder zurückgeben</h2>
      <div className="two-columns">
        <div>
          <h3>Zur Überarbeitung zurückgeben</h3>
          <AdviceForm
            intent="beratung.zurueckgeben"
            schema={returnSchema}
            reviewVersion={reviewVersion}
            submitLabel="Zurückgeben"
            buttonClass="button button--warning"
          >
            {(f) => (
              <TextAreaField
                field={f.reason!}
                label="Begründung"
                hint="Die Organisation sieht die Begründung. Was soll sie überarbeiten? Mindestens 10 Zeichen."
                rows={4}
              />
            )}
          </AdviceForm>
        </div>
        <div>
          <h3>Beratung abschließen</h3>
          <AdviceForm
            intent="beratung.abschliessen"
            schema={completeSchema}
            reviewVersion={reviewVersion}
            submitLabel="Beratung abschließen"
          >
            {(f) => (
              <>
                <input type="hidden" name="version" value={version} />
                <CheckboxField
                  field={f.ready!}
                  label="Aus Sicht der Beratung einreichungsfähig"
                  hint="Eine Einschätzung der Beratung, keine Entscheidung der SAB."
                />
                <TextAreaField field={f.note!} label="Abschließende Anmerkung" optional rows={3} />
              </>
            )}
          </AdviceForm>
        </div>
      </div>
      {addable.length ? (
        <>
          <h3>Kollegin oder Kollegen hinzuziehen</h3>
          <AdviceForm
            intent="beratung.hinzuziehen"
            schema={addAdvisorSchema}
            reviewVersion={reviewVersion}
            submitLabel="Hinzuziehen"
            buttonClass="button button--secondary"
          >
            {(f) => <SelectField field={f.advisor!} label="Beraterin oder Berater" options={addable} />}
          </AdviceForm>
        </>
      ) : null}
    </section>
  );
}
