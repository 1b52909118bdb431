import { formatDate } from '../../machines/shared/format';
import { ScrollTable } from './scroll-table';

/**
 * The legal source of a dated parameter value: its reference, the publication that set it (values
 * shipped with the code have none) and, where no source settles the value, the assumption behind it.
 */
export function ParameterSource({
  reference,
  publication,
  assumption,
  showShipped = false,
}: {
  reference: string;
  publication?: number | null;
  assumption?: string | null;
  /** Say "(mitgeliefert)" for values that came with the code rather than a publication. */
  showShipped?: boolean;
}) {
  return (
    <>
      {reference}
      {publication ? ` (Veröffentlichung Nr. ${publication})` : showShipped ? ' (mitgeliefert)' : null}
      {assumption ? (
        <>
          {' '}
          <span className="tag tag--blue">Annahme</span> {assumption}
        </>
      ) : null}
    </>
  );
}

export interface ParameterValuesRow {
  id: string;
  label: string;
  values: Array<{
    from: string;
    value: string;
    reference: string;
    publication?: number | null;
    assumption?: string | null;
    inForce?: boolean;
  }>;
}

type ParameterValue = ParameterValuesRow['values'][number];

/** The column headers of `ParameterValueCells`. */
export function ParameterValueHeaders() {
  return (
    <>
      <th scope="col">gilt ab</th>
      <th scope="col">Wert</th>
      <th scope="col">Fundstelle</th>
    </>
  );
}

/** One dated value as three cells: from when (and whether it is in force today), the value, its source. */
export function ParameterValueCells({ value: v, showShipped = false }: { value: ParameterValue; showShipped?: boolean }) {
  return (
    <>
      <td>
        {formatDate(v.from)}
        {v.inForce ? <span className="tag tag--green"> gilt heute</span> : null}
      </td>
      <td className="num">{v.value}</td>
      <td>
        <ParameterSource reference={v.reference} publication={v.publication} showShipped={showShipped} assumption={v.assumption} />
      </td>
    </>
  );
}

/** Every dated value of every parameter, with where it comes from; the label heads each parameter's rows. */
export function ParameterValuesTable({
  parameters,
  caption,
  label,
  workbench = false,
}: {
  parameters: ParameterValuesRow[];
  caption: string;
  label: string;
  /** The workbench also shows ids, which value is in force today and which values came with the code. */
  workbench?: boolean;
}) {
  return (
    <ScrollTable caption={caption} label={label}>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <ParameterValueHeaders />
        </tr>
      </thead>
      <tbody>
        {parameters.flatMap((p) =>
          p.values.map((v, i) => (
            <tr key={`${p.id}-${v.from}`}>
              <th scope="row">
                {i === 0 ? p.label : <span className="visually-hidden">{p.label}</span>}
                {i === 0 && workbench ? (
                  <>
                    {' '}
                    <code>{p.id}</code>
                  </>
                ) : null}
              </th>
              <ParameterValueCells value={v} showShipped={workbench} />
            </tr>
          )),
        )}
      </tbody>
    </ScrollTable>
  );
}
