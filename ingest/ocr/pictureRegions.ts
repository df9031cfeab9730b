import { OPS, Util, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { streamDictionaryAround } from '../extract/findImageFilterMisuse.js';
import type { PositionedItem } from '../types.js';

/**
 * Where a page that has a text layer may still hold text as a picture (a table pasted as an image, a
 * scanned insert). A picture that large leaves a band of the page without text lines, so only pages
 * with such a band have their drawing operators listed (a second parse, kept to the few pages that
 * can hold one); the picture's place is then its image's unit square under the transform in force.
 */

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A horizontal band of the page, top-down, in page points. */
export interface Band {
  y0: number;
  y1: number;
}

/**
 * An image of fewer pixels than this cannot hold a table worth reading (a logo, a signature, an icon);
 * half a page of table scanned at 150 dpi is about 900 × 600.
 */
const MIN_PICTURE_PIXELS = 250_000;
const IMAGE_SUBTYPE = Buffer.from('/Subtype', 'latin1');

/**
 * True when the file holds an image XObject of at least MIN_PICTURE_PIXELS (or one whose size is given
 * by reference). Image XObjects are streams, and stream dictionaries are never compressed into object
 * streams, so the file's own bytes show every one: a report without such an image has no page worth
 * listing the operators of, and costs nothing more.
 */
export function holdsLargeImage(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(IMAGE_SUBTYPE); at !== -1; at = buffer.indexOf(IMAGE_SUBTYPE, at + IMAGE_SUBTYPE.length)) {
    const tail = buffer.toString('latin1', at + IMAGE_SUBTYPE.length, at + IMAGE_SUBTYPE.length + 12);
    if (!/^\s*\/Image\b/u.test(tail)) continue;
    const object = streamDictionaryAround(buffer, at, at + IMAGE_SUBTYPE.length);
    if (!object) continue;
    const width = /\/Width\s+(\d+)(\s+\d+\s+R)?/u.exec(object.dictionary);
    const height = /\/Height\s+(\d+)(\s+\d+\s+R)?/u.exec(object.dictionary);
    if (!width || !height || width[2] || height[2]) return true;
    if (Number(width[1]) * Number(height[1]) >= MIN_PICTURE_PIXELS) return true;
  }
  return false;
}

/** A band without text this tall (share of the page height) can hold a picture worth reading. */
const MIN_EMPTY_BAND = 0.12;
/** Pictures smaller than this share of the page are photos, logos or icons as far as text goes. */
const MIN_PICTURE_SHARE = 0.06;

const PAINT_IMAGE = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat]);

/**
 * The bands of the page, top-down, at least MIN_EMPTY_BAND of its height, that lie between two of its
 * text lines with no text in them. Margins above the first line and below the last do not count: a
 * picture is placed in the flow of a page, under a heading or caption and above more text or the
 * running footer.
 */
export function emptyBands(items: readonly PositionedItem[], pageHeight: number): Band[] {
  if (pageHeight <= 0 || items.length === 0) return [];
  // Each run of text covers from its cap height (about one size above the baseline) to its baseline.
  const spans = items.map((item) => [item.y - item.size, item.y] as const).sort((a, b) => a[0] - b[0]);
  const bands: Band[] = [];
  let reached = spans[0]?.[1] ?? 0;
  for (const [top, bottom] of spans) {
    if (top - reached >= MIN_EMPTY_BAND * pageHeight) bands.push({ y0: reached, y1: top });
    reached = Math.max(reached, bottom);
  }
  return bands;
}

/**
 * The parts of pictures that lie in the page's empty bands, each still covering MIN_PICTURE_SHARE of
 * the page. Under the text layer's lines a picture is a background (a letterhead, a cover, a tint):
 * what it holds there is the lines' own text or decoration, and reading it would only repeat them.
 */
export function inBands(regions: readonly Region[], bands: readonly Band[], page: { width: number; height: number }): Region[] {
  const clipped: Region[] = [];
  for (const region of regions) {
    for (const band of bands) {
      const piece = { ...region, y0: Math.max(region.y0, band.y0), y1: Math.min(region.y1, band.y1) };
      if (piece.y1 > piece.y0 && shareOf(piece, page) >= MIN_PICTURE_SHARE) clipped.push(piece);
    }
  }
  return clipped;
}

function shareOf(region: Region, page: { width: number; height: number }): number {
  return ((region.x1 - region.x0) * (region.y1 - region.y0)) / (page.width * page.height);
}

/** Pictures painted on the page covering at least MIN_PICTURE_SHARE of it, in page points, top-down. */
export async function pictureRegions(page: PDFPageProxy): Promise<Region[]> {
  const viewport = page.getViewport({ scale: 1 });
  const operators = await page.getOperatorList();
  const stack: number[][] = [];
  let transform = [1, 0, 0, 1, 0, 0];
  const regions: Region[] = [];
  for (let i = 0; i < operators.fnArray.length; i += 1) {
    const op = operators.fnArray[i];
    const args = operators.argsArray[i] as unknown[] | null;
    if (op === OPS.save) stack.push(transform);
    else if (op === OPS.restore || op === OPS.paintFormXObjectEnd) transform = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (op === OPS.transform && args) transform = Util.transform(transform, args as number[]);
    else if (op === OPS.paintFormXObjectBegin) {
      stack.push(transform);
      const matrix = args?.[0];
      if (Array.isArray(matrix)) transform = Util.transform(transform, matrix as number[]);
    } else if (op !== undefined && PAINT_IMAGE.has(op)) {
      // The image fills the unit square of its transform; the viewport's takes that onto the page, top-down.
      const toPage = Util.transform(viewport.transform, transform);
      const [x0, y0] = apply(toPage, 0, 0);
      const [x1, y1] = apply(toPage, 1, 1);
      const region = {
        x0: Math.max(0, Math.min(x0, x1)),
        y0: Math.max(0, Math.min(y0, y1)),
        x1: Math.min(viewport.width, Math.max(x0, x1)),
        y1: Math.min(viewport.height, Math.max(y0, y1)),
      };
      if (shareOf(region, viewport) >= MIN_PICTURE_SHARE) regions.push(region);
    }
  }
  return regions;
}

function apply(m: number[], x: number, y: number): [number, number] {
  return [(m[0] ?? 1) * x + (m[2] ?? 0) * y + (m[4] ?? 0), (m[1] ?? 0) * x + (m[3] ?? 1) * y + (m[5] ?? 0)];
}
