import type { Block, Line } from '../../src/store/shapes.js';

/**
 * Page of an offset in a block's text. A paragraph that runs over a page break spans two pages, and
 * a figure should cite the one it is printed on: the block's printed lines are found in its text in
 * order, so the offset falls in exactly one of them. Without the lines (or if they do not line up
 * with the text) the block's first page is the honest fallback.
 */
export function pageLocator(block: Block, lines?: readonly Line[]): (offset: number) => number {
  const fallback = () => block.pageStart;
  if (!lines || block.pageStart === block.pageEnd) return fallback;

  const starts: Array<{ offset: number; page: number }> = [];
  let cursor = 0;
  for (let i = block.lineStart; i <= block.lineEnd; i += 1) {
    const line = lines[i];
    if (!line) return fallback;
    const at = block.text.indexOf(line.text, cursor);
    // Lines are joined with at most a space between them; anything else means a different join.
    if (at < 0 || block.text.slice(cursor, at).trim() !== '') return fallback;
    starts.push({ offset: at, page: line.page });
    cursor = at + line.text.length;
  }

  return (offset: number) => {
    let page = block.pageStart;
    for (const s of starts) {
      if (s.offset > offset) break;
      page = s.page;
    }
    return page;
  };
}
