import { createHash } from 'node:crypto';
import { getDocument, Util, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { IngestRefusedError } from '../../src/errors.js';
import type { OcrRecord } from '../../src/store/shapes.js';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import type { PdfPageItems, PositionedItem } from '../types.js';
import { emptyBands, holdsLargeImage } from '../ocr/pictureRegions.js';
import { startRecognition, type OcrSettings, type Recognition } from '../ocr/recognisePages.js';
import { findImageFilterMisuse } from './findImageFilterMisuse.js';
import { refusalFromPdfError } from './refusalFromPdfError.js';

/**
 * Below this many non-space characters per page on average the PDF is taken for scanned images. Real
 * report pages carry hundreds; a scan can still carry a stamped page number or a scanner watermark.
 */
const MIN_TEXT_CHARS_PER_PAGE = 8;

export interface PdfContent {
  metadataTitle: string | null;
  pages: PdfPageItems[];
  /** Pages read by OCR, with the recogniser's confidence, and pages that had to be left unread. */
  ocr: OcrRecord;
}

/**
 * Every page's text items with their positions, read with pdf.js in one pass (`getTextContent`, the
 * same work `getText()` does): lines, columns, headings and tables are all built from these
 * positions afterwards, so no page's drawing operators are parsed a second time (but for the few
 * pages OCR looks at, on its own threads). Positions are in
 * the page's upright view, top-down: `y` is the baseline's distance from the top edge.
 *
 * Refuses with `IngestRefusedError`: `encrypted`, `corrupt` (also, before pdf.js sees it, a file that
 * hides page content behind an image-only filter: a decompression bomb), `empty` (no pages),
 * `no_text_layer`. The bytes are copied before pdf.js takes ownership of them.
 *
 * With `ocr`, a page that has almost no text but paints an image (a scan, a photographed page) is read
 * by OCR into the same positioned items; `no_text_layer` is then said only when OCR found no text
 * either. Pages with neither text nor image are blank and cost nothing. On a page with text, a large
 * picture (a table pasted as an image) is read too, when the text leaves room for one.
 */
export async function readPdf(data: Uint8Array, file: string, ocr?: OcrSettings): Promise<PdfContent> {
  const misuse = findImageFilterMisuse(data);
  if (misuse !== null) throw new IngestRefusedError(file, 'corrupt', misuse);
  let doc: PDFDocumentProxy | null = null;
  try {
    doc = await getDocument({
      data: new Uint8Array(data),
      ...pdfjsAssetUrls(),
      cMapPacked: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    if (doc.numPages === 0) throw new IngestRefusedError(file, 'empty', 'the PDF has no pages');
    const pages: PdfPageItems[] = [];
    // Only a file holding a picture large enough to carry text sends pages to OCR (its bytes tell).
    // Each page goes as soon as it is found, so recognition runs on its threads while pdf.js reads on.
    let recognition: Recognition | null = null;
    const scanned = new Set<number>();
    let sent = 0;
    if (ocr !== undefined && holdsLargeImage(data)) {
      // The workers read the file themselves: its bytes are shared with them, not copied.
      const shared = new Uint8Array(new SharedArrayBuffer(data.byteLength));
      shared.set(data);
      recognition = startRecognition({ key: createHash('sha256').update(data).digest('hex'), bytes: shared }, ocr);
    }
    let textChars = 0;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PositionedItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = positioned(raw, viewport.transform);
        if (item) items.push(item);
      }
      const pageChars = characters(items);
      textChars += pageChars;
      pages.push({ page: number, width: viewport.width, height: viewport.height, items });
      if (recognition && pageChars < MIN_TEXT_CHARS_PER_PAGE) {
        scanned.add(number);
        recognition.add({ page: number, find: 'page' });
        sent += 1;
      } else if (recognition) {
        const bands = emptyBands(items, viewport.height);
        if (bands.length > 0) {
          recognition.add({ page: number, find: 'pictures', bands });
          sent += 1;
        }
      }
      page.cleanup();
    }
    const read: PdfContent['ocr'] = { pages: [], skipped: [] };
    if (recognition && sent > 0) {
      const outcome = await recognition.finish();
      const confidence = new Map<number, number>();
      for (const region of outcome.regions) {
        const page = pages[region.page - 1];
        if (!page) continue;
        // The text layer wins where both have text (a scan's stamped page number too), and a picture on
        // a text page counts as text only when it reads as text: a photo gives a few unsure words, a
        // table many sure ones.
        const items = region.items.filter((item) => !page.items.some((known) => overlaps(item, known)));
        if (items.length === 0 || (!scanned.has(region.page) && !readsAsText(items, region.confidence))) continue;
        page.items = [...page.items, ...items];
        textChars += characters(items);
        confidence.set(region.page, Math.min(confidence.get(region.page) ?? 1, region.confidence));
      }
      read.pages = [...confidence].map(([page, value]) => ({ page, confidence: value })).sort((a, b) => a.page - b.page);
      read.skipped = outcome.skipped;
    }
    if (textChars < MIN_TEXT_CHARS_PER_PAGE * pages.length) {
      const tried = !ocr ? '' : sent === 0 ? '; no picture on its pages large enough to hold text' : `; OCR found text on ${read.pages.length} of the ${sent} pages it read`;
      throw new IngestRefusedError(file, 'no_text_layer', `${textChars} text characters on ${pages.length} pages${tried}`);
    }
    return { metadataTitle: await metadataTitle(doc), pages, ocr: read };
  } catch (error) {
    throw refusalFromPdfError(file, error);
  } finally {
    await doc?.destroy();
  }
}

/** A picture on a text page reads as text with at least this many characters, at this mean confidence. */
const PICTURE_TEXT_CHARS = 20;
const PICTURE_TEXT_CONFIDENCE = 0.8;

function readsAsText(items: readonly PositionedItem[], confidence: number): boolean {
  return characters(items) >= PICTURE_TEXT_CHARS && confidence >= PICTURE_TEXT_CONFIDENCE;
}

/** Two runs' boxes (baseline to one size above it, left to right edge) share any area. */
function overlaps(a: PositionedItem, b: PositionedItem): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y - a.size < b.y && b.y - b.size < a.y;
}

