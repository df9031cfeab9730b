import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

export async function imageOnlyCopy(pdf: Uint8Array, options: ImageOnlyOptions = {}): Promise<Buffer> {
  const source = await getDocument({ data: new Uint8Array(pdf), ...pdfjsAssetUrls(), cMapPacked: true, isEvalSupported: false, verbosity: 0 }).promise;
  const out = new PDFDocument({ autoFirstPage: false, info: { Title: '' } });
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => out.on('end', () => resolve()));
  try {
    const pages = options.pages ?? Array.from({ length: source.numPages }, (_, i) => i + 1);
    const scale = (options.dpi ?? 200) / 72;
    for (const number of pages) {
      const page = await source.getPage(number);
      const unit = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = 'white';
      context.fillRect(0, 0, canvas.width, canvas.height);
      type Drawing = Parameters<typeof page.render>[0];
      await page.render({ canvas: canvas as unknown as Drawing['canvas'], canvasContext: context as unknown as Drawing['canvasContext'], viewport }).promise;
      const jpeg = await canvas.encode('jpeg', options.quality ?? 85);
      out.addPage({ size: [unit.width, unit.height], margin: 0 });
      out.image(jpeg, 0, 0, { width: unit.width, height: unit.height });
      page.cleanup();
    }
  } finally {
    out.end();
    await source.destroy();
  }
  await ended;
  return Buffer.concat(chunks);
}
