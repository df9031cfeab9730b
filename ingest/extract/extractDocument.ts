import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestRefusedError } from '../../src/errors.js';
import { buildLines } from '../layout/buildLines.js';
import type { PageText } from '../../src/store/shapes.js';
import type { ExtractedDocument, PageLines } from '../types.js';
import { extractText } from './extractText.js';
import { readPdf } from './readPdf.js';
import type { OcrSettings } from '../ocr/recognisePages.js';

export interface ExtractOptions {
  /** Larger files are refused `too_large` before a byte is read. */
  maxBytes: number;
  /** Reads pages that are only a picture; without it they stay empty. */
  ocr?: OcrSettings;
}

const NO_OCR: ExtractedDocument['ocr'] = { pages: [], skipped: [] };
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);
/**
 * PDF readers accept the header anywhere in the first 1024 bytes, and junk before it does occur; that
 * leeway is only given to files named .pdf, so a text file that merely mentions "%PDF-" stays text.
 */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

/**
 * Reads one report file: a PDF (by its `%PDF-` header, whatever the name) or a .txt/.md text export.
 * Every file the ingest will not take is refused with `IngestRefusedError` (not_found, too_large,
 * empty, not_pdf, unsupported_type, encrypted, corrupt, no_text_layer).
 */
export async function extractDocument(filePath: string, options: ExtractOptions): Promise<ExtractedDocument> {
  const size = await fileSize(filePath);
  if (size > options.maxBytes) throw tooLarge(filePath, size, options.maxBytes);
  if (size === 0) throw new IngestRefusedError(filePath, 'empty', '0 bytes');

  const bytes = await readFile(filePath);
  // The file may have grown since stat.
  if (bytes.length > options.maxBytes) throw tooLarge(filePath, bytes.length, options.maxBytes);
  const base = { sourcePath: filePath, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };

  const extension = path.extname(filePath).toLowerCase();
  // The bytes decide before the name does: a PDF saved as .txt or without an extension is still a PDF.
  if (hasPdfHeader(bytes, extension === '.pdf' ? PDF_HEADER_WINDOW : 0)) {
    const content = await readPdf(bytes, filePath, options.ocr);
    const pages = content.pages.map((page) => ({ page: page.page, lines: buildLines(page) }));
    return { ...base, format: 'pdf', metadataTitle: content.metadataTitle, pages, ocr: content.ocr };
  }
  const isText = TEXT_EXTENSIONS.has(extension);
  if (extension === '.pdf') throw new IngestRefusedError(filePath, 'not_pdf');
  if (!isText) throw new IngestRefusedError(filePath, 'unsupported_type', extension === '' ? 'no file extension' : extension);
  return { ...base, format: 'text', metadataTitle: null, pages: extractText(bytes, filePath).map(textPageLines), ocr: NO_OCR };
}

/** A page of a text export as lines: no positions, one printed line per text line. */
export function textPageLines(page: PageText): PageLines {
  const lines = page.text
    .split(/\r?\n/u)
    .map((text) => ({ page: page.page, text: text.trim(), geometry: null }))
    .filter((line) => line.text !== '');
  return { page: page.page, lines };
}

async function fileSize(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new IngestRefusedError(filePath, 'not_found', 'not a regular file');
    return info.size;
  } catch (error) {
    if (error instanceof IngestRefusedError) throw error;
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new IngestRefusedError(filePath, 'not_found', undefined, { cause: error });
    throw error;
  }
}

function tooLarge(filePath: string, size: number, maxBytes: number): IngestRefusedError {
  return new IngestRefusedError(filePath, 'too_large', `${size} bytes, limit ${maxBytes}`);
}

function hasPdfHeader(bytes: Buffer, window: number): boolean {
  return bytes.subarray(0, window + PDF_HEADER.length).indexOf(PDF_HEADER) !== -1;
}
