import { z } from 'zod';
import { isoToGerman } from '../../../shared/dates';
import { optionalDateField, optionalText, optionalYesNo } from '../../../shared/fields';
import { scheduleFields } from '../fields';
import type { ApplicationData } from '../schema';
import type { StepIssue } from '../steps';
import { blank, builtOnce, clean, list, missingFields, rowId, yn, type StepCodec } from './shared';

/** The Zeitplan step: beginning, end, whether it has already started, milestones. */

const schema = builtOnce((newId) =>
  z.object({
    start: optionalDateField('den Beginn'),
    end: optionalDateField('das Ende'),
    alreadyStarted: optionalYesNo,
    milestones: list(
      z.object({ id: rowId(newId), date: optionalDateField('das Datum'), title: optionalText('den Meilenstein', 200) }),
      50,
      'Meilensteine',
    ),
  }),
);

export const scheduleCodec: StepCodec<ReturnType<typeof schema>> = {
  schema,
  apply(data, p) {
    const next: ApplicationData = structuredClone(data);
    next.schedule = clean({ ...p, milestones: p.milestones.map((m) => clean(m)) }) as ApplicationData['schedule'];
    return next;
  },
  values(data) {
    const s = data.schedule;
    return {
      start: isoToGerman(s.start),
      end: isoToGerman(s.end),
      alreadyStarted: yn(s.alreadyStarted),
      milestones: s.milestones.map((m) => ({ id: m.id, title: m.title, date: isoToGerman(m.date) })),
    };
  },
  issues(data) {
    const issues: StepIssue[] = [];
    const s = data.schedule;
    issues.push(
      ...missingFields(scheduleFields, s, data, {
        end: () => (s.start && s.end && s.end < s.start ? [{ field: 'end', message: 'Das Ende muss nach dem Beginn liegen.' }] : []),
      }),
    );
    s.milestones.forEach((m, i) => {
      if (blank(m.title)) issues.push({ field: `milestones[${i}].title`, message: `Bitte benennen Sie den ${i + 1}. Meilenstein.` });
      if (!m.date) issues.push({ field: `milestones[${i}].date`, message: `Bitte geben Sie das Datum des ${i + 1}. Meilensteins an.` });
      else if (s.start && s.end && (m.date < s.start || m.date > s.end)) {
        issues.push({ field: `milestones[${i}].date`, message: `Der ${i + 1}. Meilenstein liegt außerhalb des Vorhabenzeitraums.` });
      }
    });
    return issues;
  },
  hasContent: (data) =>
    !!(data.schedule.start || data.schedule.end || data.schedule.milestones.length || data.schedule.alreadyStarted !== undefined),
};
