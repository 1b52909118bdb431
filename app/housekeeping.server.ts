import { deleteOldRegistrations, expireAllDue, resendAccessLinks } from '../db/repositories/events';
import { runExclusively } from '../db/dialect';
import { claimJobRun, runHousekeeping } from '../db/repositories/housekeeping';
import { tellAccessLink, tellPromoted } from './veranstaltungen/veranstaltungen.server';
import { config } from './config.server';
import { getDb } from './db.server';
import { recheckOutdatedDrafts } from './regelwerk/workbench.server';
import { log } from './utils/log.server';
import { remindersOnce } from './antrag/deadlines.server';
import { topicDigestsOnce } from './netzwerk/topics.server';

const EVERY_HOURS = 6;
let timer: NodeJS.Timeout | null = null;
let seatTimer: NodeJS.Timeout | null = null;
let reminderTimer: NodeJS.Timeout | null = null;

/**
 * Runs in every instance each minute: the seat updates are guarded by the event's row lock (ADR 0050),
 * so two instances sweeping at once promote nobody twice.
 *
 * Frees event seats whose 30-minute hold (or waitlist offer) ran out and offers them to the next
 * on the waitlist. Registrations sweep their own event too; this catches events nobody touches.
 */
export async function expireEventHolds(now = new Date()) {
  try {
    const swept = await expireAllDue(await getDb(), now, tellPromoted);
    if (swept.length)
      log('info', 'housekeeping.event_holds_expired', { events: swept.length, promoted: swept.reduce((n, s) => n + s.promoted.length, 0) });
  } catch (error) {
    log('error', 'housekeeping.event_holds_failed', { message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Runs in every instance each minute: on the morning of an online event, sends each confirmed
 * participant the access link again. Each send is claimed by a guarded update in the same
 * transaction as the e-mail, so two instances send it once (issue 18 Nr. 8).
 */
export async function sendAccessLinks(now = new Date()) {
  try {
    const sent = await resendAccessLinks(await getDb(), now, tellAccessLink);
    if (sent) log('info', 'housekeeping.event_access_links_sent', { sent });
  } catch (error) {
    log('error', 'housekeeping.event_access_links_failed', { message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * One run: deletes what the privacy statement promises to delete, then re-checks the drafts whose
 * stored result is from an older rule version (a published value that took effect since), and
 * logs the counts. Each part fails on its own; neither stops the server.
 */
export async function housekeepingOnce(now = new Date()) {
  try {
    // Several instances on one database: the first to claim the round runs it (ADR 0036).
    if (!(await claimJobRun(await getDb(), 'housekeeping', EVERY_HOURS * 3_600_000, now))) {
      log('info', 'housekeeping.skipped', { reason: 'ran recently in another instance' });
      return;
    }
  } catch (error) {
    log('error', 'housekeeping.failed', { message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    const { attachmentFiles, ...counts } = await runHousekeeping(await getDb(), config.fileStore, now);
    log('info', 'housekeeping.done', { ...counts, attachmentFiles: attachmentFiles.length });
  } catch (error) {
    // Never stops the server; the next run tries again.
    log('error', 'housekeeping.failed', { message: error instanceof Error ? error.message : String(error) });
  }
  try {
    const registrations = await deleteOldRegistrations(await getDb(), now, config.eventDataRetentionDays);
    log('info', 'housekeeping.event_registrations_deleted', { registrations });
  } catch (error) {
    log('error', 'housekeeping.event_registrations_failed', { message: error instanceof Error ? error.message : String(error) });
  }
  try {
    // Never two re-checks at once across instances (a publication re-checks in its own transaction).
    const rechecked = await runExclusively(await getDb(), 'drafts.recheck', () => recheckOutdatedDrafts(now));
    if (rechecked.ran) log('info', 'housekeeping.drafts_rechecked', rechecked.result);
    else log('info', 'housekeeping.recheck_skipped', { reason: 'running in another instance' });
  } catch (error) {
    log('error', 'housekeeping.recheck_failed', { message: error instanceof Error ? error.message : String(error) });
  }
}

/** Runs at start-up and every six hours while the server runs (the timer does not keep the process alive). */
export function startHousekeeping() {
  if (timer) return;
  void housekeepingOnce();
  timer = setInterval(() => void housekeepingOnce(), EVERY_HOURS * 3_600_000);
  timer.unref();
  seatTimer = setInterval(() => {
    void expireEventHolds();
    void sendAccessLinks();
  }, 60_000);
  seatTimer.unref();
  // Deadline reminders (issue 19 Nr. 6): hourly in every instance; each is claimed once (ADR 0067).
  void remindersOnce();
  // The network's topic digests (issue 20 Nr. 3): hourly too; one per member and day, claimed once (ADR 0072).
  void topicDigestsOnce();
  reminderTimer = setInterval(() => {
    void remindersOnce();
    void topicDigestsOnce();
  }, 3_600_000);
  reminderTimer.unref();
}
