/**
 * A small builder for content streams (page content and appearance streams), written as text:
 * much faster than pdf-lib's operator objects for the few hundred fields of a form.
 */

/** A colour as PDF components: 1 = grey, 3 = RGB, 4 = CMYK (as in /MK /BG and /BC). */
export type Components = number[];

/** A number as PDF writes it: at most three decimals, no exponent. */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(3);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end -= 1;
  if (fixed.charCodeAt(end - 1) === 46) end -= 1;
  const out = fixed.slice(0, end);
  return out === '-0' ? '0' : out;
}

export interface TextRun {
  x: number;
  y: number;
  /** Hex codes of the glyphs (without angle brackets). */
  hex: string;
}

export class Content {
  private readonly parts: string[] = [];

  raw(text: string): this {
    this.parts.push(text);
    return this;
  }

  save(): this {
    return this.raw('q');
  }

  restore(): this {
    return this.raw('Q');
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): this {
    return this.raw(`${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)} cm`);
  }

  translate(x: number, y: number): this {
    return x === 0 && y === 0 ? this : this.transform(1, 0, 0, 1, x, y);
  }

  fillColor(c: Components): this {
    if (c.length === 1) return this.raw(`${num(c[0]!)} g`);
    if (c.length === 4) return this.raw(`${c.map(num).join(' ')} k`);
    return this.raw(`${num(c[0] ?? 0)} ${num(c[1] ?? 0)} ${num(c[2] ?? 0)} rg`);
  }

  strokeColor(c: Components): this {
    if (c.length === 1) return this.raw(`${num(c[0]!)} G`);
    if (c.length === 4) return this.raw(`${c.map(num).join(' ')} K`);
    return this.raw(`${num(c[0] ?? 0)} ${num(c[1] ?? 0)} ${num(c[2] ?? 0)} RG`);
  }

  filledRect(x: number, y: number, w: number, h: number, color: Components): this {
    return this.save()
      .fillColor(color)
      .raw(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`)
      .restore();
  }

  strokedRect(x: number, y: number, w: number, h: number, color: Components, width: number): this {
    const half = width / 2;
    return this.save()
      .strokeColor(color)
      .raw(`${num(width)} w ${num(x + half)} ${num(y + half)} ${num(w - width)} ${num(h - width)} re S`)
      .restore();
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Components, width: number): this {
    return this.save()
      .strokeColor(color)
      .raw(`${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`)
      .restore();
  }

  /** Text runs in one font and size; `clipBox` keeps glyphs inside a field. */
  text(
    fontKey: string,
    size: number,
    runs: TextRun[],
    color: Components = [0],
    clipBox?: { x: number; y: number; width: number; height: number },
  ): this {
    if (runs.length === 0) return this;
    this.save();
    if (clipBox) this.raw(`${num(clipBox.x)} ${num(clipBox.y)} ${num(clipBox.width)} ${num(clipBox.height)} re W n`);
    this.raw('BT')
      .fillColor(color)
      .raw(`/${fontKey} ${num(size)} Tf`);
    let x = 0;
    let y = 0;
    for (const run of runs) {
      this.raw(`${num(run.x - x)} ${num(run.y - y)} Td <${run.hex}> Tj`);
      x = run.x;
      y = run.y;
    }
    return this.raw('ET').restore();
  }

  /** Starts content that belongs to a structure element (tagged PDF): `/P <</MCID 3>> BDC`. */
  beginMarked(tag: string, mcid: number): this {
    return this.raw(`/${tag} <</MCID ${mcid}>> BDC`);
  }

  /** Starts content that is not part of the document's text: decoration, page labels (tagged PDF). */
  beginArtifact(type?: 'Pagination' | 'Layout'): this {
    return this.raw(type ? `/Artifact <</Type /${type}>> BDC` : '/Artifact BMC');
  }

  endMarked(): this {
    return this.raw('EMC');
  }

  /** Marks the variable text of a text field's appearance, as viewers expect. */
  beginTx(): this {
    return this.raw('/Tx BMC');
  }

  endTx(): this {
    return this.raw('EMC');
  }

  drawXObject(key: string): this {
    return this.raw(`/${key} Do`);
  }

  setGraphicsState(key: string): this {
    return this.raw(`/${key} gs`);
  }

  append(other: Content): this {
    this.parts.push(...other.parts);
    return this;
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  toString(): string {
    return this.parts.join('\n');
  }
}
