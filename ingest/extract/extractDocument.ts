import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestRefusedError } from '../../src/errors.js';
import type { ExtractedDocument } from '../types.js';
import { extractPdf, type TablePageSelection } from './extractPdf.js';
import { extractText } from './extractText.js';

export interface ExtractOptions {
  /** Larger files are refused `too_large` before a byte is read. */
  maxBytes: number;
  /** Which PDF pages are searched for ruled tables; see `TablePageSelection` (default `'auto'`). */
  tablePages?: TablePageSelection;
}

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
    const content = await extractPdf(bytes, {
      file: filePath,
      ...(options.tablePages === undefined ? {} : { tablePages: options.tablePages }),
    });
    return { ...base, format: 'pdf', ...content };
  }
  const isText = TEXT_EXTENSIONS.has(extension);
  if (extension === '.pdf') throw new IngestRefusedError(filePath, 'not_pdf');
  if (!isText) throw new IngestRefusedError(filePath, 'unsupported_type', extension === '' ? 'no file extension' : extension);
  return { ...base, format: 'text', metadataTitle: null, pages: extractText(bytes, filePath), gridTables: [] };
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
