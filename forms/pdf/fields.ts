import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * The AcroForm fields of a document with their widgets, pages and geometry, read straight from
 * the field dictionaries (ISO 32000 12.7) – several times faster than pdf-lib's form API for the
 * few hundred fields of our template, and it sees inherited entries the same way.
 */

export type FieldKind = 'text' | 'checkbox' | 'radio' | 'dropdown' | 'list' | 'button' | 'signature' | 'unknown';

export const fieldKindLabel: Record<FieldKind, string> = {
  text: 'Textfeld',
  checkbox: 'Kontrollkästchen',
  radio: 'Optionsfeld',
  dropdown: 'Auswahlliste',
  list: 'Listenfeld',
  button: 'Schaltfläche',
  signature: 'Signaturfeld',
  unknown: 'unbekannt',
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WidgetInfo {
  dict: PDFDict;
  ref: PDFRef | undefined;
  rect: Rect;
  /** 0-based page index, or -1 when the widget is on no page. */
  pageIndex: number;
  borderWidth: number;
  borderColor: number[] | undefined;
  backgroundColor: number[] | undefined;
  hidden: boolean;
}

export interface FieldInfo {
  /** Fully qualified name ("antragsteller.name"). */
  name: string;
  kind: FieldKind;
  /** The terminal field's dictionary (for a field merged with its widget, the widget too). */
  dict: PDFDict;
  ref: PDFRef;
  /** The alternate name (/TU) – our template stores the printed label there (decoded on demand). */
  readonly label: string | null;
  multiline: boolean;
  /** Font size from /DA; null for "auto" (0) or none. */
  fontSize: number | null;
  /** 0 left, 1 centred, 2 right (/Q). */
  alignment: 0 | 1 | 2;
  widgets: WidgetInfo[];
}

const N = (name: string) => PDFName.of(name);
const Kids = N('Kids');
const T = N('T');
const FT = N('FT');
const Ff = N('Ff');
const DA = N('DA');
const Q = N('Q');
const TU = N('TU');
const P = N('P');
const MK = N('MK');
const BS = N('BS');
const W = N('W');
const F = N('F');
const Rect = N('Rect');
const Subtype = N('Subtype');
const Widget = N('Widget');
const AP = N('AP');
const AS = N('AS');
const V = N('V');
const Off = N('Off');

function numbers(value: unknown): number[] | undefined {
  if (!(value instanceof PDFArray)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < value.size(); i += 1) {
    const n = value.get(i);
    if (n instanceof PDFNumber) out.push(n.asNumber());
  }
  return out.length ? out : undefined;
}

export function textOf(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** Font size in a /DA string ("/Helv 9 Tf 0 g" → 9); null for 0 (auto) or none. */
export function fontSizeOfDa(da: string | null | undefined): number | null {
  const match = da ? /([\d.]+)\s+Tf/.exec(da) : null;
  const size = match ? Number(match[1]) : 0;
  return size > 0 ? size : null;
}

function kindOf(type: PDFName | undefined, flags: number): FieldKind {
  if (type === N('Tx')) return 'text';
  if (type === N('Btn')) return flags & (1 << 16) ? 'button' : flags & (1 << 15) ? 'radio' : 'checkbox';
  if (type === N('Ch')) return flags & (1 << 17) ? 'dropdown' : 'list';
  if (type === N('Sig')) return 'signature';
  return 'unknown';
}

function annotPages(doc: PDFDocument): { annots: Map<PDFRef, number>; pages: Map<PDFRef, number> } {
  const annots = new Map<PDFRef, number>();
  const pages = new Map<PDFRef, number>();
  doc.getPages().forEach((page, index) => {
    pages.set(page.ref, index);
    const list = page.node.Annots();
    if (!list) return;
    for (let i = 0; i < list.size(); i += 1) {
      const ref = list.get(i);
      if (ref instanceof PDFRef) annots.set(ref, index);
    }
  });
  return { annots, pages };
}

interface Inherited {
  type?: PDFName;
  flags: number;
  da?: string;
  q: number;
}

export function indexFields(doc: PDFDocument): FieldInfo[] {
  const { context } = doc;
  const acroForm = doc.catalog.lookupMaybe(N('AcroForm'), PDFDict);
  const top = acroForm?.lookupMaybe(N('Fields'), PDFArray);
  if (!acroForm || !top) return [];
  const { annots, pages } = annotPages(doc);
  const formDa = textOf(acroForm.lookup(DA)) ?? undefined;
  const fields: FieldInfo[] = [];

  const widgetInfo = (dict: PDFDict, ref: PDFRef | undefined): WidgetInfo => {
    const [x1, y1, x2, y2] = (numbers(dict.lookup(Rect)) ?? [0, 0, 0, 0]) as [number, number, number, number];
    let pageIndex = ref ? (annots.get(ref) ?? -1) : -1;
    const page = dict.get(P);
    if (pageIndex < 0 && page instanceof PDFRef) pageIndex = pages.get(page) ?? -1;
    const mk = dict.lookup(MK);
    const bs = dict.lookup(BS);
    const width = bs instanceof PDFDict ? bs.lookup(W) : undefined;
    const flags = dict.lookup(F);
    const borderColor = mk instanceof PDFDict ? numbers(mk.lookup(N('BC'))) : undefined;
    return {
      dict,
      ref,
      rect: { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) },
      pageIndex,
      borderWidth: width instanceof PDFNumber ? width.asNumber() : borderColor ? 1 : 0,
      borderColor,
      backgroundColor: mk instanceof PDFDict ? numbers(mk.lookup(N('BG'))) : undefined,
      hidden: flags instanceof PDFNumber ? (flags.asNumber() & 2) !== 0 : false,
    };
  };

  const visit = (ref: PDFRef, parentName: string, inherited: Inherited, depth: number) => {
    const dict = context.lookup(ref);
    if (!(dict instanceof PDFDict) || depth > 32) return;
    const partial = textOf(dict.lookup(T));
    const name = partial === null ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = dict.lookup(FT);
    const flags = dict.lookup(Ff);
    const q = dict.lookup(Q);
    const here: Inherited = {
      type: type instanceof PDFName ? type : inherited.type,
      flags: flags instanceof PDFNumber ? flags.asNumber() : inherited.flags,
      da: textOf(dict.lookup(DA)) ?? inherited.da,
      q: q instanceof PDFNumber ? q.asNumber() : inherited.q,
    };
    const kids = dict.lookup(Kids);
    const kidRefs: PDFRef[] = [];
    if (kids instanceof PDFArray)
      for (let i = 0; i < kids.size(); i += 1) {
        const kid = kids.get(i);
        if (kid instanceof PDFRef) kidRefs.push(kid);
      }
    // A field whose kids carry names is a non-terminal; kids without names are its widgets.
    const fieldKids = kidRefs.filter((kid) => {
      const kidDict = context.lookup(kid);
      return kidDict instanceof PDFDict && kidDict.has(T);
    });
    if (fieldKids.length > 0) {
      for (const kid of fieldKids) visit(kid, name, here, depth + 1);
      return;
    }
    const widgets =
      kidRefs.length > 0
        ? kidRefs.flatMap((kid) => {
            const kidDict = context.lookup(kid);
            return kidDict instanceof PDFDict && (kidDict.get(Subtype) === Widget || !kidDict.has(Subtype))
              ? [widgetInfo(kidDict, kid)]
              : [];
          })
        : [widgetInfo(dict, ref)];
    let label: string | null | undefined;
    const kind = kindOf(here.type, here.flags);
    fields.push({
      name,
      kind,
      dict,
      ref,
      get label() {
        if (label === undefined) label = textOf(dict.lookup(TU));
        return label;
      },
      multiline: kind === 'text' && (here.flags & (1 << 12)) !== 0,
      fontSize: fontSizeOfDa(here.da),
      alignment: (here.q === 1 || here.q === 2 ? here.q : 0) as 0 | 1 | 2,
      widgets,
    });
  };

  const root: Inherited = { flags: 0, da: formDa, q: 0 };
  for (let i = 0; i < top.size(); i += 1) {
    const ref = top.get(i);
    if (ref instanceof PDFRef) visit(ref, '', root, 0);
  }
  return fields;
}

/** Ticks or clears a checkbox: /V on the field, /AS on each widget (the "on" state from its /AP). */
export function setCheckbox(info: FieldInfo, checked: boolean): void {
  let on: PDFName | undefined;
  for (const widget of info.widgets) {
    const normal = widget.dict.lookupMaybe(AP, PDFDict)?.lookupMaybe(N('N'), PDFDict);
    const state = normal?.keys().find((key) => key !== Off);
    on ??= state;
    widget.dict.set(AS, checked && state ? state : Off);
  }
  info.dict.set(V, checked ? (on ?? N('Yes')) : Off);
}

/** Takes a field out of the AcroForm tree (and empty parents with it); its objects go with the GC. */
export function detachField(doc: PDFDocument, ref: PDFRef, dict: PDFDict): void {
  const acroForm = doc.catalog.lookupMaybe(N('AcroForm'), PDFDict);
  const parent = dict.lookupMaybe(N('Parent'), PDFDict);
  const kids = parent ? parent.lookupMaybe(Kids, PDFArray) : acroForm?.lookupMaybe(N('Fields'), PDFArray);
  if (!kids) return;
  const index = kids.indexOf(ref);
  if (index !== undefined) kids.remove(index);
  if (parent && kids.size() === 0) {
    const parentRef = dict.get(N('Parent'));
    if (parentRef instanceof PDFRef) detachField(doc, parentRef, parent);
  }
}

/** Removes pages and every field whose widgets all lie on them. */
export function removePages(doc: PDFDocument, pageIndices: number[]): void {
  const remove = new Set(pageIndices);
  for (const info of indexFields(doc)) {
    if (info.widgets.length > 0 && info.widgets.every((w) => remove.has(w.pageIndex))) detachField(doc, info.ref, info.dict);
  }
  for (const index of [...remove].sort((a, b) => b - a)) {
    if (index >= 0 && index < doc.getPageCount()) doc.removePage(index);
  }
  // pdf-lib 1.17 keeps its cached page list after removePage (insertPage refreshes it): without
  // this, getPages() still returned the removed pages and the footers said "Seite 1 von 9" on 8 pages.
  (doc as unknown as { pageCache: { invalidate(): void } }).pageCache.invalidate();
}

/** Takes fields off their pages and out of the form (an optional block that is left out). */
export function removeFields(doc: PDFDocument, fields: readonly FieldInfo[]): void {
  const refs = new Set<PDFRef>(fields.flatMap((info) => info.widgets.map((w) => w.ref ?? info.ref)));
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i -= 1) {
      const ref = annots.get(i);
      if (ref instanceof PDFRef && refs.has(ref)) annots.remove(i);
    }
  }
  for (const info of fields) detachField(doc, info.ref, info.dict);
}
