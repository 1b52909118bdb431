import type { DB } from '../client';
import { memberByUser, saveMemberProfile } from '../repositories/netzwerk';
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
  return joined;
}
