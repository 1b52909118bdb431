/**
 * Where stored files (attachments) live, behind one small interface (issue 16 item 4, ADR 0055):
 * the local folder `UPLOAD_DIR` (default) or an S3-compatible object store (`FILE_STORE=s3`).
 * Callers never build paths themselves.
 *
 * A key is the random base64url storage key of the row that names the file; anything else is
 * refused, so no key can reach outside the store.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { uploadDirFromEnv } from './client';

export interface FileStore {
  /** Stores the bytes under `key` (complete or not at all is the caller's concern: it writes the row after). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under `key`; rejects when there are none. */
  get(key: string): Promise<Uint8Array>;
  /** Removes the file under `key`; no error when it is already gone. */
  remove(key: string): Promise<void>;
  /** Where the files are, for messages. */
  readonly location: string;
}

const keyPattern = /^[A-Za-z0-9_-]{1,200}$/;

export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key)) throw new Error(`Ungültiger Speicherschlüssel: ${JSON.stringify(key.slice(0, 40))}`);
}

/** Files in a local (or mounted, shared) folder, readable only by the app's user. */
export function localFileStore(dir: string): FileStore {
  return {
    location: dir,
    async put(key, bytes) {
      assertStorageKey(key);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, key), bytes, { mode: 0o600 });
    },
    async get(key) {
      assertStorageKey(key);
      return new Uint8Array(await readFile(join(dir, key)));
    },
    async remove(key) {
      assertStorageKey(key);
      await rm(join(dir, key), { force: true });
    },
  };
}

/** A store, or a folder meaning the local store there (for callers that were given a path). */
export function asFileStore(store: FileStore | string): FileStore {
  return typeof store === 'string' ? localFileStore(store) : store;
}

export interface S3Settings {
  /** The store's address, e.g. `https://s3.rz.sachsen.example` (path-style requests: endpoint/bucket/key). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files in a bucket of an S3-compatible object store (the data centre's, MinIO, Ceph …): three
 * signed requests (AWS Signature V4 through `aws4fetch`), no SDK. Objects are private (no ACL is
 * set); every download goes through the app and its authorisation.
 */
export function s3FileStore(settings: S3Settings): FileStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  });
  const base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string) => {
    assertStorageKey(key);
    return `${base}/${key}`;
  };
  const failure = (what: string, key: string, response: Response) =>
    new Error(`Objektspeicher: ${what} von ${key} fehlgeschlagen (HTTP ${response.status} ${response.statusText}).`);
  return {
    location: base,
    async put(key, bytes) {
      const response = await client.fetch(urlOf(key), {
        method: 'PUT',
        body: new Uint8Array(bytes),
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength) },
      });
      await response.arrayBuffer();
      if (!response.ok) throw failure('Speichern', key, response);
    },
    async get(key) {
      const response = await client.fetch(urlOf(key));
      const body = new Uint8Array(await response.arrayBuffer());
      if (!response.ok) throw failure('Lesen', key, response);
      return body;
    },
    async remove(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' });
      await response.arrayBuffer();
      // S3 answers 204 whether or not the object existed; some stores say 404 for a missing one.
      if (!response.ok && response.status !== 404) throw failure('Löschen', key, response);
    },
  };
}

const s3Variables = {
  endpoint: 'S3_ENDPOINT',
  bucket: 'S3_BUCKET',
  accessKeyId: 'S3_ACCESS_KEY_ID',
  secretAccessKey: 'S3_SECRET_ACCESS_KEY',
} as const;

/**
 * The store the environment configures: `FILE_STORE=s3` with S3_ENDPOINT, S3_BUCKET, S3_REGION
 * (default us-east-1), S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY; otherwise the folder UPLOAD_DIR.
 */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  const kind = (env.FILE_STORE || 'local').toLowerCase();
  if (kind === 'local') return localFileStore(uploadDirFromEnv(env));
  if (kind !== 's3') throw new Error(`FILE_STORE=${env.FILE_STORE} ist unbekannt: erlaubt sind „local“ (Standard) und „s3“.`);
  const missing = Object.values(s3Variables).filter((name) => !env[name]);
  if (missing.length) throw new Error(`FILE_STORE=s3 braucht außerdem ${missing.join(', ')}.`);
  if (!/^https?:\/\//.test(env.S3_ENDPOINT!)) throw new Error('S3_ENDPOINT muss mit https:// (oder http:// im eigenen Netz) beginnen.');
  return s3FileStore({
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  });
}
