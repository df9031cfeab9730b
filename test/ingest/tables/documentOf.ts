import { cleanPages } from '../../../ingest/clean/cleanPages.js';
import { structureDocument } from '../../../ingest/structure/structureDocument.js';
import type { Block, Line } from '../../../src/store/shapes.js';

/** Lines and blocks of a small report given as printed lines per page (page 1 first), cleaned and structured. */
export function documentOf(pages: string[][]): { lines: Line[]; blocks: Block[] } {
  const doc = cleanPages(pages.map((lines, i) => ({ page: i + 1, text: lines.join('\n') })));
  return { lines: doc.lines, blocks: structureDocument(doc).blocks };
}
