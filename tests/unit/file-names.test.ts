import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileName } from '../../app/utils/file-names.server';

describe('stored file names', () => {
  it('keeps umlauts and ß, in normal form C whichever form the browser sent', () => {
    expect(safeFileName('Angebot Müller.pdf', 'pdf')).toBe('Angebot Müller.pdf');
    expect(safeFileName('Angebot Müller.pdf'.normalize('NFD'), 'pdf')).toBe('Angebot Müller.pdf'.normalize('NFC'));
    expect(safeFileName('Straßenfest Öl.docx', 'docx')).toBe('Straßenfest Öl.docx');
    expect(safeFileName('Łódź.pdf', 'pdf')).toBe('Łódź.pdf');
  });

  it('drops paths, control and shell characters and takes the extension of the detected type', () => {
    expect(safeFileName('C:\\fakepath\\..\\Angebot.exe', 'pdf')).toBe('Angebot.pdf');
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('a\u0000b<c>|d"e.pdf', 'pdf')).toBe('abcde.pdf');
    expect(safeFileName('Angebot;Stand=03-2026 & Anlage+1,2.pdf', 'pdf')).toBe('Angebot Stand 03-2026 Anlage 1 2.pdf');
    expect(safeFileName('...', 'png')).toBe('Anlage.png');
  });

  it('offers the real name as RFC 5987 filename* with an ASCII fallback', () => {
    const header = attachmentDisposition('Angebot Müller (2).pdf');
    expect(header).toContain(`filename*=UTF-8''Angebot%20M%C3%BCller%20%282%29.pdf`);
    expect(header).toContain('filename="Angebot Mueller (2).pdf"');
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
  });
});
