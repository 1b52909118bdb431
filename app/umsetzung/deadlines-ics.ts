import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { formatDate } from '../../machines/shared/format';
import type { Deadline } from '../../machines/umsetzung/deadlines';

/**
 * The due dates of a grant as a calendar file (issue 19 Nr. 6): all-day entries (a deadline is a
 * day, not an hour, so no time zone is involved), each with its clause and two reminders, a week
 * before and on the morning of the day. Built with ical-generator, as the events' files (ADR 0051).
 */
export interface ProjectDeadlines {
  deadlines: Deadline[];
  applicationId: number;
  projectTitle: string;
  url: string;
}

export function deadlinesToIcs(
  deadlines: Deadline[],
  options: { applicationId: number; projectTitle: string; host: string; url: string; stamp: string },
): string {
  return projectsToIcs([{ deadlines, ...options }], { name: `Fristen: ${options.projectTitle}`, host: options.host, stamp: options.stamp });
}

/** Several projects' due dates in one calendar (the organisation's overview); the same UIDs as per project. */
export function projectsToIcs(projects: readonly ProjectDeadlines[], options: { name: string; host: string; stamp: string }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Förderlotse Bürgerbeteiligung', product: 'Fristen', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const project of projects) for (const d of project.deadlines) addDeadline(calendar, d, project, options);
  return calendar.toString();
}

function addDeadline(calendar: ICalCalendar, d: Deadline, project: ProjectDeadlines, options: { host: string; stamp: string }) {
  const event = calendar.createEvent({
    // Stable per project and kind: a calendar that imports the file again updates the entry.
    id: `frist-${d.key}-${project.applicationId}@${options.host}`,
    // Noon UTC is the same day in Saxony in winter and summer; only the date is written.
    start: new Date(`${d.on}T12:00:00.000Z`),
    allDay: true,
    stamp: new Date(options.stamp),
    summary: `${d.title} – ${project.projectTitle}`,
    description: `${d.title}: ${formatDate(d.on)}.\n${d.description}\nGrundlage: ${d.clause}\n${project.url}`,
    url: project.url,
  });
  if (!d.done) {
    event.createAlarm({ type: ICalAlarmType.display, trigger: 7 * 86_400, description: `In einer Woche: ${d.title}` });
    // 08:00 on the day: eight hours after the start of the all-day entry.
    event
      .createAlarm({ type: ICalAlarmType.display, description: `Heute: ${d.title}` })
      .triggerAfter(8 * 3_600)
      .relatesTo(ICalAlarmRelatesTo.start);
  }
}
