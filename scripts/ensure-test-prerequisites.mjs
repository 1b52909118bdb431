// Runs before `npm test` (pretest): makes a fresh clone testable without manual steps.
// Installs the npm dependencies when they are missing, and Debian's chromium-headless-shell (the
// browser tests' Chromium, ADR 0089) and poppler-utils (pdftotext/pdftoppm for PDF tests) when they
// are missing. Plain Node, no packages.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command) {
  console.log(`> ${command}`);
  execSync(command, { stdio: 'inherit' });
}

function has(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync('node_modules/.bin/vitest') || !existsSync('node_modules/.bin/playwright')) run('npm ci');

const missing = [];
if (process.env.CHROMIUM_PATH) {
  if (!existsSync(process.env.CHROMIUM_PATH)) missing.push('chromium');
} else if (!existsSync('/usr/bin/chromium-headless-shell')) missing.push('chromium-headless-shell');
if (!has('pdftotext') || !has('pdftoppm')) missing.push('poppler-utils');
if (missing.length) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? '' : has('sudo') ? 'sudo ' : null;
  if (sudo === null) {
    console.error(
      `Für die Tests fehlen Debian-Pakete: ${missing.join(', ')}. Bitte als root installieren: apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  run(`${sudo}apt-get update -qq`);
  run(`DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${missing.join(' ')}`);
}
