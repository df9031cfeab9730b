import type { Logger } from '../log.js';
import { PageImageRenderer } from '../render/pageImageRenderer.js';
import { renderTablePngs } from '../render/renderTablePng.js';
import { tableCsv } from '../render/tableCsv.js';
import type { BotRenderers } from './botContext.js';

/** The bot's renderers backed by src/render: table PNGs in the bundled CJK font, cached page images. */
export function createRenderers(options: { logger: Logger; pageCacheDir?: string; pageWidth?: number }): BotRenderers {
  const pages = new PageImageRenderer({ logger: options.logger, cacheDir: options.pageCacheDir, width: options.pageWidth });
  return {
    tablePngs: (table, tableOptions = {}) => renderTablePngs(table, tableOptions.sourceLine ? { sourceLine: tableOptions.sourceLine } : {}),
    tableCsv: (table) => tableCsv(table),
    pageImage: (pdfPath, page) => pages.render(pdfPath, page),
  };
}
