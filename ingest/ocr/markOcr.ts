import type { Chunk, MetricEntry, OcrRecord, ParsedTable } from '../../src/store/shapes.js';

/**
 * Stamps what OCR read with the recogniser's confidence, so an answer built on it can say so. A piece
 * (chunk, table, registry figure) is OCR's when its text shares a run of WINDOW characters with a line
 * OCR read on one of its pages (or a whole shorter line): on a scanned page that is every piece, on a
 * page with a text layer only those holding the picture's text. Runs, not whole lines, because a
 * sentence may start in the middle of one line and end in the next. It takes the lowest confidence
 * among those pages: it is only as sure as its weakest page.
 */
export function markOcr(
  record: OcrRecord,
  ocrLines: ReadonlyArray<{ page: number; text: string }>,
  content: { chunks: Chunk[]; tables: ParsedTable[]; metrics: MetricEntry[] },
): void {
  if (record.pages.length === 0) return;
  const confidence = new Map(record.pages.map((entry) => [entry.page, entry.confidence]));
  const runsOn = new Map<number, Set<string>>();
  for (const line of ocrLines) {
    const chars = [...compact(line.text)];
    // A line of one character is found in almost any text: it tells nothing.
    if (chars.length < 2) continue;
    const runs = runsOn.get(line.page) ?? new Set<string>();
    for (let i = 0; i + Math.min(WINDOW, chars.length) <= chars.length; i += 1) runs.add(chars.slice(i, i + WINDOW).join(''));
    runsOn.set(line.page, runs);
  }
  const lowest = (pages: Iterable<number>, text: string): number | undefined => {
    const body = compact(text);
    let low: number | undefined;
    for (const page of pages) {
      const value = confidence.get(page);
      if (value === undefined || !sharesRun(body, runsOn.get(page))) continue;
      if (low === undefined || value < low) low = value;
    }
    return low;
  };
  for (const chunk of content.chunks) stamp(chunk, lowest(range(chunk.pageStart, chunk.pageEnd), chunk.text));
  for (const table of content.tables) stamp(table, lowest(new Set([table.page, ...table.pages]), [table.title, ...table.header, ...table.rows.flat()].join('')));
  for (const metric of content.metrics) stamp(metric, lowest([metric.page], metric.evidence));
}

/** Characters in a run shared with an OCR'd line (fewer when the line is shorter). */
const WINDOW = 8;

/** Text without spaces and cell separators ("a | b" in a chunk of table rows), NFKC. */
function sharesRun(body: string, runs: ReadonlySet<string> | undefined): boolean {
  for (const run of runs ?? []) if (body.includes(run)) return true;
  return false;
}

const compact = (text: string) => text.normalize('NFKC').replace(/[\s|]+/gu, '');

function stamp(target: { ocr?: number }, confidence: number | undefined): void {
  if (confidence !== undefined) target.ocr = Math.round(confidence * 1000) / 1000;
}

function* range(first: number, last: number): Iterable<number> {
  for (let page = first; page <= last; page += 1) yield page;
}
