import contentDisposition from 'content-disposition';

/**
 * The name an uploaded file is stored and offered under: what the user called it, in Unicode
 * normal form C (so "Müller" typed on a Mac, where ü arrives as u + combining diaeresis, stays
 * "Müller" and compares equal), letters and digits of any script kept, no path, no control or
 * shell characters, and the extension of the type detected from the content.
 */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    // Separators people put between words ("Angebot;Stand=03-2026") become a space, not nothing.
    .replace(/[;=&+,]/g, ' ')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'Anlage'}.${extension}`;
}

/** An ASCII stand-in for clients that cannot read `filename*` ("Müller" → "Mueller"). */
function asciiFallback(name: string): string {
  return name
    .normalize('NFC')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** `attachment` with the real name as RFC 5987 `filename*` (UTF-8) and an ASCII `filename`. */
export function attachmentDisposition(fileName: string): string {
  return contentDisposition(fileName, { fallback: asciiFallback(fileName) });
}
