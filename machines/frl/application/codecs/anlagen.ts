import { z } from 'zod';
import { attachmentTypes, isAttachmentRequired } from '../../catalogues';
import type { ApplicationData } from '../schema';
import { builtOnce, type StepCodec } from './shared';

/** The Anlagen step: uploads have their own form; the step's form posts nothing, completeness is the required documents. */

export function requiredAttachments(data: ApplicationData) {
  return attachmentTypes.filter((t) => isAttachmentRequired(t, data.project.route, data.applicant.isVerbund === true));
}

const schema = builtOnce(() => z.object({}));

export const attachmentsCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply: (data) => structuredClone(data),
  values: () => ({}),
  issues: (data, context) =>
    requiredAttachments(data)
      .filter((t) => !context.attachmentTypes.includes(t.id))
      .map((t) => ({ field: t.id, message: `Bitte laden Sie hoch: ${t.label}.` })),
  hasContent: (_data, context) => context.attachmentTypes.length > 0,
};