function characters(items: readonly PositionedItem[]): number {
  let count = 0;
  for (const item of items) count += item.text.replace(/\s+/gu, '').length;
  return count;
}

/**
 * An item in the upright page view, or null for whitespace and for text that does not run left to
 * right on the page (rotated stamps, vertical margin notes): those do not belong to lines of reading.
 */
function positioned(item: TextItem, viewportTransform: number[]): PositionedItem | null {
  if (item.str.trim() === '') return null;
  const [a, b, c, d, x, y] = Util.transform(viewportTransform, item.transform) as [number, number, number, number, number, number];
  if (a <= 0 || Math.abs(b) > 0.1 * Math.abs(a)) return null;
  const size = Math.hypot(c, d);
  if (!(size > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  // `width` is in text space along the run; the viewport at scale 1 keeps its length.
  return { text: item.str, x, y, width: item.width, size, font: item.fontName };
}

/** Info-dictionary Title, else the XMP dc:title; blank counts as none. */
async function metadataTitle(doc: PDFDocumentProxy): Promise<string | null> {
  const meta = await doc.getMetadata().catch(() => null);
  const info: unknown = meta?.info;
  const fromInfo = typeof info === 'object' && info !== null && typeof (info as { Title?: unknown }).Title === 'string' ? (info as { Title: string }).Title.trim() : '';
  if (fromInfo !== '') return fromInfo;
  const fromXmp: unknown = meta?.metadata?.get('dc:title');
  return typeof fromXmp === 'string' && fromXmp.trim() !== '' ? fromXmp.trim() : null;
}
