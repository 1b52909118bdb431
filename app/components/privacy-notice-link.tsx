/**
 * The data protection notes of the funding procedure, linked where applicants confirm having read
 * them. Opens beside the form, so nothing typed there is lost; the link text says so.
 */
export function PrivacyNoticeLink() {
  return (
    <a href="/datenschutz#foerderverfahren" target="_blank" rel="noopener">
      Datenschutzhinweise zum Förderverfahren lesen (öffnet in einem neuen Fenster)
    </a>
  );
}
