import { Writable } from 'node:stream';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withoutNulBytes } from '../../app/utils/nul-bytes.server';

/*
 * React 18's streaming renderer sends NUL bytes where a multi-byte character meets the end of its
 * 2 048-byte buffer (react/react#24985). A page of small text nodes with umlauts, its start shifted by
 * 0–7 bytes, hits that: the raw stream has NUL bytes, the stream through withoutNulBytes has none and
 * is the same HTML as renderToString's.
 */

function Page({ shift }: { shift: number }) {
  return (
    <ul>
      <li>{'x'.repeat(shift)}</li>
      {Array.from({ length: 300 }, (_, i) => (
        <li key={i}>Bürgerpanel {i} – Größe</li>
      ))}
    </ul>
  );
}

function render(shift: number, through?: () => NodeJS.WritableStream & NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        parts.push(Buffer.from(chunk));
        callback();
      },
      final(callback) {
        resolve(Buffer.concat(parts));
        callback();
      },
    });
    const { pipe } = renderToPipeableStream(<Page shift={shift} />, {
      onAllReady() {
        if (through) pipe(through()).pipe(sink);
        else pipe(sink);
      },
      onError: reject,
    });
  });
}

describe('rendered HTML without NUL bytes', () => {
  it('React 18 leaves NUL bytes in the raw stream; through withoutNulBytes there are none', async () => {
    const shifts = Array.from({ length: 8 }, (_, shift) => shift);
    const raw = await Promise.all(shifts.map((shift) => render(shift)));
    // The bug this guards against is there (when React fixes it, this says so and the filter can go).
    expect(raw.some((html) => html.includes(0))).toBe(true);
    for (const shift of shifts) {
      const html = await render(shift, withoutNulBytes);
      expect(html.includes(0), `shift ${shift}`).toBe(false);
      expect(html.toString('utf8'), `shift ${shift}`).toBe(renderToString(<Page shift={shift} />));
    }
  });
});
