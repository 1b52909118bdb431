import { describe, expect, it } from 'vitest';
import { PartTooLargeError, readMultipartForm, UnreadableFormError } from '../../app/utils/multipart.server';

/** A request whose body is encoded the way a browser encodes a form (boundary, quoted names). */
function posted(entries: Array<[string, string | File]>): Request {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return new Request('http://localhost/upload', { method: 'POST', body: form });
}

function raw(body: string, contentType = 'multipart/form-data; boundary=X'): Request {
  return new Request('http://localhost/upload', { method: 'POST', body, headers: { 'content-type': contentType } });
}

describe('readMultipartForm', () => {
  it('keeps a file whose name holds ";", "=" and umlauts, and the text beside it', async () => {
    const name = 'Angebot Müller; Stand=03-2026 „final“.pdf';
    const form = await readMultipartForm(
      posted([
        ['docType', 'angebot'],
        ['file', new File(['%PDF-1.7 …'], name, { type: 'application/pdf' })],
        ['body', 'Zeile 1\r\n\r\nZeile 3'],
      ]),
      { maxPartBytes: 1024 },
    );
    const file = form.get('file');
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe(name);
    expect((file as File).type).toBe('application/pdf');
    expect(await (file as File).text()).toBe('%PDF-1.7 …');
    expect(form.get('docType')).toBe('angebot');
    expect(form.get('body')).toBe('Zeile 1\r\n\r\nZeile 3');
  });

  it('reads field names with ";" and "=" and repeated names in order', async () => {
    const form = await readMultipartForm(
      posted([
        ['a;b=c', 'x'],
        ['field', 'eins'],
        ['field', 'zwei'],
      ]),
      { maxPartBytes: 1024 },
    );
    expect(form.get('a;b=c')).toBe('x');
    expect(form.getAll('field')).toEqual(['eins', 'zwei']);
  });

  it('keeps an empty file input as an empty file, as a browser sends it', async () => {
    const body =
      '--X\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--X--\r\n';
    const form = await readMultipartForm(raw(body), { maxPartBytes: 1024 });
    const file = form.get('file');
    expect(file).toBeInstanceOf(File);
    expect((file as File).size).toBe(0);
  });

  it('accepts a part of exactly the limit and refuses one byte more, keeping what came before', async () => {
    const exact = await readMultipartForm(posted([['file', new File(['x'.repeat(16)], 'a.csv')]]), { maxPartBytes: 16 });
    expect((exact.get('file') as File).size).toBe(16);
    const error = await readMultipartForm(
      posted([
        ['docType', 'angebot'],
        ['file', new File(['x'.repeat(17)], 'a.csv')],
      ]),
      { maxPartBytes: 16 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartTooLargeError);
    expect((error as PartTooLargeError).partName).toBe('file');
    expect((error as PartTooLargeError).partial.get('docType')).toBe('angebot');
  });

  it('bounds text parts too', async () => {
    expect((await readMultipartForm(posted([['body', 'y'.repeat(16)]]), { maxPartBytes: 16 })).get('body')).toBe('y'.repeat(16));
    const error = await readMultipartForm(posted([['body', 'y'.repeat(17)]]), { maxPartBytes: 16 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartTooLargeError);
  });

  it('refuses a body without boundary or cut off in the middle as unreadable', async () => {
    await expect(readMultipartForm(raw('irrelevant', 'multipart/form-data'), { maxPartBytes: 16 })).rejects.toBeInstanceOf(
      UnreadableFormError,
    );
    const cut = '--X\r\nContent-Disposition: form-data; name="body"\r\n\r\nhalf';
    await expect(readMultipartForm(raw(cut), { maxPartBytes: 1024 })).rejects.toBeInstanceOf(UnreadableFormError);
  });
});
