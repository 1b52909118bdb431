import type { DB } from '../client';
import { memberByUser, saveMemberProfile } from '../repositories/netzwerk';
import { storeMessage } from '../repositories/netzwerk-messages';
import { addReply, createThread } from '../repositories/netzwerk-topics';
import { findUserByEmail } from '../repositories/users';
import type { MemberProfile } from '../../machines/netzwerk/profile';

/** Demo members of the EBBS network (issue 20), so a new user finds a living network. Idempotent. */
const demoMembers: Array<{ email: string; profile: MemberProfile }> = [
  {
    email: 'kommune@demo.example',
    profile: {
      displayName: 'Gemeinde Wiesenbach',
      role: 'kommune',
      landkreis: 'Sächsische Schweiz-Osterzgebirge',
      methods: ['buergerrat', 'kinder-und-jugendbeteiligung'],
      languages: 'Deutsch',
      about: 'Wir haben 2025 einen Jugendbeirat gegründet und planen einen Bürgerrat zur Ortsmitte. (Demodaten)',
      publicFields: ['landkreis'],
    },
  },
  {
    email: 'beratung@demo.example',
    profile: {
      displayName: 'Dr. Ulrike Berg (EBBS-Beratung)',
      role: 'beratung',
      landkreis: 'Dresden',
      methods: ['buergerrat', 'zukunftswerkstatt', 'world-cafe', 'runder-tisch'],
      languages: 'Deutsch, Englisch',
      about: 'Beratung zu Beteiligungsverfahren und zur FRL Bürgerbeteiligung. (Demodaten)',
      publicFields: ['landkreis', 'methods', 'languages', 'about'],
    },
  },
];

export async function seedDemoNetwork(db: DB): Promise<number> {
  let joined = 0;
  for (const { email, profile } of demoMembers) {
    const user = await findUserByEmail(db, email);
    if (!user || (await memberByUser(db, user.id))) continue;
    await saveMemberProfile(db, user.id, profile);
    joined++;
  }
  await seedDemoMessages(db);
  await seedDemoTopics(db);
  return joined;
}

/** One demo conversation (issue 20 Nr. 4), read on both sides, so a new member sees how messages look. */
async function seedDemoMessages(db: DB): Promise<void> {
  if (await db.selectFrom('network_messages').select('id').executeTakeFirst()) return;
  const kommune = await findUserByEmail(db, 'kommune@demo.example');
  const beratung = await findUserByEmail(db, 'beratung@demo.example');
  const a = kommune ? await memberByUser(db, kommune.id) : null;
  const b = beratung ? await memberByUser(db, beratung.id) : null;
  if (!a || !b) return;
  const at = (iso: string) => new Date(iso);
  await storeMessage(
    db,
    a.id,
    b.id,
    'Guten Tag Frau Dr. Berg,\nwir planen einen Bürgerrat zur Ortsmitte. Haben Sie ein Beispiel für die Einladung? (Demodaten)',
    at('2026-11-20T09:15:00.000Z'),
  );
  await storeMessage(
    db,
    b.id,
    a.id,
    'Gern: Schauen Sie in das gute Beispiel „Jugendforum Talheim“ und in die Methode Bürgerrat im Katalog. (Demodaten)',
    at('2026-11-20T13:40:00.000Z'),
  );
  await db.updateTable('network_messages').set({ read_at: '2026-11-21T08:00:00.000Z' }).execute();
}

/** One demo question with an answer (issue 20 Nr. 3), so a new member sees how topics look. */
async function seedDemoTopics(db: DB): Promise<void> {
  if (await db.selectFrom('network_threads').select('id').executeTakeFirst()) return;
  const kommune = await findUserByEmail(db, 'kommune@demo.example');
  const beratung = await findUserByEmail(db, 'beratung@demo.example');
  const a = kommune ? await memberByUser(db, kommune.id) : null;
  const b = beratung ? await memberByUser(db, beratung.id) : null;
  if (!a || !b) return;
  const { threadId } = await createThread(
    db,
    {
      authorId: a.id,
      category: 'methoden',
      title: 'Wie besetzen wir einen Bürgerrat in einer kleinen Gemeinde?',
      question: true,
      body: 'Wir haben rund 3.000 Einwohnerinnen und Einwohner. Hat jemand Erfahrung mit der Losauswahl in dieser Größe? (Demodaten)',
    },
    new Date('2026-11-22T09:00:00.000Z'),
  );
  await addReply(
    db,
    threadId,
    b.id,
    'Ja: Losen Sie etwa 300 Personen aus dem Melderegister und laden Sie schriftlich ein; rechnen Sie mit 5 bis 10 Prozent Zusagen. (Demodaten)',
    new Date('2026-11-22T14:30:00.000Z'),
  );
}
