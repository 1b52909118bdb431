import { z } from 'zod';

/**
 * Förderaufrufe (FRL Teil 1 IV Nr. 3): each call sets the deadline (Stichtag), the documents and
 * the selection criteria. Calls are data; ministry staff add new ones in the Regelwerk workbench.
 */
export const fundingCallSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** ISO date the call was published; null when no source gives it. */
  publishedOn: z.string().nullable(),
  /** ISO date from which applications are accepted (usually the publication date). */
  opensOn: z.string().nullable(),
  /** ISO date of the Stichtag: applications must reach the SAB by the end of this day. */
  deadline: z.string(),
  issuedBy: z.string(),
  focusTopics: z.array(z.string()),
  requiredDocuments: z.array(z.string()),
  notes: z.string(),
  source: z.string(),
});
export type FundingCall = z.infer<typeof fundingCallSchema>;

const standardDocuments = [
  'Antrag über das Förderportal der SAB',
  'Vorhabenbeschreibung',
  'Ausgaben- und Finanzierungsplan',
  'Eigenerklärungen',
];

export const knownCalls: FundingCall[] = [
  {
    id: 'aufruf-1',
    title: '1. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: '2022-04-20',
    opensOn: '2022-04-20',
    deadline: '2022-05-10',
    issuedBy: 'SMJusDEG',
    focusTopics: [],
    requiredDocuments: standardDocuments,
    notes: '',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
  {
    id: 'aufruf-2',
    title: '2. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: '2022-07-15',
    opensOn: '2022-07-15',
    deadline: '2022-09-11',
    issuedBy: 'SMJusDEG',
    focusTopics: [],
    requiredDocuments: standardDocuments,
    notes: '',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
  {
    id: 'aufruf-3',
    title: '3. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: null,
    opensOn: null,
    deadline: '2023-03-02',
    issuedBy: 'SMJusDEG',
    focusTopics: [],
    requiredDocuments: standardDocuments,
    notes: 'Veröffentlichungsdatum nicht überliefert.',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
  {
    id: 'aufruf-4',
    title: '4. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: null,
    opensOn: null,
    deadline: '2023-09-26',
    issuedBy: 'SMJusDEG',
    focusTopics: ['Bürgerbudget', 'Bürgerräte'],
    requiredDocuments: standardDocuments,
    notes: 'Veröffentlichungsdatum nicht überliefert.',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
  {
    id: 'aufruf-5',
    title: '5. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: null,
    opensOn: null,
    deadline: '2024-04-15',
    issuedBy: 'SMJusDEG',
    focusTopics: [],
    requiredDocuments: standardDocuments,
    notes: 'Veröffentlichungsdatum nicht überliefert.',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
  {
    id: 'aufruf-6',
    title: '6. Förderaufruf FRL Bürgerbeteiligung',
    publishedOn: '2025-06-25',
    opensOn: '2025-06-25',
    deadline: '2025-09-18',
    issuedBy: 'SMS',
    focusTopics: [],
    requiredDocuments: standardDocuments,
    notes: 'Erstmals vom Sächsischen Staatsministerium für Soziales, Gesundheit und Gesellschaftlichen Zusammenhalt.',
    source: 'Domänenbeschreibung (BRIEF.md), Förderaufrufe',
  },
];

export type CallStatus =
  | { status: 'open'; call: FundingCall; daysLeft: number }
  | { status: 'upcoming'; call: FundingCall }
  | { status: 'closed'; lastCall: FundingCall | null };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * When a call's opening date is unknown, it is assumed to open the day after the previous call's
 * deadline (Annahme: the sources give only the deadlines of the 3rd to 5th call).
 */
export function effectiveOpening(calls: FundingCall[], call: FundingCall): string {
  if (call.opensOn) return call.opensOn;
  const earlier = calls.filter((c) => c.deadline < call.deadline).sort((a, b) => a.deadline.localeCompare(b.deadline));
  const previous = earlier[earlier.length - 1];
  return previous ? dayAfter(previous.deadline) : '0000-01-01';
}

/**
 * Which call applies on `date`: one that is open (opened, deadline not passed), else the next
 * announced one, else none with the last one that closed.
 */
const statusCache = new WeakMap<FundingCall[], Map<string, CallStatus>>();

export function callStatusOn(calls: FundingCall[], date: string): CallStatus {
  let byDate = statusCache.get(calls);
  if (!byDate) {
    byDate = new Map();
    statusCache.set(calls, byDate);
  }
  let status = byDate.get(date);
  if (!status) {
    status = computeCallStatus(calls, date);
    if (byDate.size > 1000) byDate.clear();
    byDate.set(date, status);
  }
  return status;
}

function computeCallStatus(calls: FundingCall[], date: string): CallStatus {
  const sorted = [...calls].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const open = sorted.find((c) => c.deadline >= date && effectiveOpening(sorted, c) <= date);
  if (open) return { status: 'open', call: open, daysLeft: daysBetween(date, open.deadline) };
  const upcoming = sorted.find((c) => effectiveOpening(sorted, c) > date);
  if (upcoming) return { status: 'upcoming', call: upcoming };
  const closed = sorted.filter((c) => c.deadline < date);
  return { status: 'closed', lastCall: closed[closed.length - 1] ?? null };
}

/** What applicants see of the call that applies today: open, or the next one announced. */
export interface CallSummary {
  title: string;
  state: 'open' | 'upcoming';
  opens: string;
  deadline: string;
  focusTopics: string[];
  requiredDocuments: string[];
  notes: string;
}

/**
 * The calls that apply today: every open one (calls may overlap, e.g. a special call beside a
 * regular one), soonest deadline first; when none is open, the next one announced.
 */
export function currentCalls(calls: FundingCall[], date: string): CallSummary[] {
  const sorted = [...calls].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const summary = (call: FundingCall, state: CallSummary['state']): CallSummary => ({
    title: call.title,
    state,
    opens: effectiveOpening(sorted, call),
    deadline: call.deadline,
    focusTopics: call.focusTopics,
    requiredDocuments: call.requiredDocuments,
    notes: call.notes,
  });
  const open = sorted.filter((c) => c.deadline >= date && effectiveOpening(sorted, c) <= date);
  if (open.length) return open.map((c) => summary(c, 'open'));
  const status = callStatusOn(calls, date);
  return status.status === 'upcoming' ? [summary(status.call, 'upcoming')] : [];
}
