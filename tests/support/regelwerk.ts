import { createActor } from 'xstate';
import { applicationMachine } from '../../machines/frl/application/machine';
import type { ApplicationData } from '../../machines/frl/application/schema';
import { e2eDatabase } from './e2e-database';
import { deriveSample } from './sample-application';

/**
 * Puts a complete draft of a demo organisation straight into the e2e server's database (as the
 * wizard would have saved it), so a test of the Regelwerk has a draft to re-check without filling
 * in the whole wizard. Returns its id; `removeDraft` deletes it again.
 */
export function insertDraft(memberEmail: string, data: ApplicationData, title: string): number {
  const actor = createActor(applicationMachine, { input: { data, complete: [] } });
  const snapshot = actor.getPersistedSnapshot();
  const { eligibility } = deriveSample(data);
  const db = e2eDatabase();
  try {
    const user = db.prepare('select id, organisation_id from users where email = ?').get(memberEmail) as {
      id: number;
      organisation_id: number;
    };
    const now = new Date().toISOString();
    const result = db
      .prepare(
        `insert into applications (organisation_id, title, route, snapshot, verdict, rule_version, unmet_criteria, created_at, created_by, updated_at, updated_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        user.organisation_id,
        title,
        data.project.route ?? null,
        JSON.stringify(snapshot),
        eligibility.verdict,
        eligibility.ruleVersion.id,
        JSON.stringify(eligibility.findings.filter((f) => f.status === 'nicht_erfuellt').map((f) => f.id)),
        now,
        user.id,
        now,
        user.id,
      );
    return Number(result.lastInsertRowid);
  } finally {
    db.close();
  }
}

export function removeDraft(id: number) {
  const db = e2eDatabase();
  try {
    db.prepare('delete from applications where id = ?').run(id);
  } finally {
    db.close();
  }
}

/** Runs a statement on the e2e database (for states a test cannot reach through the UI, such as time passing). */
export function runOnE2eDatabase(statement: string, ...params: unknown[]) {
  const db = e2eDatabase();
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

export function queryE2eDatabase<T>(statement: string, ...params: unknown[]): T[] {
  const db = e2eDatabase();
  try {
    return db.prepare(statement).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** ISO date `days` from today in Saxony (the server's reference date). */
export function isoInDays(days: number): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
