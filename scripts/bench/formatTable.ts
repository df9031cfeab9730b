/** Plain tables for the terminal and for markdown, from rows of cells (first row is the header). */

export type Align = 'left' | 'right';

/** Display width: CJK and other wide characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Columns padded to a common width, two spaces apart, a rule under the header. */
export function alignedTable(rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (row: readonly string[]) =>
    widths
      .map((w, c) => pad(row[c] ?? '', w, align[c] ?? (c === 0 ? 'left' : 'right')))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** GitHub markdown table; `|` inside a cell is escaped. */
export function markdownTable(rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const line = (row: readonly string[]) => `| ${Array.from({ length: columns }, (_, c) => cell(row[c] ?? '')).join(' | ')} |`;
  const [header, ...body] = rows;
  if (!header) return '';
  const rule = `| ${Array.from({ length: columns }, (_, c) => ((align[c] ?? (c === 0 ? 'left' : 'right')) === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
