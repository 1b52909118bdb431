import { listAdvisors } from '../../db/repositories/advice';
import { getDb } from '../db.server';

/** The applicant's page "Beratung und Einreichung": what it reads besides the advice's own state. */

/** The advisors an organisation may ask for by name (active accounts, by name). */
export async function advisorsToChoose(): Promise<Array<{ id: number; name: string }>> {
  return (await listAdvisors(await getDb())).map(({ id, name }) => ({ id, name }));
}
