/**
 * The filler's drawing surface: which font the filled form uses (our own, fully embedded by the
 * template generator, or embedded anew for a foreign form), and one extra content stream per page
 * that every drawing goes into. Also the page geometry shared by continuation and overflow pages.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import { Content, type Components } from '../pdf/draw';
import { fullFontHandle, fullyEmbeddedHandle, printableText, subsetFontHandle, type FontHandle, type FontProgram } from '../pdf/font';
import { deflatedStream } from '../pdf/objects';
import type { FillOptions } from './request';

/** Page geometry of the pages the filler makes (continuations, overflow) and its footers. */
export const MARGIN = 50;
export const TOP = 56;
export const BOTTOM = 50;
export const GREY_LINE: Components = [0.45];

export const AcroFormKey = PDFName.of('AcroForm');
const DR = PDFName.of('DR');
const FontKey = PDFName.of('Font');

/** Finds our font program embedded completely in the form's /DR (as the template generator does). */
function findFullyEmbedded(doc: PDFDocument, program: FontProgram): { key: string; ref: PDFRef } | null {
  const fonts = doc.catalog.lookupMaybe(AcroFormKey, PDFDict)?.lookupMaybe(DR, PDFDict)?.lookupMaybe(FontKey, PDFDict);
  if (!fonts) return null;
  for (const [name, value] of fonts.entries()) {
    if (!(value instanceof PDFRef)) continue;
    const dict = doc.context.lookupMaybe(value, PDFDict);
    if (!dict || dict.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    if (dict.get(PDFName.of('BaseFont')) !== PDFName.of(program.postscriptName)) continue;
    if (dict.get(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) continue;
    const descendant = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
    if (!(descendant instanceof PDFDict) || descendant.get(PDFName.of('CIDToGIDMap')) !== PDFName.of('Identity')) continue;
    const file = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.lookup(PDFName.of('FontFile2'));
    const length1 = file instanceof PDFStream ? file.dict.lookup(PDFName.of('Length1')) : undefined;
    if (length1 instanceof PDFNumber && length1.asNumber() === program.bytes.length) return { key: name.decodeText(), ref: value };
  }
  return null;
}

export function chooseFont(
  doc: PDFDocument,
  program: FontProgram,
  variant: FillOptions['variant'],
): { handle: FontHandle; daKey: string | null } {
  if (variant === 'flatten') return { handle: subsetFontHandle(program, doc.context), daKey: null };
  const found = findFullyEmbedded(doc, program);
  if (found) return { handle: fullyEmbeddedHandle(program, found.ref), daKey: found.key };
  // A foreign form: embed the whole font (editing in a viewer may need any glyph) and add it to /DR.
  const handle = fullFontHandle(program, doc.context);
  let acroForm = doc.catalog.lookupMaybe(AcroFormKey, PDFDict);
  if (!acroForm) {
    acroForm = doc.context.obj({ Fields: [] });
    doc.catalog.set(AcroFormKey, doc.context.register(acroForm));
  }
  let dr = acroForm.lookupMaybe(DR, PDFDict);
  if (!dr) {
    dr = doc.context.obj({});
    acroForm.set(DR, dr);
  }
  let fonts = dr.lookupMaybe(FontKey, PDFDict);
  if (!fonts) {
    fonts = doc.context.obj({});
    dr.set(FontKey, fonts);
  }
  const key = fonts.uniqueKey(program.postscriptName.replace(/[^A-Za-z0-9]/g, ''));
  fonts.set(key, handle.ref);
  return { handle, daKey: key.decodeText() };
}

export class Canvas {
  private readonly contents = new Map<PDFPage, Content>();
  private readonly fontKeys = new Map<PDFPage, string>();

  constructor(
    private readonly doc: PDFDocument,
    readonly font: FontHandle,
  ) {}

  on(page: PDFPage): Content {
    let content = this.contents.get(page);
    if (!content) {
      content = new Content();
      this.contents.set(page, content);
    }
    return content;
  }

  fontKey(page: PDFPage): string {
    let key = this.fontKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary('FLFont', this.font.ref).decodeText();
      this.fontKeys.set(page, key);
    }
    return key;
  }

  text(page: PDFPage, size: number, runs: Array<{ x: number; y: number; text: string }>, color: Components = [0]) {
    const program = this.font.program;
    const encoded = runs.filter((r) => r.text).map((r) => ({ x: r.x, y: r.y, hex: this.font.hex(printableText(r.text, program, false)) }));
    this.on(page).text(this.fontKey(page), size, encoded, color);
  }

  /** Writes each page's drawing as one more content stream, after the page's own (kept in q … Q). */
  commit() {
    const { context } = this.doc;
    for (const [page, content] of this.contents) {
      if (content.empty) continue;
      const contents = page.node.Contents();
      const open = context.register(context.stream('q'));
      const close = context.register(context.stream('Q'));
      const mine = context.register(deflatedStream(context, content.toString()));
      const existing = contents instanceof PDFArray ? contents.asArray() : contents ? [page.node.get(PDFName.of('Contents'))!] : [];
      page.node.set(PDFName.of('Contents'), context.obj([open, ...existing, close, mine]));
    }
  }
}
