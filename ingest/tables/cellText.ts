import { joinWrapped } from '../clean/cleanPages.js';

/**
 * Display text of one table cell from its printed lines: a line break inside a cell is only where the
 * column was too narrow, so the pieces join like a wrapped paragraph (no space between CJK), while spaces
 * inside one printed line ("2024 年…", "陈 超") are kept as printed.
 */
export function cellText(raw: string): string {
  const parts = raw
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return joinWrapped(parts);
}

/** Comparison form of a cell: how a repeated header or a header quoted in the text layer is recognised. */
export function cellKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
