import { berlinToUtc } from '../../machines/veranstaltungen/time';
import type { DB } from '../client';
import type { SelectionDecision } from '../../machines/veranstaltungen/selection';
import { changeRegistration, createEvent, register, saveSelectionDecisions, type EventValues } from '../repositories/events';

const dayFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, time: string) => {
  const r = berlinToUtc(date, time);
  if (!r.ok) throw new Error(`demo time ${date} ${time}`);
  return r.iso;
};

function demoEvent(
  now: Date,
  days: number,
  from: string,
  to: string,
  values: Omit<EventValues, 'startsAt' | 'endsAt' | 'registrationClosesAt'>,
): EventValues {
  const date = dayFrom(now, days);
  return { ...values, startsAt: at(date, from), endsAt: at(date, to), registrationClosesAt: at(date, from) };
}

/**
 * Demo events around today (idempotent: only into an empty calendar): one with many free seats,
 * one almost full (yellow), one full with a waitlist (red), an online training, and a past one
 * for the archive. Their titles say they are demo data.
 */
export async function seedDemoEvents(db: DB, now = new Date()): Promise<number> {
  const existing = await db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const common = {
    technicalRequirements: '',
    language: 'Deutsch',
    yellowBelowPercent: 20,
    onlineLink: null,
    admission: 'reihenfolge',
  } as const;
  const dresden = {
    format: 'praesenz',
    venue: 'Haus der Begegnung',
    address: 'Großenhainer Straße 93, 01127 Dresden',
    landkreis: 'Dresden',
    venueAccessibility: 'Stufenloser Zugang, barrierefreies WC, Induktionsschleife im Saal.',
  } as const;
  const events: Array<[EventValues, number]> = [
    [
      demoEvent(now, 14, '10:00', '13:00', {
        ...common,
        ...dresden,
        title: 'Demo: Wie stelle ich einen Antrag nach der FRL Bürgerbeteiligung?',
        description:
          'Einführung in die FRL Bürgerbeteiligung: Förderwege, Kosten- und Finanzierungsplan, Fristen. Mit Zeit für Ihre Fragen.',
        topic: 'antragstellung',
        audience: 'Kommunen und Vereine, die einen Antrag planen',
        organiser: 'Sächsisches Staatsministerium (Demo)',
        capacity: 30,
      }),
      3,
    ],
    [
      demoEvent(now, 21, '14:00', '17:00', {
        ...common,
        format: 'praesenz',
        venue: 'Kulturforum Görlitzer Synagoge',
        address: 'Otto-Müller-Straße 3, 02826 Görlitz',
        landkreis: 'Görlitz',
        venueAccessibility: 'Rollstuhlgerecht über den Seiteneingang.',
        title: 'Demo: QualitätsCheck-Werkstatt in Görlitz',
        description: 'Gemeinsam den QualitätsCheck Beteiligung für ein eigenes Vorhaben durchgehen.',
        topic: 'qualitaetscheck',
        audience: 'Verwaltung, Zivilgesellschaft, Politik',
        organiser: 'EBBS (Demo)',
        capacity: 10,
      }),
      9,
    ],
    [
      demoEvent(now, 28, '09:30', '12:00', {
        ...common,
        ...dresden,
        title: 'Demo: Methodentraining Bürgerrat',
        description: 'Zufallsauswahl, Moderation und Empfehlungen: wie ein Bürgerrat gelingt.',
        topic: 'methoden',
        audience: 'Beteiligungsverantwortliche in Kommunen',
        organiser: 'EBBS (Demo)',
        capacity: 2,
      }),
      3,
    ],
    [
      demoEvent(now, 10, '16:00', '17:30', {
        ...common,
        format: 'online',
        venue: null,
        address: null,
        landkreis: null,
        onlineLink: 'https://konferenz.example/demo-sprechstunde',
        technicalRequirements: 'Aktueller Browser, Headset; Kamera freiwillig.',
        venueAccessibility: 'Automatische Untertitel werden angeboten.',
        title: 'Demo: Online-Sprechstunde zum Förderaufruf',
        description: 'Kurze Einführung und offene Fragerunde zum aktuellen Förderaufruf.',
        topic: 'antragstellung',
        audience: 'Alle Interessierten',
        organiser: 'EBBS (Demo)',
        capacity: 50,
      }),
      0,
    ],
    [
      demoEvent(now, -30, '10:00', '12:00', {
        ...common,
        ...dresden,
        title: 'Demo: Austauschtreffen Bürgerbeteiligung (vergangen)',
        description: 'Erfahrungen aus geförderten Vorhaben.',
        topic: 'austausch',
        audience: 'Geförderte Kommunen und Vereine',
        organiser: 'EBBS (Demo)',
        capacity: 40,
      }),
      0,
    ],
  ];
  for (const [values, confirmed] of events) {
    const id = await createEvent(db, values, null, now);
    for (let i = 1; i <= confirmed; i += 1) {
      const person = {
        name: `Demo-Teilnehmerin ${i}`,
        email: `teilnahme${i}.${id}@demo.example`,
        organisation: 'Demo-Gemeinde',
        accessibilityNeeds: '',
        dietaryNeeds: '',
        userId: null,
      };
      await db.transaction().execute(async (trx) => {
        const r = await register(trx, id, person, now);
        if (r.kind === 'registered' && r.registration.status === 'held')
          await changeRegistration(trx, r.registration.token, 'registration.confirm', now);
      });
    }
  }
  await seedSelectionEvent(db, now, common);
  return events.length + 1;
}

