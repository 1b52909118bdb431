/**
 * The data protection notes of one part of the privacy page, linked where people confirm having read
 * them. Opens beside the form, so nothing typed there is lost; the link text says so.
 */
const notes = {
  foerderverfahren: 'Datenschutzhinweise zum Förderverfahren',
  veranstaltungen: 'Datenschutzhinweise zu Veranstaltungen',
  newsletter: 'Datenschutzhinweise zum Newsletter',
} as const;

export function PrivacyNoticeLink({ section = 'foerderverfahren' }: { section?: keyof typeof notes }) {
  return (
    <a href={`/datenschutz#${section}`} target="_blank" rel="noopener">
      {notes[section]} lesen (öffnet in einem neuen Fenster)
    </a>
  );
}
