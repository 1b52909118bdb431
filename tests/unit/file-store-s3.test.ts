import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileStore, fileStoreFromEnv, localFileStore, s3FileStore } from '../../db/file-store';

/*
 * The same contract for both stores, the S3 one against s3rver: an S3-compatible server running in
 * this process, with buckets and objects on disk (its key pair is S3RVER/S3RVER). Not a mock of
 * the protocol: the store's real, signed requests go over HTTP (issue 16 item 4, ADR 0055).
 * s3rver parses the AWS Signature V4 header and checks the access key, not the signature itself.
 */
let dir = '';
let server: S3rver;
let endpoint = '';
const settings = () => ({ endpoint, bucket: 'anlagen', region: 'eu-central-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foerderlotse-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'anlagen' }] });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const stores: Array<[string, () => FileStore]> = [
  ['local folder', () => localFileStore(join(dir, 'uploads'))],
  ['S3 object store', () => s3FileStore(settings())],
];

describe.each(stores)('file store: %s', (_name, make) => {
  it('keeps bytes under a key, gives them back unchanged and removes them idempotently', async () => {
    const store = make();
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 256);
    await store.put('Anlage_1-abc', bytes);
    expect(await store.get('Anlage_1-abc')).toEqual(bytes);
    await store.remove('Anlage_1-abc');
    await store.remove('Anlage_1-abc');
    await expect(store.get('Anlage_1-abc')).rejects.toThrow();
  });

  it('refuses a key that is not a storage key before any request', async () => {
    const store = make();
    for (const key of ['../geheim', 'a/b', '', 'x'.repeat(201)]) {
      await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow('Ungültiger Speicherschlüssel');
      await expect(store.get(key)).rejects.toThrow('Ungültiger Speicherschlüssel');
    }
  });
});

describe('S3 object store', () => {
  it('fails loudly, in German, when the access key is unknown to the store', async () => {
    const store = s3FileStore({ ...settings(), accessKeyId: 'UNBEKANNT' });
    await expect(store.put('schluessel', new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /Objektspeicher: Speichern von schluessel fehlgeschlagen \(HTTP 403/,
    );
  });

  it('fails loudly when the bucket does not exist', async () => {
    await expect(s3FileStore({ ...settings(), bucket: 'gibt-es-nicht' }).get('schluessel')).rejects.toThrow(/HTTP 404/);
  });
});

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe('configuration by environment', () => {
  it('is the local folder by default and the object store with FILE_STORE=s3', async () => {
    expect(fileStoreFromEnv(env({ UPLOAD_DIR: join(dir, 'u') })).location).toBe(join(dir, 'u'));
    const store = fileStoreFromEnv(
      env({
        FILE_STORE: 's3',
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'anlagen',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );
    await store.put('ueber-env', new Uint8Array([7]));
    expect(await s3FileStore(settings()).get('ueber-env')).toEqual(new Uint8Array([7]));
  });

  it('names what is missing or wrong in German', () => {
    expect(() => fileStoreFromEnv(env({ FILE_STORE: 's3', S3_ENDPOINT: endpoint }))).toThrow(
      'FILE_STORE=s3 braucht außerdem S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY.',
    );
    expect(() => fileStoreFromEnv(env({ FILE_STORE: 'ftp' }))).toThrow('FILE_STORE=ftp ist unbekannt');
    expect(() =>
      fileStoreFromEnv(env({ FILE_STORE: 's3', S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 's' })),
    ).toThrow('S3_ENDPOINT muss mit https://');
  });
});
