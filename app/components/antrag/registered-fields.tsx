import { Fragment, type ReactNode } from 'react';
import { isShown, questionOf, type FieldSpec } from '../../../machines/frl/application/fields';
import type { FundingRoute } from '../../../machines/frl/routes';
import type { ProgrammePart } from '../../../machines/shared/organisation';
import { RadioGroup, TextAreaField, TextField } from '../fields';
import { yesNoOptions, type Fields } from './common';

/**
 * The registered fields of one form section, in the registry's order, each as its kind asks
 * (`custom` fields are drawn by the step through `custom`); fields that do not apply to the
 * programme part or route are left out.
 */
export function RegisteredFields({
  specs,
  section,
  fields,
  part,
  route,
  custom = {},
}: {
  specs: readonly FieldSpec[];
  section: string;
  fields: Fields;
  part: ProgrammePart | null;
  route: FundingRoute | undefined;
  custom?: Record<string, () => ReactNode>;
}) {
  return (
    <>
      {specs
        .filter((spec) => spec.section === section && isShown(spec, part, route))
        .map((spec) => {
          const field = fields[spec.name]!;
          const label = questionOf(spec, part);
          switch (spec.kind) {
            case 'yesNo':
              return <RadioGroup key={spec.name} field={field} legend={label} hint={spec.hint} options={yesNoOptions} inline />;
            case 'choice':
              return <RadioGroup key={spec.name} field={field} legend={label} hint={spec.hint} options={spec.options ?? []} />;
            case 'text':
              return <TextField key={spec.name} field={field} label={label} hint={spec.hint} optional={spec.optional} />;
            case 'longText':
              return (
                <TextAreaField key={spec.name} field={field} label={label} hint={spec.hint} rows={spec.rows} optional={spec.optional} />
              );
            default:
              return <Fragment key={spec.name}>{custom[spec.name]?.()}</Fragment>;
          }
        })}
    </>
  );
}
