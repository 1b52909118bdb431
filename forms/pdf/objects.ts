import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
  type PDFRawStream,
} from 'pdf-lib';

/**
 * Deletes every indirect object that can no longer be reached from the trailer (Root, Info) – after
 * flattening this drops the form, its widgets and the fully embedded field font.
 */
export function collectGarbage(doc: PDFDocument): number {
  const { context } = doc;
  const reached = new Set<PDFRef>();
  const stack: PDFObject[] = [];
  const { Root, Info } = context.trailerInfo;
  if (Root) stack.push(Root);
  if (Info) stack.push(Info);
  while (stack.length) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const value of object.values()) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i += 1) stack.push(object.get(i));
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    }
  }
  let deleted = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref)) {
      context.delete(ref);
      deleted += 1;
    }
  }
  return deleted;
}

/** Removes all widget annotations from every page and the AcroForm from the catalog. */
export function dropForm(doc: PDFDocument): void {
  const Subtype = PDFName.of('Subtype');
  const Widget = PDFName.of('Widget');
  const Annots = PDFName.of('Annots');
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i -= 1) {
      const annot = doc.context.lookup(annots.get(i));
      if (annot instanceof PDFDict && annot.get(Subtype) === Widget) annots.remove(i);
    }
    if (annots.size() === 0) page.node.delete(Annots);
  }
  doc.catalog.delete(PDFName.of('AcroForm'));
}

/**
 * A Flate-compressed stream, compressed with Node's zlib (several times faster than pako). Tiny
 * streams (a field's appearance) stay uncompressed: deflating them costs more time than it saves.
 */
export function deflatedStream(context: PDFContext, contents: string | Uint8Array, dict: Record<string, unknown> = {}): PDFRawStream {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  if (bytes.length < 320) return context.stream(bytes, dict as never);
  const compressed = deflateSync(bytes);
  return context.stream(new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length), {
    ...dict,
    Filter: 'FlateDecode',
  } as never);
}
