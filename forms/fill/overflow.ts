/**
 * Overflow pages of the filler: text that does not fit its field even at the smallest size
 * continues here, under a heading that names the field and its page.
 */
import type { FieldInfo, WidgetInfo } from '../pdf/fields';
import { printableText, type FontProgram } from '../pdf/font';
import { LINE_HEIGHT, measure, wrap } from '../pdf/layout';
import { BOTTOM, MARGIN, TOP } from './canvas';
import type { FillTexts } from './request';

const OVERFLOW_BODY_SIZE = 9;
const OVERFLOW_HEADING_SIZE = 10;

export interface OverflowItem {
  info: FieldInfo;
  widget: WidgetInfo;
  /** 1-based page of the field in the output. */
  fieldPage: number;
  text: string;
  startPage: number;
}

type OverflowLine = { size: number; y: number; text: string } | { rule: true; y: number };

export function layoutOverflow(
  program: FontProgram,
  items: OverflowItem[],
  texts: FillTexts,
  pageWidth: number,
  pageHeight: number,
  firstPageNumber: number,
): OverflowLine[][] {
  const pages: OverflowLine[][] = [];
  const width = pageWidth - 2 * MARGIN;
  let page: OverflowLine[] = [];
  let y = pageHeight - TOP;
  const newPage = () => {
    pages.push(page);
    page = [];
    y = pageHeight - TOP;
  };
  const lineHeight = (size: number) => size * LINE_HEIGHT;
  for (const item of items) {
    const heading = printableText(texts.overflowHeading(item.info.label ?? item.info.name, item.fieldPage), program, false);
    const headingLines = wrap(program, measure(program, heading), (width * program.unitsPerEm) / OVERFLOW_HEADING_SIZE);
    const body = wrap(program, measure(program, item.text), (width * program.unitsPerEm) / OVERFLOW_BODY_SIZE);
    const needed = headingLines.length * lineHeight(OVERFLOW_HEADING_SIZE) + 8 + 2 * lineHeight(OVERFLOW_BODY_SIZE);
    if (page.length && y - needed < BOTTOM) newPage();
    else if (page.length) y -= 14;
    item.startPage = firstPageNumber + pages.length;
    const placeHeading = () => {
      for (const l of headingLines) {
        y -= lineHeight(OVERFLOW_HEADING_SIZE);
        page.push({ size: OVERFLOW_HEADING_SIZE, y, text: l.text });
      }
      y -= 6;
      page.push({ rule: true, y: y + 2 });
    };
    placeHeading();
    for (const l of body) {
      if (y - lineHeight(OVERFLOW_BODY_SIZE) < BOTTOM) {
        newPage();
        placeHeading();
      }
      y -= lineHeight(OVERFLOW_BODY_SIZE);
      if (l.text) page.push({ size: OVERFLOW_BODY_SIZE, y, text: l.text });
    }
  }
  if (page.length) pages.push(page);
  return pages;
}
