import type { FontProgram } from './font';

/**
 * Measuring and wrapping text in font units (width scales linearly with the size, so a text is
 * measured once and fitted at several sizes). Lines keep their offsets into the source text, so an
 * overflow can continue exactly where the visible part ends.
 */

export interface Line {
  text: string;
  /** Offset of the line's first character in the source text. */
  start: number;
  /** Offset after the line's last character (before the break). */
  end: number;
}

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.2;

export function widthUnits(program: FontProgram, text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      width += program.advance(text.codePointAt(i)!);
      i += 1;
    } else {
      width += program.advance(code);
    }
  }
  return width;
}

export function widthAt(program: FontProgram, text: string, size: number): number {
  return (widthUnits(program, text) * size) / program.unitsPerEm;
}

interface Word {
  start: number;
  end: number;
  width: number;
}

/** Words (runs without ordinary spaces; NBSP binds) of each paragraph, measured once. */
export interface Measured {
  source: string;
  paragraphs: Array<{ start: number; end: number; words: Word[] }>;
  spaceWidth: number;
}

export function measure(program: FontProgram, source: string): Measured {
  const paragraphs: Measured['paragraphs'] = [];
  let paragraphStart = 0;
  const spaceWidth = program.advance(32);
  const push = (start: number, end: number) => {
    const words: Word[] = [];
    let i = start;
    while (i < end) {
      while (i < end && source.charCodeAt(i) === 32) i += 1;
      if (i >= end) break;
      let j = i;
      while (j < end && source.charCodeAt(j) !== 32) j += 1;
      words.push({ start: i, end: j, width: widthUnits(program, source.slice(i, j)) });
      i = j;
    }
    paragraphs.push({ start, end, words });
  };
  for (let i = 0; i < source.length; i += 1) {
    if (source.charCodeAt(i) === 10) {
      push(paragraphStart, i);
      paragraphStart = i + 1;
    }
  }
  push(paragraphStart, source.length);
  return { source, paragraphs, spaceWidth };
}

/**
 * Greedy word wrap at `maxUnits` (font units). A word wider than a line is broken between
 * characters; empty paragraphs give empty lines. Stops after `maxLines` lines when given.
 */
export function wrap(
  program: FontProgram,
  measured: Measured,
  maxUnits: number,
  maxLines = Infinity,
  report?: { brokeWord: boolean },
): Line[] {
  const { source, spaceWidth } = measured;
  const lines: Line[] = [];
  for (const paragraph of measured.paragraphs) {
    if (lines.length >= maxLines) break;
    if (paragraph.words.length === 0) {
      lines.push({ text: '', start: paragraph.start, end: paragraph.start });
      continue;
    }
    let lineStart = -1;
    let lineEnd = -1;
    let lineWidth = 0;
    const flush = () => {
      if (lineStart >= 0) lines.push({ text: source.slice(lineStart, lineEnd), start: lineStart, end: lineEnd });
      lineStart = -1;
      lineWidth = 0;
    };
    for (const word of paragraph.words) {
      if (lines.length >= maxLines) break;
      if (lineStart >= 0 && lineWidth + spaceWidth + word.width <= maxUnits) {
        lineWidth += spaceWidth + word.width;
        lineEnd = word.end;
        continue;
      }
      flush();
      if (lines.length >= maxLines) break;
      if (word.width <= maxUnits) {
        lineStart = word.start;
        lineEnd = word.end;
        lineWidth = word.width;
        continue;
      }
      // A word longer than the line: break it between characters.
      if (report) report.brokeWord = true;
      let i = word.start;
      while (i < word.end) {
        let width = 0;
        let j = i;
        while (j < word.end) {
          const cp = source.codePointAt(j)!;
          const step = cp > 0xffff ? 2 : 1;
          const w = program.advance(cp);
          if (j > i && width + w > maxUnits) break;
          width += w;
          j += step;
        }
        if (j >= word.end) {
          lineStart = i;
          lineEnd = j;
          lineWidth = width;
        } else {
          lines.push({ text: source.slice(i, j), start: i, end: j });
          if (lines.length >= maxLines) break;
        }
        i = j;
      }
    }
    if (lines.length < maxLines) flush();
  }
  return lines.slice(0, maxLines);
}

/**
 * How many lines of `size` fit into a box of `height` with `padding` above and below: the first
 * line needs the full glyph height, every further line one line height.
 */
export function linesThatFit(program: FontProgram, height: number, size: number, padding: number): number {
  const glyphHeight = (program.ascent - program.descent) * size;
  const available = height - 2 * padding - glyphHeight;
  if (available < 0) return 0;
  return Math.floor(available / (LINE_HEIGHT * size) + 1e-6) + 1;
}
