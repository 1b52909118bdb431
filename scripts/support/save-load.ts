import { createActor } from 'xstate';
import type { DB } from '../../db/client';
import { createApplication } from '../../db/repositories/applications';
import { findOrganisation, organisationToData } from '../../db/repositories/organisations';
import { applicationMachine } from '../../machines/frl/application/machine';
import { applicationFromOrganisation } from '../../machines/frl/application/prefill';
import { versionIn, type Session } from './client';

/** New drafts of the demo Gemeinde, prefilled from its master data, so the Zeitplan step is open. */
export async function createDrafts(db: DB, count: number, email = 'kommune@demo.example'): Promise<number[]> {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  const organisation = await findOrganisation(db, user.organisation_id!);
  const data = applicationFromOrganisation(organisationToData(organisation!));
  const actor = createActor(applicationMachine, { input: { data, complete: [] } });
  const snapshot = actor.getPersistedSnapshot();
  const meta = {
    title: 'Entwurf',
    route: null,
    view: 'uebersicht',
    requestedGrantCents: null,
    totalCents: null,
    verdict: 'unvollstaendig',
    ruleVersion: null,
    unmetCriteria: [],
  };
  const ids: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += 1) {
      const row = await createApplication(trx, {
        organisationId: user.organisation_id!,
        userId: user.id,
        snapshot,
        meta: { ...meta, title: `Entwurf ${i + 1}` },
      });
      ids.push(row.id);
    }
  });
  return ids;
}

/** A save the server acknowledged (302): the draft now has this version with this milestone title. */
export interface Ack {
  draft: number;
  version: number;
  marker: string;
}

export interface SaveLoadResult {
  acks: Ack[];
  /** Milliseconds per acknowledged save (the POST alone; the redirect is not followed). */
  latencies: number[];
  /** Answers that were neither an acknowledgement nor an expected outage. */
  failures: string[];
  seconds: number;
}

/** The Zeitplan step form with one milestone whose title marks this save. */
export function scheduleForm(session: Session, version: number, marker: string): URLSearchParams {
  return new URLSearchParams({
    csrf: session.csrf,
    version: String(version),
    intent: 'speichern',
    start: '01.03.2027',
    end: '31.12.2027',
    alreadyStarted: 'nein',
    'milestones[0].id': 'm1',
    'milestones[0].title': marker,
    'milestones[0].date': '01.06.2027',
  });
}

/**
 * One client per draft saves the Zeitplan step as fast as it can (closed loop) until `running()`
 * turns false. A connection error while `outage()` is true (the server was killed) ends that
 * client quietly; any other error or status is a failure.
 */
export async function saveLoad(options: {
  baseUrl: string;
  session: Session;
  drafts: number[];
  label: string;
  running: () => boolean;
  outage?: () => boolean;
  onAck?: (ack: Ack, total: number) => void;
}): Promise<SaveLoadResult> {
  const { baseUrl, session, drafts, label } = options;
  const acks: Ack[] = [];
  const latencies: number[] = [];
  const failures: string[] = [];
  const headers = { Cookie: session.cookie };
  const started = performance.now();
  await Promise.all(
    drafts.map(async (draft, client) => {
      const url = `${baseUrl}/antraege/${draft}/zeitplan`;
      let version: number | null;
      try {
        version = versionIn(await (await fetch(url, { headers })).text());
      } catch (error) {
        if (!options.outage?.()) failures.push(`GET ${url}: ${String(error)}`);
        return;
      }
      if (version === null) {
        failures.push(`GET ${url}: no version field`);
        return;
      }
      for (let n = 1; options.running(); n += 1) {
        const marker = `${label} Client ${client + 1} Speicherung ${n}`;
        const sent = performance.now();
        let response: Response;
        try {
          response = await fetch(url, {
            method: 'POST',
            redirect: 'manual',
            headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: scheduleForm(session, version, marker),
          });
          await response.arrayBuffer();
        } catch (error) {
          if (!options.outage?.()) failures.push(`POST ${url}: ${String(error)}`);
          return;
        }
        if (response.status !== 302) {
          failures.push(`POST ${url} (version ${version}): ${response.status}`);
          return;
        }
        latencies.push(performance.now() - sent);
        version += 1;
        const ack = { draft, version, marker };
        acks.push(ack);
        options.onAck?.(ack, acks.length);
      }
    }),
  );
  return { acks, latencies, failures, seconds: (performance.now() - started) / 1000 };
}
