/**
 * The audit log in words for the administration's audit view: areas to filter by (an action
 * prefix each) and a German label for every action the app records. An action without a label
 * (added later, or by another release) is shown with its technical name.
 */

export const auditAreas = {
  anmeldung: { label: 'Anmeldung und Sitzungen', prefix: 'session.' },
  konten: { label: 'Konten und Passwörter', prefix: 'user.' },
  organisationen: { label: 'Organisationen', prefix: 'organisation.' },
  regelwerk: { label: 'Regelwerk', prefix: 'regelwerk.' },
  veranstaltungen: { label: 'Veranstaltungen', prefix: 'events.' },
} as const;

export type AuditArea = keyof typeof auditAreas;

export const auditActionLabels: Record<string, string> = {
  'session.signed_in': 'Angemeldet',
  'session.signed_out': 'Abgemeldet',
  'session.revoked': 'Sitzung beendet',
  'session.revoked_others': 'Andere Sitzungen beendet',
  'user.created': 'Konto angelegt',
  'user.registered_with_new_organisation': 'Registriert, Organisation angelegt',
  'user.joined_organisation': 'Registriert, Organisation beigetreten',
  'user.password_changed': 'Passwort geändert',
  'user.password_reset_requested': 'Link für neues Passwort angefordert („Passwort vergessen?“)',
  'user.password_reset_sent': 'Link für neues Passwort von der Administration geschickt',
  'user.password_reset': 'Neues Passwort über Link festgelegt',
  'user.disabled': 'Konto gesperrt',
  'user.enabled': 'Konto entsperrt',
  'user.role_changed': 'Rolle oder Organisation geändert',
  'organisation.updated': 'Organisationsdaten geändert',
  'organisation.updated_from_application': 'Organisationsdaten aus einem Antrag übernommen',
  'organisation.invite_renewed': 'Einladungscode erneuert',
  'regelwerk.parameter.angelegt': 'Parameteränderung angelegt',
  'regelwerk.parameter.veroeffentlicht': 'Parameteränderung veröffentlicht',
  'regelwerk.parameter.verworfen': 'Parameteränderung verworfen',
  'regelwerk.aufruf.vorgeschlagen': 'Förderaufruf vorgeschlagen',
  'regelwerk.aufruf.angelegt': 'Förderaufruf veröffentlicht (neu)',
  'regelwerk.aufruf.geaendert': 'Förderaufruf veröffentlicht (geändert)',
  'regelwerk.aufruf.verworfen': 'Vorschlag für Förderaufruf verworfen',
  'events.event.created': 'Veranstaltung angelegt',
  'events.event.updated': 'Veranstaltung geändert',
  'events.event.cancelled': 'Veranstaltung abgesagt',
};

export const auditActionLabel = (action: string) => auditActionLabels[action] ?? null;
