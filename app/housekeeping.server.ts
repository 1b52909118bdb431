import { runHousekeeping } from '../db/repositories/housekeeping';
import { config } from './config.server';
import { getDb } from './db.server';
import { recheckOutdatedDrafts } from './regelwerk.server';
import { log } from './utils/log.server';

const EVERY_HOURS = 6;
let timer: NodeJS.Timeout | null = null;

/**
 * One run: deletes what the privacy statement promises to delete, then re-checks the drafts whose
 * stored result is from an older rule version (a published value that took effect since), and
 * logs the counts. Each part fails on its own; neither stops the server.
 */
export async function housekeepingOnce(now = new Date()) {
  try {
    const { attachmentFiles, ...counts } = await runHousekeeping(await getDb(), config.uploadDir, now);
    log('info', 'housekeeping.done', { ...counts, attachmentFiles: attachmentFiles.length });
  } catch (error) {
    // Never stops the server; the next run tries again.
    log('error', 'housekeeping.failed', { message: error instanceof Error ? error.message : String(error) });
  }
  try {
    const rechecked = await recheckOutdatedDrafts(now);
    log('info', 'housekeeping.drafts_rechecked', rechecked);
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
}
