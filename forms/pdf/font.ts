import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont, TypeFeatures } from '@pdf-lib/fontkit';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { deflatedStream } from './objects';

/**
 * Fonts for filling: the font program (metrics from fontkit) and a handle that encodes text for
 * one embedded copy of it in a PDF. Text is measured per code point (no kerning, no ligatures),
 * which is exactly how it is drawn, so measured and printed widths agree.
 */

/** Ligatures would print glyphs that the ToUnicode map of a fully embedded font does not know. */
export const shapingFeatures: TypeFeatures = { liga: false, clig: false, dlig: false, calt: false, rlig: false };

export interface FontProgram {
  readonly bytes: Uint8Array;
  readonly font: FontkitFont;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Ascender and descender in em (descender negative). */
  readonly ascent: number;
  readonly descent: number;
  /** Advance width of a code point in font units (0 for a code point without glyph). */
  advance(codePoint: number): number;
  has(codePoint: number): boolean;
  glyphId(codePoint: number): number;
}

class FontkitProgram implements FontProgram {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  private readonly advances = new Map<number, number>();
  private readonly glyphIds = new Map<number, number>();
  private readonly ascii = new Float64Array(128).fill(-1);

  constructor(
    readonly bytes: Uint8Array,
    readonly font: FontkitFont,
  ) {
    this.postscriptName = font.postscriptName ?? 'Font';
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent / font.unitsPerEm;
    this.descent = font.descent / font.unitsPerEm;
  }

  has(codePoint: number): boolean {
    return this.glyphId(codePoint) !== 0;
  }

  glyphId(codePoint: number): number {
    let id = this.glyphIds.get(codePoint);
    if (id === undefined) {
      id = this.font.hasGlyphForCodePoint(codePoint) ? this.font.glyphForCodePoint(codePoint).id : 0;
      this.glyphIds.set(codePoint, id);
    }
    return id;
  }

  advance(codePoint: number): number {
    if (codePoint < 128) {
      const cached = this.ascii[codePoint]!;
      if (cached >= 0) return cached;
    }
    let width = this.advances.get(codePoint);
    if (width === undefined) {
      width = this.has(codePoint) ? this.font.glyphForCodePoint(codePoint).advanceWidth : 0;
      this.advances.set(codePoint, width);
      if (codePoint < 128) this.ascii[codePoint] = width;
    }
    return width;
  }
}

const programs = new Map<string, FontProgram>();

/** Parses a TrueType font once per path (fontkit parses tables lazily, so this is cheap). */
export function fontProgramFromFile(path: string): FontProgram {
  let program = programs.get(path);
  if (!program) {
    const bytes = new Uint8Array(readFileSync(path));
    program = new FontkitProgram(bytes, fontkit.create(bytes));
    programs.set(path, program);
  }
  return program;
}

export function fontProgramFromBytes(bytes: Uint8Array): FontProgram {
  return new FontkitProgram(bytes, fontkit.create(bytes));
}

