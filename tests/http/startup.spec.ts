import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('a missing PDF template stops the start with a German message naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'foerderlotse-start-'));
  try {
    const missing = join(dir, 'fehlt.pdf');
    const result = spawnSync(process.execPath, ['server.mjs'], {
      env: { ...process.env, PORT: '0', DATABASE_FILE: join(dir, 'app.db'), FORMS_TEMPLATE: missing, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Start abgebrochen: PDF-Vorlage für den Antrag nicht gefunden: ${missing}`);
    expect(result.stderr).toContain('npm run forms:template');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
