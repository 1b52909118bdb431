import { listApplicationEvents, type ApplicationEventListItem } from '../../db/repositories/applications';
import type { ApplicationAccess } from '../access.server';
import { getDb } from '../db.server';

/**
 * The history (Protokoll) of an application, one page at a time, newest first. Internal notes of
 * the advice stay out of the organisation's view, as the notes themselves do.
 */
export async function historyPage(
  access: Pick<ApplicationAccess, 'as' | 'loaded'>,
  options: { beforeId: number | undefined; pageSize: number },
): Promise<{ events: ApplicationEventListItem[]; olderFrom: number | null }> {
  const events = await listApplicationEvents(await getDb(), access.loaded.row.id, {
    beforeId: options.beforeId,
    limit: options.pageSize + 1,
  });
  const page = events.slice(0, options.pageSize);
  return {
    events: page.filter((e) => access.as === 'advisor' || e.details.internal !== true),
    olderFrom: events.length > options.pageSize ? page.at(-1)!.id : null,
  };
}
