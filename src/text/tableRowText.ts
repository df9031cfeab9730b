/**
 * A table row as one printed line: cells separated by a space, as a report's own text layer prints a
 * row. Chunks hold rows in this form and answers find a quoted row by it, so both use this one.
 */
export function tableRowText(cells: readonly string[]): string {
  return cells.join(' ');
}
