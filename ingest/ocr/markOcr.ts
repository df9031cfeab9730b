import type { Chunk, MetricEntry, OcrRecord, ParsedTable } from '../../src/store/shapes.js';

/**
 * Stamps what came from OCR'd pages with the recogniser's confidence, so an answer built on it can
 * say so. A piece spanning several pages takes the lowest confidence among its OCR'd pages: it is
 * only as sure as its weakest page.
 */
export function markOcr(record: OcrRecord, content: { chunks: Chunk[]; tables: ParsedTable[]; metrics: MetricEntry[] }): void {
  if (record.pages.length === 0) return;
  const confidence = new Map(record.pages.map((entry) => [entry.page, entry.confidence]));
  const lowest = (pages: Iterable<number>): number | undefined => {
    let low: number | undefined;
    for (const page of pages) {
      const value = confidence.get(page);
      if (value !== undefined && (low === undefined || value < low)) low = value;
    }
    return low;
  };
  for (const chunk of content.chunks) stamp(chunk, lowest(range(chunk.pageStart, chunk.pageEnd)));
  for (const table of content.tables) stamp(table, lowest([table.page, ...table.pages]));
  for (const metric of content.metrics) stamp(metric, lowest([metric.page]));
}

function stamp(target: { ocr?: number }, confidence: number | undefined): void {
  if (confidence !== undefined) target.ocr = Math.round(confidence * 1000) / 1000;
}

function* range(first: number, last: number): Iterable<number> {
  for (let page = first; page <= last; page += 1) yield page;
}
