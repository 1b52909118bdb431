import { describe, expect, it } from 'vitest';
import { withLineFeeds } from '../../app/csrf.server';

describe('withLineFeeds (ADR 0103)', () => {
  it('gives every line break of a text as LF, as a text area shows it', () => {
    const form = new FormData();
    form.append('body', 'Erste Zeile\r\nZweite Zeile\r\n\r\nNach einer Leerzeile\rAltes Mac-Ende');
    form.append('title', 'ohne Umbruch');
    const result = withLineFeeds(form);
    expect(result.get('body')).toBe('Erste Zeile\nZweite Zeile\n\nNach einer Leerzeile\nAltes Mac-Ende');
    expect(result.get('title')).toBe('ohne Umbruch');
  });

  it('keeps the order, repeated names and files', async () => {
    const form = new FormData();
    form.append('methods', 'a');
    form.append('note', 'x\r\ny');
    form.append('methods', 'b');
    form.append('file', new File(['eins\r\nzwei'], 'liste.csv', { type: 'text/csv' }));
    const result = withLineFeeds(form);
    expect([...result.keys()]).toEqual(['methods', 'note', 'methods', 'file']);
    expect(result.getAll('methods')).toEqual(['a', 'b']);
    const file = result.get('file') as File;
    expect(file.name).toBe('liste.csv');
    // A file's bytes are the file's: a CSV's CR LF is not the browser's form encoding.
    expect(await file.text()).toBe('eins\r\nzwei');
  });

  it('hands back the same form when no text holds a CR', () => {
    const form = new FormData();
    form.append('body', 'eine\nZeile');
    expect(withLineFeeds(form)).toBe(form);
  });
});
