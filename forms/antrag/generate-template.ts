/**
 * npm run forms:template — generates forms/antrag/template.pdf, the AcroForm "Antrag auf Gewährung
 * einer Zuwendung nach der FRL Bürgerbeteiligung" with its annexes, in the layout of a Saxon
 * Zuwendungsantrag. Deterministic: fixed dates, no random IDs, fixed font names – generating twice
 * gives identical bytes.
 *
 * Fonts: the fields use DejaVu Sans embedded completely (the form stays editable in any viewer, for
 * any character); the printed labels use subsets of DejaVu Sans and DejaVu Sans Bold, so that a
 * flattened output can drop the complete font.
 *
 * The parts: template/builder.ts (geometry, colours, the Builder), template/pages.ts (the form's
 * pages 1–5), template/annexes.ts (Anlagen 1–3); this module assembles, compacts and saves.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFContentStream, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, type PDFFont } from 'pdf-lib';
import { dejaVuSans, dejaVuSansBold, shapingFeatures } from '../pdf/font';
import { annexOne, annexThree, annexTwo } from './template/annexes';
import { Builder, FIELD_FONT } from './template/builder';
import { pageFive, pageFour, pageOne, pageThree, pageTwo } from './template/pages';
import { TEMPLATE_VERSION } from './template-version';

export { TEMPLATE_VERSION };
/** The fixed creation date of the template (keeps the bytes stable). */
const TEMPLATE_DATE = new Date('2026-11-01T00:00:00Z');

function setLength1(doc: PDFDocument, font: PDFFont, length: number) {
  const dict = doc.context.lookup(font.ref, PDFDict);
  const descendant = dict.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  const descriptor = descendant.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const file = descriptor.lookup(PDFName.of('FontFile2'), PDFStream);
  file.dict.set(PDFName.of('Length1'), PDFNumber.of(length));
}

/**
 * Fewer objects make the template faster to load and fill: each field's single widget is merged
 * into the field dictionary (as PDF allows), and identical appearance streams (all empty cells of
 * a table column look alike) are shared.
 */
function compactForm(doc: PDFDocument) {
  const { context } = doc;
  const Kids = PDFName.of('Kids');
  const AP = PDFName.of('AP');
  const streamKey = (stream: PDFContentStream) => `${stream.dict.toString()}|${stream.getContentsString()}`;
  const canonical = new Map<string, PDFRef>();
  const dedupe = (value: unknown): PDFRef | PDFDict | undefined => {
    if (value instanceof PDFRef) {
      const stream = context.lookup(value);
      if (!(stream instanceof PDFContentStream)) return value;
      const key = streamKey(stream);
      const first = canonical.get(key);
      if (first && first !== value) {
        context.delete(value);
        return first;
      }
      canonical.set(key, value);
      return value;
    }
    if (value instanceof PDFDict) {
      for (const [state, ref] of value.entries()) value.set(state, dedupe(ref) as PDFRef);
      return value;
    }
    return undefined;
  };
  const annotsOf = new Map<PDFRef, PDFArray>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i += 1) {
      const ref = annots.get(i);
      if (ref instanceof PDFRef) annotsOf.set(ref, annots);
    }
  }
  for (const field of doc.getForm().getFields()) {
    const dict = field.acroField.dict;
    const kids = dict.lookup(Kids);
    let widget = dict;
    if (kids instanceof PDFArray && kids.size() === 1) {
      const widgetRef = kids.get(0);
      const widgetDict = context.lookup(widgetRef);
      if (widgetRef instanceof PDFRef && widgetDict instanceof PDFDict) {
        for (const [key, value] of widgetDict.entries()) if (key !== PDFName.of('Parent')) dict.set(key, value);
        dict.delete(Kids);
        const annots = annotsOf.get(widgetRef);
        const index = annots?.indexOf(widgetRef);
        if (annots && index !== undefined) annots.set(index, field.ref);
        context.delete(widgetRef);
        widget = dict;
      }
    }
    const ap = widget.lookupMaybe(AP, PDFDict);
    if (ap) for (const [key, value] of ap.entries()) ap.set(key, dedupe(value) as PDFRef);
  }
}

export async function generateTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = dejaVuSans();
  const bold = dejaVuSansBold();
  const fonts = {
    field: await doc.embedFont(regular.bytes, { subset: false, customName: FIELD_FONT, features: shapingFeatures }),
    label: await doc.embedFont(regular.bytes, { subset: true, customName: `FLTMPL+${regular.postscriptName}`, features: shapingFeatures }),
    bold: await doc.embedFont(bold.bytes, { subset: true, customName: `FLTMPL+${bold.postscriptName}`, features: shapingFeatures }),
  };
  const form = doc.getForm();
  const builder = new Builder(doc, form, fonts, { regular, bold });
  pageOne(builder);
  pageTwo(builder);
  pageThree(builder);
  pageFour(builder);
  pageFive(builder);
  annexOne(builder);
  annexTwo(builder);
  annexThree(builder);
  builder.checkFits();

  // The form's default resources: the complete field font, named as in every /DA.
  const acroForm = form.acroForm.dict;
  acroForm.set(PDFName.of('DR'), doc.context.obj({ Font: { [FIELD_FONT]: fonts.field.ref } }));
  acroForm.set(PDFName.of('DA'), PDFString.of(`/${FIELD_FONT} 9 Tf 0 g`));

  doc.setTitle('Antrag auf Gewährung einer Zuwendung nach der FRL Bürgerbeteiligung (Formular)', { showInWindowTitleBar: true });
  doc.setAuthor('Förderlotse Bürgerbeteiligung');
  doc.setSubject(`Formularvorlage, Stand ${TEMPLATE_VERSION}`);
  doc.setKeywords(['FRL Bürgerbeteiligung', 'Zuwendungsantrag', 'Sachsen', 'Formular']);
  doc.setCreator('forms/antrag/generate-template.ts');
  doc.setProducer('Förderlotse Bürgerbeteiligung (pdf-lib)');
  doc.setLanguage('de-DE');
  doc.setCreationDate(TEMPLATE_DATE);
  doc.setModificationDate(TEMPLATE_DATE);

  await doc.flush();
  setLength1(doc, fonts.field, regular.bytes.length);
  compactForm(doc);
  return doc.save({ useObjectStreams: true, updateFieldAppearances: false, addDefaultPage: false, objectsPerTick: Infinity });
}

export const templateOutputPath = () => resolve(process.cwd(), 'forms/antrag/template.pdf');

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const bytes = await generateTemplate();
  const target = process.argv[2] ? resolve(process.argv[2]) : templateOutputPath();
  writeFileSync(target, bytes);
  console.log(`Vorlage geschrieben: ${target} (${(bytes.length / 1024).toFixed(0)} KB)`);
}
