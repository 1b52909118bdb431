import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { localFileStore } from '../../db/file-store';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foerderlotse-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the local file store keeps bytes under a key, readable only by the app, and removes them idempotently', async () => {
  const store = localFileStore(join(dir, 'uploads'));
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  await store.put('AbC_-123', bytes);
  expect(await store.get('AbC_-123')).toEqual(bytes);
  expect(statSync(join(dir, 'uploads', 'AbC_-123')).mode & 0o777).toBe(0o600);
  await store.remove('AbC_-123');
  await store.remove('AbC_-123');
  await expect(store.get('AbC_-123')).rejects.toThrow();
});

test('a key that is not a storage key is refused, so nothing outside the store is read, written or removed', async () => {
  const store = localFileStore(join(dir, 'uploads'));
  for (const key of ['../geheim', 'a/b', '', '.', 'x'.repeat(201)]) {
    await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow('Ungültiger Speicherschlüssel');
    await expect(store.get(key)).rejects.toThrow('Ungültiger Speicherschlüssel');
    await expect(store.remove(key)).rejects.toThrow('Ungültiger Speicherschlüssel');
  }
});
