import { PDFParse, type InfoResult } from 'pdf-parse';
import { IngestRefusedError } from '../../src/errors.js';
import type { ExtractedDocument, PageGridTable } from '../types.js';
import type { PageText } from '../../src/store/shapes.js';
import { findImageFilterMisuse } from './findImageFilterMisuse.js';
import { findTablePages } from './findTablePages.js';
import { pdfjsAssetUrls } from '../../src/pdf/pdfjsAssetUrls.js';
import { refusalFromPdfError } from './refusalFromPdfError.js';

/**
 * Which pages `getTable()` looks at: `'auto'` the pages `findTablePages()` picks from the text (the
 * default), `'all'` every page, `'none'` no page, or the given 1-based page numbers.
 */
export type TablePageSelection = 'auto' | 'all' | 'none' | readonly number[];

export interface ExtractPdfOptions {
  /** Named in refusals. */
  file: string;
  tablePages?: TablePageSelection;
}

export type PdfContent = Pick<ExtractedDocument, 'pages' | 'metadataTitle' | 'gridTables'>;

/**
 * Below this many non-space characters per page on average the PDF is taken for scanned images. Real
 * report pages carry hundreds; a scan can still carry a stamped page number or a scanner watermark.
 */
const MIN_TEXT_CHARS_PER_PAGE = 8;

/**
 * Page text, metadata title and ruled tables of a PDF, read with pdf-parse (pdf.js). Refuses with
 * `IngestRefusedError`: `encrypted`, `corrupt` (also, before pdf.js sees it, a file that hides page
 * content behind an image-only filter: a decompression bomb), `empty` (no pages), `no_text_layer`.
 *
 * Pass a Node `Buffer`: pdf-parse copies it, whereas a plain `Uint8Array` is handed to pdf.js, which
 * takes ownership of its memory (detaches it).
 */
export async function extractPdf(data: Uint8Array, options: ExtractPdfOptions): Promise<PdfContent> {
  const { file } = options;
  const misuse = findImageFilterMisuse(data);
  if (misuse !== null) throw new IngestRefusedError(file, 'corrupt', misuse);
  const parser = new PDFParse({ data, ...pdfjsAssetUrls(), cMapPacked: true, ...fontFaceOptions() });
  try {
    const info = await parser.getInfo();
    // The page texts never carry pdf-parse's "-- N of M --" markers (only the joined text does); an
    // empty joiner saves building them.
    const text = await parser.getText({ pageJoiner: '' });
    const pages: PageText[] = text.pages.map((page) => ({ page: page.num, text: page.text }));
    if (pages.length === 0) throw new IngestRefusedError(file, 'empty', 'the PDF has no pages');
    const textChars = pages.reduce((sum, page) => sum + (page.text.match(/\S/gu)?.length ?? 0), 0);
    if (textChars < MIN_TEXT_CHARS_PER_PAGE * pages.length) {
      throw new IngestRefusedError(file, 'no_text_layer', `${textChars} text characters on ${pages.length} pages`);
    }

    const tablePages = selectTablePages(options.tablePages ?? 'auto', pages);
    const gridTables: PageGridTable[] = [];
    // An empty `partial` means "every page" to pdf-parse, so no pages must mean no call.
    if (tablePages === 'all' || tablePages.length > 0) {
      const result = await parser.getTable(tablePages === 'all' ? {} : { partial: [...tablePages] });
      for (const page of result.pages) {
        for (const rows of page.tables) {
          if (rows.some((row) => row.some((cell) => cell !== ''))) gridTables.push({ page: page.num, rows });
        }
      }
    }
    return { pages, metadataTitle: metadataTitle(info), gridTables };
  } catch (error) {
    throw refusalFromPdfError(file, error);
  } finally {
    await parser.destroy();
  }
}

function selectTablePages(selection: TablePageSelection, pages: readonly PageText[]): 'all' | number[] {
  if (selection === 'all') return 'all';
  if (selection === 'none') return [];
  if (selection === 'auto') return findTablePages(pages);
  const last = pages.length;
  return [...new Set(selection)].filter((page) => Number.isInteger(page) && page >= 1 && page <= last).sort((a, b) => a - b);
}

/** Info-dictionary Title, else the XMP dc:title; blank counts as none. */
function metadataTitle(info: InfoResult): string | null {
  const dictionary: unknown = info.info;
  const fromInfo = isRecord(dictionary) && typeof dictionary.Title === 'string' ? dictionary.Title.trim() : '';
  if (fromInfo !== '') return fromInfo;
  const fromXmp: unknown = info.metadata?.get('dc:title');
  return typeof fromXmp === 'string' && fromXmp.trim() !== '' ? fromXmp.trim() : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * In Node pdf.js defaults to `disableFontFace: true`, and then `getOperatorList()`, which `getTable()`
 * runs on each page it looks at, compiles an outline for every glyph drawn: half the table cost on the
 * 110-page report (~170 ms of ~340 ms). With font faces on, pdf.js instead registers each embedded font
 * as an `@font-face` rule in `ownerDocument`; nothing is rendered here, so a document whose stylesheet
 * drops the rules is enough. Text and tables come out the same either way. Should a pdf.js upgrade
 * need more of the document than this, binding the font fails and pdf.js falls back to glyph outlines
 * per font: the results stay the same, tables just get slower (with no usable document at all, about
 * four times pdf.js's default).
 */
function fontFaceOptions() {
  const sheet = { cssRules: { length: 0 }, insertRule: () => 0 };
  const ownerDocument = {
    createElement: () => ({ sheet, remove: () => undefined }),
    documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
  };
  return { disableFontFace: false, ownerDocument };
}
