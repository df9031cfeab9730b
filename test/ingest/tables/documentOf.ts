import { cleanPages } from '../../../ingest/clean/cleanPages.js';
import { structureDocument } from '../../../ingest/structure/structureDocument.js';
import type { Block } from '../../../src/store/shapes.js';
import type { CleanLine } from '../../../ingest/types.js';
import { textPageLines } from '../../../ingest/extract/extractDocument.js';

/** Lines and blocks of a small report given as printed lines per page (page 1 first), cleaned and structured. */
export function documentOf(pages: string[][]): { lines: CleanLine[]; blocks: Block[] } {
  const doc = cleanPages(pages.map((lines, i) => textPageLines({ page: i + 1, text: lines.join('\n') })));
  return { lines: doc.lines, blocks: structureDocument(doc).blocks };
}
