import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { MAX_FORM_FIELDS } from '../csrf.server';

/**
 * Reads a multipart/form-data body into memory with busboy (ADR 0084). Remix's own reader refuses a
 * part whose quoted name or file name holds ";" or "=" ("Angebot; Stand 03-2026.pdf"), so such an
 * upload failed as unreadable. Every part, text or file, is bounded by `maxPartBytes`.
 */
export async function readMultipartForm(request: Request, { maxPartBytes }: { maxPartBytes: number }): Promise<FormData> {
  const form = new FormData();
  const contentType = request.headers.get('content-type') ?? '';
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names as UTF-8 bytes; busboy's default would read them as Latin-1.
      defParamCharset: 'utf8',
      // busboy reports a limit once a part reaches it: one byte more lets a part of exactly
      // `maxPartBytes` through. One part more than a form may have, so that assertFormSize names it.
      limits: { fileSize: maxPartBytes + 1, fieldSize: maxPartBytes + 1, parts: MAX_FORM_FIELDS + 1 },
    });
  } catch {
    throw new UnreadableFormError(form);
  }
  if (!request.body) throw new UnreadableFormError(form);
  const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      // The rest of the body is read and dropped rather than the connection cut, so the browser
      // receives the page that says what went wrong.
      source.unpipe(parser);
      source.resume();
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new PartTooLargeError(name, form));
      else form.append(name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk as Uint8Array<ArrayBuffer>));
      stream.on('limit', () => fail(new PartTooLargeError(name, form)));
      stream.on('end', () => {
        if (!stream.truncated) form.append(name, new File(chunks, info.filename ?? '', { type: info.mimeType }));
      });
    });
    parser.on('error', () => fail(new UnreadableFormError(form)));
    parser.on('close', resolve);
    source.on('error', () => fail(new UnreadableFormError(form)));
    source.pipe(parser);
  });
  return form;
}

/** A part is larger than the reader allows; `partial` holds what was read before it. */
export class PartTooLargeError extends Error {
  constructor(
    readonly partName: string,
    readonly partial: FormData,
  ) {
    super(`Part "${partName}" exceeds the size limit`);
  }
}

/** The body is no readable multipart form (no boundary, cut off, malformed). */
export class UnreadableFormError extends Error {
  constructor(readonly partial: FormData) {
    super('Unreadable multipart body');
  }
}
