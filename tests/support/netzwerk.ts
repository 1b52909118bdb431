import type { DB } from '../../db/client';
import { saveMemberProfile } from '../../db/repositories/netzwerk';

/** A new account that joined the network with a minimal profile; returns the member's id. */
export async function networkMember(db: DB, email: string, displayName: string): Promise<number> {
  const user = await db
    .insertInto('users')
    .values({ email, name: email, role: 'advisor', password_hash: 'x', organisation_id: null, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const saved = await saveMemberProfile(db, user.id, {
    displayName,
    role: 'kommune',
    landkreis: null,
    methods: [],
    languages: '',
    about: '',
    publicFields: [],
  });
  return saved.id;
}
