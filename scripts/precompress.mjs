// Writes a gzip copy beside every compressible file of the client build (public/build), at zlib's
// highest level, once per build (ADR 0092). The server sends these to browsers that accept gzip
// instead of compressing the same file again on every request.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'public/build';
const compressible = /\.(?:js|css|svg|json|map|txt)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let written = 0;
let before = 0;
let after = 0;
for (const path of files(root)) {
  if (path.endsWith('.gz')) {
    // A copy whose file a newer build no longer has.
    if (!existsSync(path.slice(0, -3))) unlinkSync(path);
    continue;
  }
  if (!compressible.test(path) || statSync(path).size < 1024) continue;
  const source = readFileSync(path);
  const zipped = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
  if (zipped.length >= source.length) continue;
  writeFileSync(`${path}.gz`, zipped);
  written += 1;
  before += source.length;
  after += zipped.length;
}
const kB = (bytes) => `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 0 })} kB`;
console.log(`Vorkomprimiert: ${written} Dateien in ${root}, ${kB(before)} → ${kB(after)} (gzip)`);
