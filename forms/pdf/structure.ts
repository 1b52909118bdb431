import { PDFDict, PDFName, PDFNumber, PDFString, PDFHexString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/**
 * The logical structure of a tagged PDF (ISO 32000-1 14.7/14.8): structure elements in reading
 * order under one /Document element, each pointing at the marked-content sequences (MCIDs) that
 * draw it, the parent tree that leads from a page's MCIDs back to their elements, /MarkInfo and the
 * document language. pdf-lib has no API for it; these are plain dictionaries.
 */

export type StructureType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Span';

export interface StructElement {
  readonly ref: PDFRef;
  readonly dict: PDFDict;
  readonly type: StructureType;
}

export class StructureTree {
  private readonly rootRef: PDFRef;
  readonly document: StructElement;
  /** Per page (its /StructParents key): the element of each MCID, in MCID order. */
  private readonly marked = new Map<PDFPage, { key: number; elements: PDFRef[] }>();

  constructor(
    private readonly doc: PDFDocument,
    language: string,
  ) {
    const { context } = doc;
    this.rootRef = context.nextRef();
    this.document = this.create('Document', this.rootRef);
    context.assign(this.rootRef, context.obj({ Type: 'StructTreeRoot', K: [this.document.ref] }));
    doc.catalog.set(PDFName.of('Lang'), PDFString.of(language));
  }

  private create(type: StructureType, parent: PDFRef): StructElement {
    const { context } = this.doc;
    const dict = context.obj({ Type: 'StructElem', S: type, P: parent, K: [] });
    return { ref: context.register(dict), dict, type };
  }

  /** A new element, appended to `parent` (reading order is the order of creation). */
  element(
    type: StructureType,
    parent: StructElement = this.document,
    options: { alt?: string; scope?: 'Column' | 'Row' } = {},
  ): StructElement {
    const element = this.create(type, parent.ref);
    if (options.alt) element.dict.set(PDFName.of('Alt'), PDFHexString.fromText(options.alt));
    if (options.scope) element.dict.set(PDFName.of('A'), this.doc.context.obj({ O: 'Table', Scope: options.scope }));
    this.kids(parent).push(element.ref);
    return element;
  }

  private kids(element: StructElement) {
    return element.dict.lookup(PDFName.of('K')) as unknown as { push(value: unknown): void };
  }

  /** The next MCID on `page` for content of `element` (a marked-content reference is added to it). */
  mark(page: PDFPage, element: StructElement): number {
    let entry = this.marked.get(page);
    if (!entry) {
      entry = { key: this.marked.size, elements: [] };
      this.marked.set(page, entry);
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(entry.key));
      // Tab order follows the structure (PDF/UA).
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    }
    const mcid = entry.elements.length;
    entry.elements.push(element.ref);
    this.kids(element).push(this.doc.context.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid }));
    return mcid;
  }

  /** Writes the parent tree and marks the document as tagged. */
  finish(): void {
    const { context, catalog } = this.doc;
    const nums: unknown[] = [];
    for (const { key, elements } of [...this.marked.values()].sort((a, b) => a.key - b.key)) nums.push(key, elements);
    const root = context.lookup(this.rootRef, PDFDict);
    root.set(PDFName.of('ParentTree'), context.register(context.obj({ Nums: nums as never })));
    root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(this.marked.size));
    catalog.set(PDFName.of('StructTreeRoot'), this.rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}
