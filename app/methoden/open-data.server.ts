import { recordAudit } from '../../db/repositories/audit';
import { listPublishedExampleEntries } from '../../db/repositories/example-submissions';
import { getSetting, setSetting } from '../../db/repositories/settings';
import {
  DEFAULT_LICENCE,
  examplesAtom,
  examplesDataset,
  isLicence,
  itemJsonSchema,
  methodsDataset,
  openDataLicences,
  type OpenDataLicence,
} from '../../machines/methoden/open-data';
import { config } from '../config.server';
import { getDb } from '../db.server';
import { allExamples } from './methoden.server';
import { catalogue } from './redaktion.server';
import type { CurrentUser } from '../session.server';
import { log } from '../utils/log.server';

/**
 * Open data (issue 17 Nr. 5, ADR 0070): datasets, schemas and the feed built from the catalogue and
 * the published examples, under the licence stored in `site_settings`.
 */

const LICENCE_KEY = 'opendata.licence';

/** Read per request (one row by primary key): several instances always agree on the licence shown. */
export async function currentLicence(): Promise<OpenDataLicence> {
  const stored = await getSetting(await getDb(), LICENCE_KEY);
  return isLicence(stored) ? stored : DEFAULT_LICENCE;
}

/** For the footer of every page: a database that cannot answer must not take the page down with it. */
export async function licenceInfo() {
  let id: OpenDataLicence = DEFAULT_LICENCE;
  try {
    id = await currentLicence();
  } catch (error) {
    log('warn', 'opendata.licence_unreadable', { message: error instanceof Error ? error.message : String(error) });
  }
  return { id, ...openDataLicences[id] };
}

export async function changeLicence(user: CurrentUser, licence: OpenDataLicence): Promise<void> {
  const db = await getDb();
  const before = await currentLicence();
  await db.transaction().execute(async (trx) => {
    await setSetting(trx, LICENCE_KEY, licence, user.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: 'offene_daten.lizenz_geaendert',
      subjectType: 'site_setting',
      subjectId: LICENCE_KEY,
      details: { from: before, to: licence },
    });
  });
}

const options = async () => ({ baseUrl: config.publicUrl, licence: await currentLicence(), generatedAt: new Date().toISOString() });

export async function methodsJson() {
  return methodsDataset((await catalogue()).methods, await options());
}

export async function examplesJson() {
  return examplesDataset(await allExamples(), await options());
}

export const schemaJson = (kind: 'methode' | 'beispiel') => itemJsonSchema(kind, config.publicUrl);

export async function examplesFeed(): Promise<string> {
  const rows = await listPublishedExampleEntries(await getDb());
  const entries = rows.flatMap((r) => {
    const { example } = r;
    return example && r.decided_at ? [{ example, publishedAt: r.decided_at }] : [];
  });
  return examplesAtom(entries, { baseUrl: config.publicUrl, licence: await currentLicence(), now: new Date().toISOString() });
}

/** A dataset as JSON that other sites may fetch (CORS open, cached five minutes). */
export function jsonDownload(body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
