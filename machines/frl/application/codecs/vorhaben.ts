import { z } from 'zod';
import { checkboxGroup, longText, optionalText, optionalYesNo } from '../../../shared/fields';
import { participationFormats, participationLevels, targetGroupIds } from '../../../shared/participation';
import { fundingRoutes } from '../../routes';
import { projectFields } from '../fields';
import { projectYesNoNames } from '../fields/vorhaben';
import type { ApplicationData } from '../schema';
import { blank, builtOnce, clean, list, missingFields, rowId, yn, type StepCodec } from './shared';

/**
 * The Vorhaben step. Its yes/no questions come from the field registry (../fields/vorhaben.ts):
 * a new one needs no line here.
 */

/** The step's yes/no questions as posted (ja/nein). */
const projectYesNoForm = Object.fromEntries(projectYesNoNames.map((name) => [name, optionalYesNo])) as Record<
  (typeof projectYesNoNames)[number],
  typeof optionalYesNo
>;

const schema = builtOnce((newId) =>
  z.object({
    title: optionalText('den Titel', 200),
    route: z.enum(fundingRoutes).optional(),
    summary: longText('die Kurzbeschreibung', 1000),
    goals: longText('die Gesamtzielsetzung', 5000),
    parts: list(
      z.object({ id: rowId(newId), title: optionalText('den Titel', 200), description: longText('die Beschreibung', 2000) }),
      30,
      'Teilvorhaben',
    ),
    formats: list(
      z.object({
        id: rowId(newId),
        format: z.enum(participationFormats.map((f) => f.id) as [string, ...string[]]).optional(),
        level: z.enum(participationLevels).optional(),
        description: longText('die Beschreibung', 1000),
      }),
      30,
      'Formate',
    ),
    targetGroups: checkboxGroup(targetGroupIds),
    targetGroupsNote: longText('die Anmerkung', 1000),
    placeDescription: optionalText('den Ort', 500),
    location: z.enum(['sachsen', 'laenderuebergreifend', 'ausserhalb']).optional(),
    crossBorderReason: longText('die Begründung', 2000),
    affectedMunicipality: optionalText('die Kommune', 200),
    buergerkommuneProof: z.enum(['satzung', 'praxis', 'keiner']).optional(),
    buergerkommuneProofText: longText('die Beschreibung', 3000),
    softwareReason: longText('die Begründung', 2000),
    cooperationDescription: longText('die Beschreibung', 3000),
    federalOrEuFunding: z.enum(['keine', 'beantragt', 'bewilligt']).optional(),
    federalOrEuFundingDetails: longText('die Angaben', 1000),
    whyProject: longText('die Begründung', 5000),
    whyFunding: longText('die Begründung', 3000),
    ...projectYesNoForm,
  }),
);

export const projectCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply(data, p) {
    const next: ApplicationData = structuredClone(data);
    next.project = clean({
      ...p,
      parts: p.parts,
      formats: p.formats.map((f) => ({ ...f, format: f.format ?? 'sonstiges', level: f.level ?? 'konsultation' })),
      targetGroups: p.targetGroups,
    }) as ApplicationData['project'];
    return next;
  },
  values(data) {
    const p = data.project;
    return { ...p, ...Object.fromEntries(projectYesNoNames.map((name) => [name, yn(p[name])])) };
  },
  issues: (data) =>
    missingFields(projectFields, data.project, data, {
      parts: () =>
        data.project.parts.flatMap((item, i) =>
          blank(item.title) ? [{ field: `parts[${i}].title`, message: `Bitte geben Sie dem ${i + 1}. Teilvorhaben einen Titel.` }] : [],
        ),
    }),
  hasContent: (data) => Object.entries(data.project).some(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '')),
};
