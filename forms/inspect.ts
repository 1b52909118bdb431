import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { indexFields, type FieldKind } from './pdf/fields';

/** What `npm run forms -- inspect` prints: every widget of every field, so a foreign form can be mapped. */
export interface FieldListing {
  name: string;
  kind: FieldKind;
  /** 1-based page, or null when the widget is on no page. */
  page: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The alternate name (/TU), often the printed label. */
  label: string | null;
  multiline: boolean;
  fontSize: number | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

export async function inspectPdf(bytes: Uint8Array): Promise<{ pages: number; fields: FieldListing[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, ignoreEncryption: true });
  const fields = indexFields(doc).flatMap((info) =>
    (info.widgets.length ? info.widgets : [null]).map((widget) => ({
      name: info.name,
      kind: info.kind,
      page: widget && widget.pageIndex >= 0 ? widget.pageIndex + 1 : null,
      x: round(widget?.rect.x ?? 0),
      y: round(widget?.rect.y ?? 0),
      width: round(widget?.rect.width ?? 0),
      height: round(widget?.rect.height ?? 0),
      label: info.label,
      multiline: info.multiline,
      fontSize: info.fontSize,
    })),
  );
  fields.sort((a, b) => (a.page ?? 1e9) - (b.page ?? 1e9) || b.y - a.y || a.x - b.x);
  return { pages: doc.getPageCount(), fields };
}