/**
 * An event with selection (issue 18 Nr. 9) whose application deadline passed yesterday: six
 * applications with motivations wait for the organisers, three already preliminarily decided.
 */
async function seedSelectionEvent(
  db: DB,
  now: Date,
  common: Pick<EventValues, 'technicalRequirements' | 'language' | 'yellowBelowPercent'>,
) {
  const values = demoEvent(now, 35, '10:00', '16:00', {
    ...common,
    onlineLink: null,
    format: 'praesenz',
    venue: 'Volkshochschule Chemnitz, DAStietz',
    address: 'Moritzstraße 20, 09111 Chemnitz',
    landkreis: 'Chemnitz',
    venueAccessibility: 'Aufzug, barrierefreies WC; Gebärdensprachdolmetschung auf Wunsch.',
    title: 'Demo: Pilotphase Beteiligungswerkstatt (mit Auswahl)',
    description:
      'Vier Kommunen oder Vereine erarbeiten an einem Tag mit Begleitung der EBBS ein Beteiligungskonzept für ihr Vorhaben. Die Plätze werden nach Auswahl vergeben: Bewerben Sie sich mit ein paar Sätzen zu Ihrem Vorhaben.',
    topic: 'methoden',
    audience: 'Kommunen und Vereine mit einem konkreten Vorhaben',
    organiser: 'EBBS (Demo)',
    capacity: 4,
    admission: 'auswahl',
  });
  const yesterday = dayFrom(now, -1);
  const id = await createEvent(
    db,
    { ...values, registrationClosesAt: new Date(Date.parse(at(yesterday, '23:59')) + 60_000).toISOString() },
    null,
    now,
  );
  const applicants: Array<[string, string, string, SelectionDecision | null]> = [
    ['Anna Demo', 'Gemeinde Wiesenbach (Demo)', 'Wir planen einen Bürgerhaushalt und möchten die Jugend früh einbinden.', 'ausgewaehlt'],
    [
      'Ben Beispiel',
      'Heimatverein Talblick (Demo)',
      'Unser Verein will den Dorfplatz gemeinsam mit den Anwohnenden neu gestalten.',
      'ausgewaehlt',
    ],
    [
      'Clara Muster',
      'Stadt Muldenau (Demo)',
      'Für die Fortschreibung des Stadtentwicklungskonzepts suchen wir ein Format für Ortsteile.',
      'nachrueckliste',
    ],
    ['David Probe', 'Bürgerinitiative Radweg (Demo)', 'Wir möchten einen Bürgerrat zum Radverkehr vorbereiten.', null],
    ['Eva Entwurf', 'Gemeinde Seeland (Demo)', 'Die Gemeinde plant Beteiligung zur Schulwegsicherheit.', null],
    ['Fritz Vorlage', 'Jugendforum Elbtal (Demo)', 'Wir wollen ein Jugendparlament gründen und brauchen ein Konzept.', null],
  ];
  const applied = new Date(now.getTime() - 5 * 86_400_000);
  for (const [i, [name, organisation, motivation, decision]] of applicants.entries()) {
    await db.transaction().execute(async (trx) => {
      const r = await register(
        trx,
        id,
        {
          name,
          email: `bewerbung${i + 1}.${id}@demo.example`,
          organisation,
          accessibilityNeeds: '',
          dietaryNeeds: '',
          userId: null,
          motivation,
        },
        new Date(applied.getTime() + i * 3_600_000),
      );
      if (r.kind === 'registered' && decision) await saveSelectionDecisions(trx, id, [{ id: r.registration.id, decision }], applied);
    });
  }
}
