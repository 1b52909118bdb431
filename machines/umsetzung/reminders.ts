import { formatDate } from '../shared/format';
import { addDays, daysBetween } from './calendar';
import type { Deadline } from './deadlines';

/**
 * Reminders of a grant's due dates (issue 19 Nr. 6: "notifications before, on and after each
 * date"): two weeks before, on the day, and the day after if the duty is still open. Only dates that
 * ask the grantee to act are reminded (start, end of the approval period, Verwendungsnachweis); the
 * day the Bescheid becomes final and the end of record keeping need no action on that day.
 *
 * A reminder is due inside its window, so a job that did not run on the exact day still sends it
 * later, but never out of turn: "in two weeks" is not sent the day before, "overdue" stops after a
 * week.
 */

export const reminderKinds = ['vorher', 'am-tag', 'danach'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const REMIND_DAYS_BEFORE = 14;
/** "In n Tagen" is not sent when the day itself is this close (the day's own reminder follows). */
const LAST_DAY_BEFORE = 2;
const OVERDUE_FOR_DAYS = 7;

const remindedKeys: ReadonlySet<Deadline['key']> = new Set(['beginn', 'ende', 'nachweis']);

export interface DueReminder {
  deadline: Deadline;
  kind: ReminderKind;
}

export function remindersDue(deadlines: readonly Deadline[], today: string): DueReminder[] {
  const due: DueReminder[] = [];
  for (const deadline of deadlines) {
    if (deadline.done || !remindedKeys.has(deadline.key)) continue;
    const daysLeft = daysBetween(today, deadline.on);
    if (daysLeft <= REMIND_DAYS_BEFORE && daysLeft >= LAST_DAY_BEFORE) due.push({ deadline, kind: 'vorher' });
    else if (daysLeft === 0) due.push({ deadline, kind: 'am-tag' });
    else if (daysLeft < 0 && daysLeft >= -OVERDUE_FOR_DAYS) due.push({ deadline, kind: 'danach' });
  }
  return due;
}

/** The notification's one line, naming the project, the date and the clause. */
export function reminderText(r: DueReminder, projectTitle: string, today: string): string {
  const on = formatDate(r.deadline.on);
  const what = `${r.deadline.title} (${r.deadline.clause})`;
  if (r.kind === 'vorher') {
    const days = daysBetween(today, r.deadline.on);
    return `„${projectTitle}“: ${what} in ${days} Tagen, am ${on}`;
  }
  if (r.kind === 'am-tag') return `„${projectTitle}“: ${what} ist heute, am ${on}`;
  return `„${projectTitle}“: ${what} war am ${on} und ist noch nicht erledigt`;
}

/** The first day a reminder may be sent (for tests and the overview of upcoming reminders). */
export function reminderWindowStart(deadline: Deadline, kind: ReminderKind): string {
  return kind === 'vorher' ? addDays(deadline.on, -REMIND_DAYS_BEFORE) : kind === 'am-tag' ? deadline.on : addDays(deadline.on, 1);
}
