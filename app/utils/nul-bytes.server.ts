import { Transform } from 'node:stream';

/**
 * A pass-through that drops every 0x00 byte of the rendered HTML.
 *
 * React 18.3's `renderToPipeableStream` encodes markup into a reusable 2 048-byte buffer; when a
 * multi-byte character (an "ü") does not fit at its end, React still sends the whole buffer, and
 * the unwritten bytes at its end go out as NUL bytes ("B\0ürgerpanel"; react/react#24985, fixed
 * upstream in #26228 for React 19, not in 18). In UTF-8 a 0x00 byte is never part of another
 * character, and U+0000 has no place in HTML (the parser replaces it), so dropping them changes
 * nothing else.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) {
        callback(null, chunk);
        return;
      }
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      callback(null, kept.subarray(0, length));
    },
  });
}
