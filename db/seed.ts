import { organisationSchema, type OrganisationInput } from '../machines/shared/organisation';
import type { DB } from './client';
import { createOrganisation } from './repositories/organisations';
import { saveCall } from './repositories/regelwerk';
import type { FundingCall } from '../machines/frl/calls';
import { createUser, findUserByEmail } from './repositories/users';
import { seedDemoEvents } from './demo/events';
import { seedDemoNetwork } from './demo/netzwerk';
import { seedDemoNewsletter } from './demo/newsletter';
import type { Role } from '../machines/shared/organisation';

/** Password of every demo account (listed in README.md). Demo data only; never in production. */
export const demoPassword = 'Demo-Passwort-2026';

export const demoOrganisations = {
  gemeinde: {
    kind: 'gemeinde',
    name: 'Gemeinde Wiesenbach',
    street: 'Am Markt 1',
    postalCode: '01819',
    city: 'Wiesenbach',
    landkreis: 'Sächsische Schweiz-Osterzgebirge',
    ags: '14628990',
    registerNumber: '',
    registerCourt: '',
    legalRepName: 'Andrea Hoffmann',
    legalRepFunction: 'Bürgermeisterin',
    contactName: 'Sabine Krause',
    contactEmail: 'kommune@demo.example',
    contactPhone: '03501 123456',
    bankAccountHolder: 'Gemeinde Wiesenbach',
    iban: 'DE20 8505 0300 3120 0456 78',
    bic: 'OSDDDE81XXX',
    bankName: 'Ostsächsische Sparkasse Dresden',
  },
  verein: {
    kind: 'verein',
    name: 'Bürgerforum Oberlausitz e. V.',
    street: 'Brüderstraße 12',
    postalCode: '02826',
    city: 'Görlitz',
    landkreis: 'Görlitz',
    ags: '',
    registerNumber: 'VR 4711',
    registerCourt: 'Amtsgericht Dresden',
    legalRepName: 'Łukasz Wójcik',
    legalRepFunction: 'Vorsitzender',
    contactName: 'Jana Nowak',
    contactEmail: 'verein@demo.example',
    contactPhone: '03581 987654',
    bankAccountHolder: 'Bürgerforum Oberlausitz e. V.',
    iban: 'DE56 8559 1000 0412 3456 00',
    bic: 'GENODEF1GR1',
    bankName: 'Volksbank Raiffeisenbank Niederschlesien',
  },
} satisfies Record<string, OrganisationInput>;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  organisation: keyof typeof demoOrganisations | null;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'kommune@demo.example', name: 'Sabine Krause', role: 'applicant', organisation: 'gemeinde' },
  { email: 'kommune2@demo.example', name: 'Tom Richter', role: 'applicant', organisation: 'gemeinde' },
  { email: 'verein@demo.example', name: 'Jana Nowak', role: 'applicant', organisation: 'verein' },
  { email: 'beratung@demo.example', name: 'Dr. Ulrike Berg', role: 'advisor', organisation: null },
  { email: 'ministerium@demo.example', name: 'Martin Schubert', role: 'ministry', organisation: null },
  // A second ministry account: a change one of them proposes, the other approves (four-eyes principle).
  { email: 'ministerium2@demo.example', name: 'Dr. Claudia Lehmann', role: 'ministry', organisation: null },
  { email: 'admin@demo.example', name: 'Katrin Admin', role: 'admin', organisation: null },
];

/** Creates the demo organisations and accounts unless they exist. Safe to run again. */
export async function seedDemoData(db: DB): Promise<{ created: string[]; calls: string[] }> {
  const created: string[] = [];
  const orgIds = new Map<string, number>();
  for (const account of demoAccounts) {
    if (await findUserByEmail(db, account.email)) continue;
    let organisationId: number | null = null;
    if (account.organisation) {
      organisationId = orgIds.get(account.organisation) ?? null;
      if (organisationId === null) {
        const existing = await db
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', demoOrganisations[account.organisation].name)
          .executeTakeFirst();
        organisationId =
          existing?.id ?? (await createOrganisation(db, organisationSchema.parse(demoOrganisations[account.organisation]))).id;
        orgIds.set(account.organisation, organisationId);
      }
    }
    await createUser(db, { ...account, password: demoPassword, organisationId });
    created.push(account.email);
  }
  const calls = (await saveCall(db, demoCall(), null, null)) ? [demoCallId] : [];
  await seedDemoEvents(db);
  await seedDemoNetwork(db);
  await seedDemoNewsletter(db);
  return { created, calls };
}

export const demoCallId = 'demo-foerderaufruf';

const isoDaysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A clearly labelled demo call that is open when the demo starts, so the Förder-Check and the
 * drafts show a deadline. Ministry staff edit or replace it in the Regelwerk workbench.
 */
export function demoCall(now = new Date()): FundingCall {
  return {
    id: demoCallId,
    title: 'Demo: 7. Förderaufruf FRL Bürgerbeteiligung (Beispieldaten)',
    publishedOn: isoDaysFrom(now, -14),
    opensOn: isoDaysFrom(now, -14),
    deadline: isoDaysFrom(now, 120),
    issuedBy: 'SMS',
    focusTopics: ['Kinder- und Jugendbeteiligung', 'Bürgerräte'],
    requiredDocuments: [
      'Antrag über das Förderportal der SAB',
      'Vorhabenbeschreibung',
      'Ausgaben- und Finanzierungsplan',
      'Eigenerklärungen',
    ],
    notes: 'Beispieldaten für die Vorführung – kein amtlicher Förderaufruf.',
    source: 'Demo-Daten des Förderlotsen (kein amtlicher Aufruf)',
  };
}