function dejavuPath(file: string): string {
  try {
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    return resolve(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf', file);
  }
}

/** DejaVu Sans (regular): Latin, Greek, Cyrillic, € and many symbols, free licence. */
export function dejaVuSans(): FontProgram {
  return fontProgramFromFile(dejavuPath('DejaVuSans.ttf'));
}

export function dejaVuSansBold(): FontProgram {
  return fontProgramFromFile(dejavuPath('DejaVuSans-Bold.ttf'));
}

/** One embedded copy of a font program in a document. */
export interface FontHandle {
  readonly program: FontProgram;
  readonly ref: PDFRef;
  /** The glyph codes of a text for this copy, as hex (four digits per glyph). */
  hex(text: string): string;
  /** Writes the font objects when this run embeds the font (subset); called once before saving. */
  finish?(): Promise<void>;
}

/**
 * A font that is embedded completely with Identity-H and CIDToGIDMap Identity (as in our template):
 * the character codes are the glyph ids of the font program, so nothing needs embedding again.
 */
export function fullyEmbeddedHandle(program: FontProgram, ref: PDFRef): FontHandle {
  return {
    program,
    ref,
    hex(text: string) {
      let hex = '';
      for (const char of text) hex += program.glyphId(char.codePointAt(0)!).toString(16).padStart(4, '0');
      return hex;
    },
  };
}

interface CidGlyph {
  code: number;
  width: number;
  codePoints: number[];
}

function toUnicodeCmap(glyphs: CidGlyph[]): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const utf16 = (cps: number[]) =>
    cps
      .map((cp) => {
        if (cp < 0x10000) return hex4(cp);
        const v = cp - 0x10000;
        return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
      })
      .join('');
  const mapped = glyphs.filter((g) => g.codePoints.length > 0);
  const blocks: string[] = [];
  for (let i = 0; i < mapped.length; i += 100) {
    const chunk = mapped.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((g) => `<${hex4(g.code)}> <${utf16(g.codePoints)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** /W as runs of consecutive codes: [c [w1 w2 …] c' [...] …]. */
function widthsArray(glyphs: CidGlyph[]): Array<number | number[]> {
  const sorted = [...glyphs].sort((a, b) => a.code - b.code);
  const out: Array<number | number[]> = [];
  let run: number[] = [];
  let previous = -2;
  for (const g of sorted) {
    if (g.code !== previous + 1) {
      if (run.length) out.push(run);
      out.push(g.code);
      run = [];
    }
    run.push(Math.round(g.width));
    previous = g.code;
  }
  if (run.length) out.push(run);
  return out;
}

/** Writes a Type0 / CIDFontType2 font (Identity-H, CIDToGIDMap Identity) at `ref`. */
export function writeCidFont(
  context: PDFContext,
  ref: PDFRef,
  font: { baseFont: string; program: FontProgram; file: Uint8Array; glyphs: CidGlyph[] },
): void {
  const { program } = font;
  const scale = 1000 / program.unitsPerEm;
  const f = program.font;
  const bbox = f.bbox;
  const file = context.register(deflatedStream(context, font.file, { Length1: font.file.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: font.baseFont,
      Flags: 4,
      FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(Math.round),
      ItalicAngle: f.italicAngle,
      Ascent: Math.round(f.ascent * scale),
      Descent: Math.round(f.descent * scale),
      CapHeight: Math.round((f.capHeight || f.ascent) * scale),
      XHeight: Math.round((f.xHeight || 0) * scale),
      StemV: 80,
      FontFile2: file,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: font.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      CIDToGIDMap: 'Identity',
      DW: 1000,
      W: widthsArray(font.glyphs),
    }),
  );
  const toUnicode = context.register(deflatedStream(context, toUnicodeCmap(font.glyphs)));
  context.assign(
    ref,
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: font.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

function subsetTag(codePoints: number[]): string {
  let hash = 0x811c9dc5;
  for (const cp of codePoints) hash = Math.imul(hash ^ cp, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}

/**
 * A subset of the font program holding exactly the glyphs this document prints; written when the
 * document is finished. Deterministic: same text, same bytes.
 */
export function subsetFontHandle(program: FontProgram, context: PDFContext): FontHandle {
  const subset = program.font.createSubset();
  const codes = new Map<number, number>();
  const seen = new Set<number>([0]);
  const glyphs: CidGlyph[] = [{ code: 0, width: (program.font.getGlyph(0).advanceWidth * 1000) / program.unitsPerEm, codePoints: [] }];
  const ref = context.nextRef();
  return {
    program,
    ref,
    hex(text: string) {
      let hex = '';
      for (const char of text) {
        const cp = char.codePointAt(0)!;
        let code = codes.get(cp);
        if (code === undefined) {
          code = subset.includeGlyph(program.glyphId(cp));
          codes.set(cp, code);
          if (!seen.has(code)) {
            seen.add(code);
            glyphs.push({ code, width: (program.advance(cp) * 1000) / program.unitsPerEm, codePoints: [cp] });
          }
        }
        hex += code.toString(16).padStart(4, '0');
      }
      return hex;
    },
    async finish() {
      const file = await new Promise<Uint8Array>((resolveBytes) => {
        const parts: Uint8Array[] = [];
        subset
          .encodeStream()
          .on('data', (bytes: Uint8Array) => parts.push(bytes))
          .on('end', () => {
            const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
            let offset = 0;
            for (const part of parts) {
              out.set(part, offset);
              offset += part.length;
            }
            resolveBytes(out);
          });
      });
      const tag = subsetTag([...codes.keys()].sort((a, b) => a - b));
      writeCidFont(context, ref, { baseFont: `${tag}+${program.postscriptName}`, program, file, glyphs });
    },
  };
}

/**
 * The whole font program, every glyph of its character map in /W and /ToUnicode: for a form that
 * stays editable (a viewer may need any glyph when someone types into a field).
 */
export function fullFontHandle(program: FontProgram, context: PDFContext): FontHandle {
  const ref = context.nextRef();
  const handle = fullyEmbeddedHandle(program, ref);
  return {
    ...handle,
    async finish() {
      const byGlyph = new Map<number, CidGlyph>();
      for (const cp of program.font.characterSet) {
        const id = program.glyphId(cp);
        if (id === 0 || byGlyph.has(id)) continue;
        byGlyph.set(id, { code: id, width: (program.advance(cp) * 1000) / program.unitsPerEm, codePoints: [cp] });
      }
      writeCidFont(context, ref, { baseFont: program.postscriptName, program, file: program.bytes, glyphs: [...byGlyph.values()] });
    },
  };
}

// ---- text the font can print -----------------------------------------------------------------

/** Shown in place of a character no font here can print. */
export const REPLACEMENT = '\uFFFD';

/** Invisible format characters: dropped (a soft hyphen would otherwise print as a hyphen). */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed to be dropped one by one
const invisible = /[\u00AD\u200B-\u200F\u2060\uFEFF\uFE00-\uFE0F]/g;
const isInvisible = (cp: number) => cp === 0xad || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff;
/** Parts of emoji sequences that carry no glyph of their own. */
const isSequencePart = (cp: number) =>
  cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f) || cp === 0x20e3;

let segmenter: Intl.Segmenter | undefined;

/**
 * The longest stretch of text Intl.Segmenter sees at once. Its cost grows much faster than the
 * length of the string it segments (V8/ICU: about 40 s for 66 000 characters, which blocked the
 * whole server), so it only ever gets short windows around the characters the font lacks.
 */
export const SEGMENT_WINDOW = 1024;
const MIN_WINDOW = 64;

/** A grapheme boundary is certain between two of these (UAX #29: no rule joins them): Latin-1 and CJK ideographs. */
const isPlain = (code: number) =>
  code === 10 || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || (code >= 0x4e00 && code <= 0x9fff);
/** Code points that may continue the grapheme before them: a window never starts with one. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: combining marks and joiners are matched one code point at a time on purpose
const continues = /^[\p{M}\p{Emoji_Modifier}\p{Regional_Indicator}\u200C\u200D\uFE00-\uFE0F\u{E0020}-\u{E007F}]/u;

/** Where the window that starts at `start` ends: at a certain grapheme boundary where there is one. */
function windowEnd(text: string, start: number): number {
  const last = Math.min(text.length, start + SEGMENT_WINDOW);
  if (last === text.length) return last;
  for (let i = start + MIN_WINDOW; i < last; i += 1) {
    if (isPlain(text.charCodeAt(i - 1)) && isPlain(text.charCodeAt(i))) return i;
  }
  // No Latin or CJK text here (e.g. a long run of emoji): end before a character that starts a
  // grapheme of its own, not after a joiner.
  for (let i = last - 1; i > start + MIN_WINDOW; i -= 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const before = text.charCodeAt(i - 1);
    if (before === 0x200d || (before >= 0xd800 && before <= 0xdbff)) continue;
    if (!continues.test(text.slice(i, i + 2))) return i;
  }
  const code = text.charCodeAt(last);
  return code >= 0xdc00 && code <= 0xdfff ? last - 1 : last;
}

/** Whether the text holds a character (other than an invisible one) that the font cannot print. */
function lacksGlyph(text: string, program: FontProgram): boolean {
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp !== 10 && !program.has(cp) && !isInvisible(cp)) return true;
  }
  return false;
}

/**
 * Every grapheme whose characters the font cannot print becomes one "�" (or "?" when the font
 * lacks even that); parts of emoji sequences it lacks (skin tones, tags) are dropped.
 */
function replaceMissing(text: string, program: FontProgram): string {
  segmenter ??= new Intl.Segmenter('de', { granularity: 'grapheme' });
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    let ok = true;
    let kept = '';
    for (const char of segment) {
      const cp = char.codePointAt(0)!;
      if (isInvisible(cp) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
      if (cp === 10 || program.has(cp)) kept += char;
      else if (!isSequencePart(cp)) ok = false;
    }
    out += ok ? kept : program.has(0xfffd) ? REPLACEMENT : '?';
  }
  return out;
}

/**
 * Prepares text for a font: NFC, no control characters, tabs as spaces, line breaks kept only for
 * multi-line fields, and every character the font lacks (emoji and the like) replaced visibly by
 * "�" – a whole emoji sequence (👩‍👩‍👧, 👍🏽) becomes one "�". Linear in the length of the text.
 */
export function printableText(raw: string, program: FontProgram, multiline: boolean): string {
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  text = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
  text = multiline ? text.replace(/[\u2028\u2029]/g, '\n') : text.replace(/[\n\u2028\u2029]+/g, ' ');
  text = text.replace(/\u202F/g, '\u00A0');
  if (!lacksGlyph(text, program)) return text.replace(invisible, '');
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = windowEnd(text, start);
    const window = text.slice(start, end);
    parts.push(lacksGlyph(window, program) ? replaceMissing(window, program) : window.replace(invisible, ''));
    start = end;
  }
  return parts.join('');
}
