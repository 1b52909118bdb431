/**
 * Helpers for PDF tests: text and word boxes with poppler (pdftotext), rendering (pdftoppm) and
 * rendering inputs for the sample applications.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationData } from '../../machines/frl/application/schema';
import type { RenderApplicationInput } from '../../forms/antrag/index';
import { deriveSample, SAMPLE_CREATED_AT, SAMPLE_DATE } from './sample-application';

function withFile<T>(bytes: Uint8Array, run: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'forms-test-'));
  const path = join(dir, 'doc.pdf');
  writeFileSync(path, bytes);
  try {
    return run(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole document (or one 1-based page) as poppler extracts it. */
export function pdfText(bytes: Uint8Array, options: { page?: number; layout?: boolean } = {}): string {
  return withFile(bytes, (path) => {
    const args = ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : [])];
    if (options.page) args.push('-f', String(options.page), '-l', String(options.page));
    return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  });
}

/** Text of every page, in order (`layout`: keeps the lines of the page, e.g. table rows). */
export function pdfPages(bytes: Uint8Array, options: { layout?: boolean } = {}): string[] {
  return pdfText(bytes, options).split('\f').slice(0, -1);
}

export interface Word {
  page: number;
  text: string;
  /** PDF coordinates (origin bottom left), in points. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word with its box (pdftotext -bbox), converted to PDF coordinates. */
export function pdfWords(bytes: Uint8Array): Word[] {
  const html = withFile(bytes, (path) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
  const words: Word[] = [];
  let page = 0;
  let height = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page += 1;
      height = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) {
      words.push({
        page,
        text: decode(w[5]!),
        xMin: Number(w[1]),
        xMax: Number(w[3]),
        yMin: height - Number(w[4]),
        yMax: height - Number(w[2]),
      });
    }
  }
  return words;
}

/** Renders pages to PNG at `dpi` and returns their bytes (in page order). */
export function renderPages(bytes: Uint8Array, dpi = 50, pages?: { first: number; last: number }): Buffer[] {
  return withFile(bytes, (path, dir) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', ...range, path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  });
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, rows top to bottom. */
  rgb: Uint8Array;
}

/** Renders pages as raw RGB rasters (pdftoppm's PPM output). */
export function renderRasters(bytes: Uint8Array, dpi = 50, pages?: { first: number; last: number }): Raster[] {
  return withFile(bytes, (path, dir) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    execFileSync('pdftoppm', ['-r', String(dpi), ...range, path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort()
      .map((f) => {
        const file = readFileSync(join(dir, f));
        // "P6\n<w> <h>\n255\n" followed by the pixels.
        let offset = 0;
        const tokens: string[] = [];
        while (tokens.length < 4) {
          while (/\s/.test(String.fromCharCode(file[offset]!))) offset += 1;
          let token = '';
          while (!/\s/.test(String.fromCharCode(file[offset]!))) token += String.fromCharCode(file[offset++]!);
          tokens.push(token);
        }
        offset += 1;
        return {
          width: Number(tokens[1]),
          height: Number(tokens[2]),
          rgb: new Uint8Array(file.buffer, file.byteOffset + offset, file.length - offset),
        };
      });
  });
}

/** Share of pixels whose colour differs by more than `threshold` in any channel. */
export function rasterDifference(a: Raster, b: Raster, threshold = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.rgb.length; i += 3) {
    if (
      Math.abs(a.rgb[i]! - b.rgb[i]!) > threshold ||
      Math.abs(a.rgb[i + 1]! - b.rgb[i + 1]!) > threshold ||
      Math.abs(a.rgb[i + 2]! - b.rgb[i + 2]!) > threshold
    )
      differing += 1;
  }
  return differing / (a.width * a.height);
}

/** Share of clearly reddish pixels (the draft watermark is red, the form is blue-grey). */
export function reddish(raster: Raster): number {
  let count = 0;
  for (let i = 0; i < raster.rgb.length; i += 3)
    if (raster.rgb[i]! > raster.rgb[i + 1]! + 12 && raster.rgb[i]! > raster.rgb[i + 2]! + 12) count += 1;
  return count / (raster.width * raster.height);
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (path) => execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pdfFonts(bytes: Uint8Array): Array<{ name: string; embedded: boolean; subset: boolean; unicode: boolean }> {
  const out = withFile(bytes, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

/** Whitespace-insensitive text, for comparing long flowing texts. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A render input for a sample application, computed as the app does (tests may override parts). */
export function renderInput(data: ApplicationData, overrides: Partial<RenderApplicationInput> = {}): RenderApplicationInput {
  const derived = deriveSample(data);
  return {
    data,
    totals: derived.totals,
    eligibility: derived.eligibility,
    draft: false,
    variant: 'einreichung',
    createdAt: SAMPLE_CREATED_AT,
    referenceDate: SAMPLE_DATE,
    parameters: derived.parameters,
    ...overrides,
  };
}

/** The logical structure of a tagged PDF with its text, as poppler reads it (pdfinfo -struct-text). */
export function pdfStructure(bytes: Uint8Array): string {
  return withFile(bytes, (path) => execFileSync('pdfinfo', ['-struct-text', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}
