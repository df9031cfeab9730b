import type { PageText } from '../../src/store/shapes.js';

/** "表 1-2 …", "表1-2", "表 3 …", "续表 1-3": a table caption at the start of a line. */
const CAPTION = /^(?:续)?表\s*\d+(?:\s*[-–—.]\s*\d+)?(?!\d)/u;
/** "数据来源：…", "资料来源:…", "来源：…": the note Chinese reports print under a table. */
const SOURCE_NOTE = /^(?:数据|资料)?来源\s*[:：]/u;
/** How far down a page its repeated table header may sit (a running header can come first). */
const HEADER_SEARCH_LINES = 3;
/** How many lines under a caption may be the table's header row (a header can wrap onto two). */
const HEADER_LINES = 2;

// NFKC folds full-width digits, dashes and colons; spaces go because extractors differ on them.
const compact = (line: string) => line.normalize('NFKC').replace(/\s+/gu, '');

/**
 * Pages that can hold a ruled table, read from the already-extracted text, so that `getTable()` (about
 * five times the cost of `getText()` per page) only looks at those:
 * - a page with a caption line;
 * - while the table under the last caption is open (no source note seen after it), the next page when
 *   one of its first lines repeats the table's header row; it stays open;
 * - otherwise the one next page after an open table, in case the table runs on without a repeated
 *   header; that page ends it, since nothing on it confirms the table.
 * A source-note line ends the table above it.
 */
export function findTablePages(pages: readonly PageText[]): number[] {
  const picked = new Set<number>();
  let open: OpenTable | null = null;
  for (const page of pages) {
    const lines = page.text
      .split('\n')
      .map(compact)
      .filter((line) => line !== '');
    if (open) {
      picked.add(page.page);
      const top = lines.slice(0, HEADER_SEARCH_LINES);
      if (!open.headers.some((header) => top.includes(header))) open = null;
    }
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (CAPTION.test(line)) {
        picked.add(page.page);
        const headers = lines
          .slice(index + 1, index + 1 + HEADER_LINES)
          .filter((next) => !CAPTION.test(next) && !SOURCE_NOTE.test(next));
        open = { headers };
      } else if (SOURCE_NOTE.test(line)) {
        open = null;
      }
    }
  }
  return [...picked].sort((a, b) => a - b);
}

interface OpenTable {
  /** The lines under the caption, compacted: a continuation page repeats one of them near its top. */
  headers: string[];
}
