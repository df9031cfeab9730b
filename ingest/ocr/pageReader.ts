import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import type { PaddleOcr, RecognisedBox, RgbaImage } from './paddleOcr.js';
import { inBands, pictureRegions, type Band, type Region } from './pictureRegions.js';
import { holdsPrint } from './printedPicture.js';

/**
 * Everything OCR does with a page, on the thread that runs the models: open the PDF (once per
 * document), draw the page, find its pictures, recognise. Drawing and listing operators run pdf.js on
 * content a hostile file controls, so they belong under the same per-page time limit and in the same
 * disposable worker as recognition (ocrPool.ts), never on the ingest's own thread.
 */

/**
 * What to read on a page: all of it (one that has no text layer), or the pictures on one that has,
 * where they lie in its bands without text lines.
 */
export type ReadTarget = { page: number; find: 'page' } | { page: number; find: 'pictures'; bands: Band[] };

export type ReadRequest = ReadTarget & {
  /** The PDF's bytes (shared, not copied, between threads) and a key naming them. */
  document: { key: string; bytes: Uint8Array };
};

export interface PageReading {
  /** Pixels per point of the drawing the boxes are measured on. */
  scale: number;
  /** Per region read (the page, or each picture), its boxes in page pixels at `scale`. */
  regions: RecognisedBox[][];
}

/**
 * Pages are drawn so their longer side is about this many pixels (a printed A4 page at ~2×, where body
 * text is 20 pixels high, the size the detector reads best), and never above 2.5× for small pages.
 */
const LONG_SIDE_PX = 1728;
const MAX_SCALE = 2.5;
/** pdf.js operators that paint a raster image: a page painting none has no picture to read. */
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

export class PageReader {
  private open: { key: string; doc: Promise<PDFDocumentProxy> } | null = null;
  private engine: Promise<PaddleOcr> | null = null;

  /** `loadEngine` is called once, when a page first has a region to recognise. */
  constructor(private readonly loadEngine: () => Promise<PaddleOcr>) {}

  async read(request: ReadRequest): Promise<PageReading> {
    const doc = await this.documentFor(request.document);
    const page = await doc.getPage(request.page);
    try {
      const scale = scaleFor(page);
      let regions: Region[];
      if (request.find === 'pictures') regions = inBands(await pictureRegions(page), request.bands, page.getViewport({ scale: 1 }));
      else regions = (await paintsImage(page)) ? [wholePage(page)] : [];
      if (regions.length === 0) return { scale, regions: [] };
      const image = await draw(page, scale);
      const out: RecognisedBox[][] = [];
      for (const region of regions) {
        const crop = cropped(image, region, scale);
        // A scanned page is read whatever it looks like; a picture on a text page only when it can hold print.
        if (request.find === 'pictures' && !holdsPrint(crop.image)) continue;
        const engine = await (this.engine ??= this.loadEngine());
        const boxes = await engine.recognise(crop.image);
        out.push(boxes.map((box) => ({ ...box, x0: box.x0 + crop.left, x1: box.x1 + crop.left, y0: box.y0 + crop.top, y1: box.y1 + crop.top })));
      }
      return { scale, regions: out };
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    const open = this.open;
    this.open = null;
    if (open) await (await open.doc).destroy();
  }

  private async documentFor(document: ReadRequest['document']): Promise<PDFDocumentProxy> {
    if (this.open?.key === document.key) return this.open.doc;
    await this.close();
    // pdf.js takes ownership of the bytes it is given: it gets this thread's own copy.
    const doc = getDocument({ data: new Uint8Array(document.bytes), ...pdfjsAssetUrls(), cMapPacked: true, isEvalSupported: false, verbosity: 0 }).promise;
    this.open = { key: document.key, doc };
    return doc;
  }
}

function scaleFor(page: PDFPageProxy): number {
  const unit = page.getViewport({ scale: 1 });
  return Math.min(MAX_SCALE, LONG_SIDE_PX / Math.max(unit.width, unit.height));
}

function wholePage(page: PDFPageProxy): Region {
  const unit = page.getViewport({ scale: 1 });
  return { x0: 0, y0: 0, x1: unit.width, y1: unit.height };
}

async function paintsImage(page: PDFPageProxy): Promise<boolean> {
  const operators = await page.getOperatorList();
  return operators.fnArray.some((op) => IMAGE_OPS.has(op));
}

async function draw(page: PDFPageProxy, scale: number): Promise<RgbaImage> {
  const canvas = await drawPage(page, scale);
  return { width: canvas.width, height: canvas.height, data: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data };
}

/** A page drawn by pdf.js on white paper at `scale` pixels per point. */
export async function drawPage(page: PDFPageProxy, scale: number): Promise<Canvas> {
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js types its context as the DOM's; @napi-rs/canvas implements the same drawing API.
  type Drawing = Parameters<typeof page.render>[0];
  await page.render({ canvas: canvas as unknown as Drawing['canvas'], canvasContext: context as unknown as Drawing['canvasContext'], viewport }).promise;
  return canvas;
}

/** The part of a drawn page under `region` (page points), and where it sits on the page in pixels. */
function cropped(image: RgbaImage, region: Region, scale: number): { image: RgbaImage; left: number; top: number } {
  const left = Math.max(0, Math.floor(region.x0 * scale));
  const top = Math.max(0, Math.floor(region.y0 * scale));
  const width = Math.max(1, Math.min(image.width, Math.ceil(region.x1 * scale)) - left);
  const height = Math.max(1, Math.min(image.height, Math.ceil(region.y1 * scale)) - top);
  if (left === 0 && top === 0 && width === image.width && height === image.height) return { image, left, top };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const from = ((top + y) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { image: { width, height, data }, left, top };
}
