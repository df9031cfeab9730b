import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { drawPage } from '../../ingest/ocr/pageReader.js';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';

/**
 * An image-only copy of a PDF, as a scanner would make it: every page drawn to a JPEG at `dpi` and
 * placed on a page of the same size, with no text layer left. Used to measure OCR against the text
 * layer the pages started from, and by tests to make scanned material.
 */
export interface ImageOnlyOptions {
  /** Pages to copy (1-based); all when absent. */
  pages?: readonly number[];
  /** Scan resolution; 200 dpi is the common office-scanner setting. */
  dpi?: number;
  /** JPEG quality 0–100. */
  quality?: number;
}

/** A part of a page in points, top-down. */
export interface Area {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export async function imageOnlyCopy(pdf: Uint8Array, options: ImageOnlyOptions = {}): Promise<Buffer> {
  const source = await openPdf(pdf);
  const out = new PDFDocument({ autoFirstPage: false, info: { Title: '' } });
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => out.on('end', () => resolve()));
  try {
    const pages = options.pages ?? Array.from({ length: source.numPages }, (_, i) => i + 1);
    for (const number of pages) {
      const { jpeg, width, height } = await jpegOfPage(source, number, options.dpi ?? 200, options.quality ?? 85, null);
      out.addPage({ size: [width, height], margin: 0 });
      out.image(jpeg, 0, 0, { width, height });
    }
  } finally {
    out.end();
    await source.destroy();
  }
  await ended;
  return Buffer.concat(chunks);
}

/** A JPEG of one page of a PDF, or of an area of it: a picture to paste into another page. */
export async function pageJpeg(pdf: Uint8Array, page: number, options: { dpi?: number; area?: Area } = {}): Promise<Buffer> {
  const source = await openPdf(pdf);
  try {
    return (await jpegOfPage(source, page, options.dpi ?? 200, 90, options.area ?? null)).jpeg;
  } finally {
    await source.destroy();
  }
}

function openPdf(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(pdf), ...pdfjsAssetUrls(), cMapPacked: true, isEvalSupported: false, verbosity: 0 }).promise;
}

async function jpegOfPage(source: PDFDocumentProxy, number: number, dpi: number, quality: number, area: Area | null): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const page = await source.getPage(number);
  try {
    const unit = page.getViewport({ scale: 1 });
    const scale = dpi / 72;
    const canvas = await drawPage(page, scale);
    const context = canvas.getContext('2d');
    if (!area) return { jpeg: await canvas.encode('jpeg', quality), width: unit.width, height: unit.height };
    const [x, y] = [Math.floor(area.x0 * scale), Math.floor(area.y0 * scale)];
    const [w, h] = [Math.ceil((area.x1 - area.x0) * scale), Math.ceil((area.y1 - area.y0) * scale)];
    const part = createCanvas(w, h);
    part.getContext('2d').putImageData(context.getImageData(x, y, w, h), 0, 0);
    return { jpeg: await part.encode('jpeg', quality), width: area.x1 - area.x0, height: area.y1 - area.y0 };
  } finally {
    page.cleanup();
  }
}
