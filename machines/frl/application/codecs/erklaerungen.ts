import { z } from 'zod';
import { optionalText, optionalYesNo } from '../../../shared/fields';
import { declarationFields } from '../fields';
import type { ApplicationData } from '../schema';
import { builtOnce, clean, missingFields, yn, type StepCodec } from './shared';

/** The Erklärungen step: the declarations to tick, and who signs. */

const tick = z
  .string()
  .optional()
  .transform((v) => (v === 'on' ? true : undefined));

const schema = builtOnce(() =>
  z.object({
    ebbsAndEvaluation: tick,
    portalIdeas: tick,
    fdgo: tick,
    notStarted: tick,
    subsidyRelevantFacts: tick,
    dataProtection: tick,
    mainlyPubliclyFunded: optionalYesNo,
    signatoryName: optionalText('den Namen', 200),
    signatoryFunction: optionalText('die Funktion', 100),
    place: optionalText('den Ort', 200),
  }),
);

const on = (v: boolean | undefined) => (v ? 'on' : undefined);

export const declarationCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply(data, p) {
    const next: ApplicationData = structuredClone(data);
    next.declarations = clean(p) as ApplicationData['declarations'];
    return next;
  },
  values(data) {
    const d = data.declarations;
    return {
      ebbsAndEvaluation: on(d.ebbsAndEvaluation),
      portalIdeas: on(d.portalIdeas),
      fdgo: on(d.fdgo),
      notStarted: on(d.notStarted),
      subsidyRelevantFacts: on(d.subsidyRelevantFacts),
      dataProtection: on(d.dataProtection),
      mainlyPubliclyFunded: yn(d.mainlyPubliclyFunded),
      signatoryName: d.signatoryName,
      signatoryFunction: d.signatoryFunction,
      place: d.place,
    };
  },
  issues: (data) => missingFields(declarationFields, data.declarations, data),
  hasContent: (data) => Object.values(data.declarations).some((v) => v !== undefined),
};
