import type { FontProgram } from './font';
import { linesThatFit, measure, widthUnits, wrap, type Line } from './layout';

/**
 * Fitting a value into a field: the field's own font size first, then smaller in steps of 0.5 pt
 * down to the minimum; what still does not fit is cut at a word boundary and continues on an
 * overflow page – the field then ends with a reference to that page.
 */

export interface FitBox {
  width: number;
  height: number;
  /** Inner padding left and right (border width plus air). */
  paddingX: number;
  /** Inner padding above and below. */
  paddingY: number;
}

export interface FitOptions {
  maxSize: number;
  minSize: number;
  multiline: boolean;
}

export interface Fit {
  size: number;
  /** The lines shown in the field (without the reference to the overflow page). */
  lines: Line[];
  /** Offset in the text where the overflow continues, or null when everything fits. */
  overflowFrom: number | null;
}

/** "… Fortsetzung auf Seite 12" (multi-line) or "… Forts. S. 12" (one line). */
export function overflowReference(page: number | string, multiline: boolean): string {
  return multiline ? `… Fortsetzung auf Seite ${page}` : ` … Forts. S. ${page}`;
}

const STEP = 0.5;

function sizes(max: number, min: number): number[] {
  const out: number[] = [];
  for (let s = max; s > min + 1e-9; s -= STEP) out.push(Math.round(s * 100) / 100);
  out.push(min);
  return out;
}

export function fitText(program: FontProgram, text: string, box: FitBox, options: FitOptions): Fit {
  const innerWidth = Math.max(1, box.width - 2 * box.paddingX);
  const maxSize = Math.max(options.minSize, options.maxSize);
  if (text === '') return { size: maxSize, lines: [], overflowFrom: null };
  return options.multiline
    ? fitMultiline(program, text, box, innerWidth, maxSize, options.minSize)
    : fitSingleLine(program, text, box, innerWidth, maxSize, options.minSize);
}

function fitMultiline(program: FontProgram, text: string, box: FitBox, innerWidth: number, maxSize: number, minSize: number): Fit {
  const measured = measure(program, text);
  // Smaller type before broken words: a word is split between characters only at the minimum size.
  for (const size of sizes(maxSize, minSize)) {
    const capacity = linesThatFit(program, box.height, size, box.paddingY);
    if (capacity < 1) continue;
    const maxUnits = (innerWidth * program.unitsPerEm) / size;
    const report = { brokeWord: false };
    const lines = wrap(program, measured, maxUnits, capacity + 1, report);
    if (lines.length <= capacity && (!report.brokeWord || size === minSize)) return { size, lines, overflowFrom: null };
  }
  const size = minSize;
  const capacity = Math.max(1, linesThatFit(program, box.height, size, box.paddingY));
  const maxUnits = (innerWidth * program.unitsPerEm) / size;
  const lines = wrap(program, measured, maxUnits, capacity);
  // The last line of the box carries the reference to the overflow page.
  const visible = lines.slice(0, capacity - 1);
  const firstHidden = lines[capacity - 1]!;
  return { size, lines: visible, overflowFrom: firstHidden.start };
}

function fitSingleLine(program: FontProgram, text: string, box: FitBox, innerWidth: number, maxSize: number, minSize: number): Fit {
  const units = widthUnits(program, text);
  const heightLimit = (box.height - 2 * box.paddingY) / (program.ascent - program.descent);
  const widthLimit = (innerWidth * program.unitsPerEm) / units;
  const best = Math.min(maxSize, heightLimit, widthLimit);
  if (best >= minSize) {
    const size = Math.floor(best * 10) / 10;
    return { size, lines: [{ text, start: 0, end: text.length }], overflowFrom: null };
  }
  const size = minSize;
  const reference = widthUnits(program, overflowReference(999, false));
  const available = (innerWidth * program.unitsPerEm) / size - reference;
  // Longest prefix ending at a word boundary that leaves room for the reference.
  let cut = 0;
  let width = 0;
  let lastBoundary = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const step = cp > 0xffff ? 2 : 1;
    const w = program.advance(cp);
    if (width + w > available) break;
    width += w;
    i += step;
    cut = i;
    if (cp === 32) lastBoundary = i - 1;
  }
  let end = lastBoundary > 0 ? lastBoundary : cut;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end -= 1;
  let restart = end;
  while (restart < text.length && text.charCodeAt(restart) === 32) restart += 1;
  return { size, lines: [{ text: text.slice(0, end), start: 0, end }], overflowFrom: restart };
}
