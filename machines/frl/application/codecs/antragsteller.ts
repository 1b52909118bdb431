import { z } from 'zod';
import { longText, optionalText, optionalYesNo } from '../../../shared/fields';
import { landkreise, organisationDraftSchema, organisationKinds, organisationSchema } from '../../../shared/organisation';
import { applicantFields } from '../fields';
import type { ApplicationData } from '../schema';
import type { StepIssue } from '../steps';
import { blank, builtOnce, clean, list, missingFields, rowId, ticked, yn, type StepCodec } from './shared';

/** The Antragsteller step: organisation (a snapshot of the master data), status questions, Verbund partners. */

const schema = builtOnce((newId) =>
  z.object({
    organisation: organisationDraftSchema(),
    nonprofit: optionalYesNo,
    locallyRooted: optionalYesNo,
    seatExceptionReason: longText('die Begründung', 2000),
    isVerbund: optionalYesNo,
    partners: list(
      z.object({
        id: rowId(newId),
        name: optionalText('den Namen des Partners'),
        kind: z.enum(organisationKinds).optional(),
        landkreis: z.enum(landkreise).optional(),
        ags: optionalText('den Gemeindeschlüssel', 8),
        contact: optionalText('die Ansprechperson'),
      }),
      50,
      'Verbundpartner',
    ),
    updateMasterData: ticked,
  }),
);

type Applicant = ApplicationData['applicant'];

export const applicantCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply(data, p) {
    const next: ApplicationData = structuredClone(data);
    const org = p.organisation;
    next.applicant = {
      ...clean({
        nonprofit: p.nonprofit,
        locallyRooted: p.locallyRooted,
        seatExceptionReason: p.seatExceptionReason,
        isVerbund: p.isVerbund,
      }),
      organisation: org.kind && org.landkreis ? (org as Applicant['organisation']) : data.applicant.organisation,
      partners: (p.isVerbund ? p.partners : []).map((row) => clean(row)) as Applicant['partners'],
    };
    return next;
  },
  values(data) {
    const a = data.applicant;
    return {
      organisation: a.organisation ?? {},
      nonprofit: yn(a.nonprofit),
      locallyRooted: yn(a.locallyRooted),
      seatExceptionReason: a.seatExceptionReason,
      isVerbund: yn(a.isVerbund),
      partners: a.partners,
    };
  },
  issues(data) {
    const issues: StepIssue[] = [];
    const a = data.applicant;
    const org = organisationSchema.safeParse(a.organisation ?? {});
    if (!org.success) {
      for (const issue of org.error.issues) issues.push({ field: `organisation.${issue.path.join('.')}`, message: issue.message });
    }
    issues.push(...missingFields(applicantFields, a, data));
    if (a.isVerbund) {
      if (a.partners.length === 0) issues.push({ field: 'partners', message: 'Bitte nennen Sie mindestens einen Verbundpartner.' });
      a.partners.forEach((p, i) => {
        if (blank(p.name))
          issues.push({ field: `partners[${i}].name`, message: `Bitte geben Sie den Namen des ${i + 1}. Verbundpartners an.` });
        if (!p.kind) issues.push({ field: `partners[${i}].kind`, message: `Bitte wählen Sie die Art des ${i + 1}. Verbundpartners.` });
      });
    }
    return issues;
  },
  hasContent: (data) => data.applicant.isVerbund !== undefined || data.applicant.nonprofit !== undefined,
};
