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
