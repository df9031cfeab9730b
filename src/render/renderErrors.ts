import { UserFacingError } from '../errors.js';

/** A page number the PDF does not have: the user asked for it, so they see what the range is. */
export class PageOutOfRangeError extends UserFacingError {
  override name = 'PageOutOfRangeError';
  constructor(
    readonly page: number,
    readonly pageCount: number,
  ) {
    super(
      `page ${page} is outside 1..${pageCount}`,
      `第 ${page} 页不存在：报告共 ${pageCount} 页。Page ${page} does not exist: the report has ${pageCount} pages.`,
    );
  }
}

/** The page could not be drawn (PDF missing or unreadable); the detail goes to the log via `cause`. */
export class PageRenderError extends UserFacingError {
  override name = 'PageRenderError';
  constructor(
    readonly pdfPath: string,
    readonly page: number,
    options?: { cause?: unknown },
  ) {
    super(
      `cannot render page ${page} of ${pdfPath}`,
      `第 ${page} 页的图片暂时无法生成。The image of page ${page} could not be made.`,
      options,
    );
  }
}

/** The bundled CJK font would not load: without it every Chinese character would draw as a box. */
export class TableFontError extends UserFacingError {
  override name = 'TableFontError';
  constructor(readonly fontPath: string, options?: { cause?: unknown }) {
    super(
      `cannot register font ${fontPath}`,
      '表格图片暂时无法生成（缺少中文字体）。The table image could not be made (the Chinese font is missing).',
      options,
    );
  }
}
