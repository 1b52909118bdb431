import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/*
 * The client build goes out compressed once at build time (scripts/precompress.mjs, ADR 0092);
 * pages are compressed as they are sent. Read with node:http, which (unlike Playwright's request
 * context) shows the bytes on the wire and the encoding headers as they are.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function rawGet(baseURL: string, path: string, acceptEncoding: string | null): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const req = request(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const built = filesUnder('public/build');
/** The largest script of the build: the one where compressing per request cost the most. */
const largest = built
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ f, size: readFileSync(f).length }))
  .sort((a, b) => b.size - a.size)[0]!.f;

test('every compressible file of the build has a gzip copy of exactly its current content', () => {
  const copies = built.filter((f) => f.endsWith('.gz'));
  const needing = built.filter((f) => /\.(?:js|css)$/.test(f) && readFileSync(f).length >= 1024);
  expect(needing.length).toBeGreaterThan(10);
  for (const file of needing) expect(copies, file).toContain(`${file}.gz`);
  for (const copy of copies) expect(gunzipSync(readFileSync(copy)).equals(readFileSync(copy.slice(0, -3))), copy).toBe(true);
});

test('a script of the build is sent as its precompressed copy to a browser that accepts gzip, as it is to one that does not', async ({
  baseURL,
}) => {
  const path = `/${largest.replace(/^public\//, '')}`;
  const original = readFileSync(largest);
  const zipped = await rawGet(baseURL!, path, 'gzip, deflate');
  expect(zipped.status).toBe(200);
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers['content-type']).toMatch(/^text\/javascript/);
  expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
  expect(zipped.headers['cache-control']).toContain('immutable');
  // The bytes of the copy written at build time (highest level), not a compression made for this request.
  expect(zipped.body.equals(readFileSync(`${largest}.gz`))).toBe(true);
  expect(gunzipSync(zipped.body).equals(original)).toBe(true);

  const plain = await rawGet(baseURL!, path, null);
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(original)).toBe(true);
});

test('a page is compressed as it is sent, and a missing build file is a 404', async ({ baseURL }) => {
  const page = await rawGet(baseURL!, '/regeln', 'gzip');
  expect(page.status).toBe(200);
  expect(page.headers['content-encoding']).toBe('gzip');
  const html = gunzipSync(page.body).toString('utf8');
  expect(html).toContain('lang="de-DE"');
  // Compressed as a whole: with a flush after every chunk React wrote, /regeln came out almost twice as large.
  expect(page.body.length).toBeLessThan(html.length / 3);

  expect((await rawGet(baseURL!, '/build/gibt-es-nicht.js', 'gzip')).status).toBe(404);
});

// React 18's streaming renderer leaves NUL bytes where a multi-byte character meets the end of its
// 2 048-byte buffer (app/utils/nul-bytes.server.ts). Search words of 0–59 umlauts shift every later
// character of the page; without the filter a few of these pages carried a NUL ("B\0ürgerpanel").
test('no page carries a NUL byte, wherever its umlauts fall', async ({ baseURL }) => {
  const paths = Array.from({ length: 60 }, (_, k) => [
    `/beispiele?q=${encodeURIComponent('ä'.repeat(k))}`,
    `/methoden?q=${encodeURIComponent('ö'.repeat(k))}`,
  ]).flat();
  for (const path of paths) {
    const answer = await rawGet(baseURL!, path, null);
    expect(answer.status, path).toBe(200);
    expect(answer.body.includes(0), path).toBe(false);
  }
});
