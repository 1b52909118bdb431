import { z } from 'zod';
import { optionalDateField } from '../../machines/shared/fields';
import { auditAreas, type AuditArea } from '../components/admin/audit-labels';

/** The filter of the administration's audit log (/verwaltung/protokoll), for the form and the loader alike. */
export const filterSchema = z
  .object({
    bereich: z
      .enum(Object.keys(auditAreas) as [AuditArea, ...AuditArea[]], { error: 'Bitte wählen Sie einen Bereich aus der Liste.' })
      .optional(),
    person: z.coerce.number().int().positive().optional(),
    konto: z.coerce.number().int().positive().optional(),
    von: optionalDateField('den Beginn des Zeitraums'),
    bis: optionalDateField('das Ende des Zeitraums'),
    seite: z.coerce.number().int().positive().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.von && value.bis && value.bis < value.von) {
      ctx.addIssue({ code: 'custom', path: ['bis'], message: 'Das Ende des Zeitraums liegt vor seinem Beginn.' });
    }
  });
