/**
 * Character error rate of OCR against a page's own text layer: edit distance over the length of the
 * text layer, both NFKC-normalised with whitespace removed (OCR of CJK text keeps no spaces, and
 * spacing is not what a reader checks). Lines are compared in reading order, top to bottom.
 */
export function compactText(lines: ReadonlyArray<{ text: string }>): string {
  return lines.map((line) => line.text).join('').normalize('NFKC').replace(/\s+/gu, '');
}

/** Levenshtein distance over code points, in two rows of memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length] ?? 0;
}
