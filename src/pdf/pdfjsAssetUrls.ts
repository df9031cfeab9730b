import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfjsAssetUrls {
  /** Predefined CMaps: without them, text in non-embedded CJK fonts extracts as "" (silently). */
  cMapUrl: string;
  /** The 14 standard fonts, which PDFs may use without embedding them. */
  standardFontDataUrl: string;
  /** Image decoders (JPEG 2000, colour profiles) that pdf.js loads as WebAssembly. */
  wasmUrl: string;
}

let cached: PdfjsAssetUrls | undefined;

/**
 * Folders of the pdfjs-dist that pdf-parse itself loads (resolved from pdf-parse, so a second copy of
 * pdfjs-dist elsewhere in node_modules cannot hand it data of another version). In Node pdf.js reads
 * these with fs, so they are plain paths; it insists on the trailing slash.
 */
export function pdfjsAssetUrls(): PdfjsAssetUrls {
  if (cached) return cached;
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const root = path.dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => `${path.join(root, name)}/`;
  cached = { cMapUrl: folder('cmaps'), standardFontDataUrl: folder('standard_fonts'), wasmUrl: folder('wasm') };
  return cached;
}
