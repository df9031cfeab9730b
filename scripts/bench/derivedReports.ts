import { hashToken } from '../../src/embed/localHashEmbeddings.js';
import { createHash } from 'node:crypto';
import type { AnalysedReport } from '../../ingest/ingestReports.js';
import type { CopyMode } from './benchArgs.js';

/**
 * Stand-ins for many distinct reports, derived from the one analysed report instead of analysing the
 * PDF again for each: copy `i` is "the report of `year - i`". Analysing is the same work whatever the
 * year, so doing it once keeps a 100-report bench within minutes; what grows with the number of
 * reports (tokenizing, BM25, embedding, graph, files, loading, answering) is done for every copy.
 *
 * `identical` copies change only identity and title, like test/src/answer/reportFixture.ts. They make
 * every chunk of every copy the same text, which flatters the ingest (the tokenizer caches repeated
 * texts) and makes the vector set exact duplicates (a degenerate case for hnsw). `figures` copies —
 * the default — also change every figure: years move with the copy, and every other number is
 * rewritten by a hash of (copy, number), so the same figure reads the same everywhere within a copy
 * (chunk, metric value, evidence, table cell) and differs between copies, as next year's report does.
 */

const NUMBER = /\d+(?:\.\d+)?/g;


/** A year near the report's own (up to 30 before, 5 after) moves with the copy. */
function isYearNear(value: string, baseYear: number): boolean {
  if (!/^\d{4}$/.test(value)) return false;
  const n = Number(value);
  return n >= baseYear - 30 && n <= baseYear + 5;
}

/**
 * Rewrites the numbers of one text for copy `copy` (≥ 1) of a report of `baseYear`: years shift by
 * `-copy`, other numbers keep their shape (digit count, decimal point) with new digits. Pure and
 * deterministic: one (copy, number) pair always gives the same result.
 */
export function shiftFigures(text: string, copy: number, baseYear: number): string {
  if (copy === 0) return text;
  return text.replace(NUMBER, (number) => {
    if (isYearNear(number, baseYear)) return String(Number(number) - copy);
    const h = hashToken(`${copy}:${number}`, 0x811c9dc5);
    let digitIndex = 0;
    let out = '';
    const intLength = number.indexOf('.') === -1 ? number.length : number.indexOf('.');
    for (let i = 0; i < number.length; i += 1) {
      const ch = number[i]!;
      if (ch === '.') {
        out += ch;
        continue;
      }
      const step = ((h >>> ((digitIndex * 3) % 29)) + digitIndex) % 10;
      let digit = (Number(ch) + step) % 10;
      // No leading zero on a multi-digit integer part: "0750" would not read as a figure.
      if (i === 0 && intLength > 1 && digit === 0) digit = 1 + ((h + digitIndex) % 9);
      out += String(digit);
      digitIndex += 1;
    }
    return out;
  });
}

/** Identity only: the year in the report's title and ids. */
function shiftTitleYear(text: string, baseYear: number, year: number): string {
  return text.replaceAll(`${baseYear}年度`, `${year}年度`);
}

/** Copy `copy` (1, 2, …) of `base` as the report of `base.identity.year - copy`. Copy 0 is `base` itself. */
export function deriveReport(base: AnalysedReport, copy: number, mode: CopyMode): AnalysedReport {
  if (copy === 0) return base;
  const baseYear = base.identity.year;
  const year = baseYear - copy;
  const text = mode === 'figures' ? (s: string) => shiftFigures(s, copy, baseYear) : (s: string) => shiftTitleYear(s, baseYear, year);
  const id = base.identity.id.replace(String(baseYear), String(year));
  return {
    identity: { ...base.identity, id: id === base.identity.id ? `${id}-${year}` : id, year, title: shiftTitleYear(base.identity.title, baseYear, year) },
    filePath: base.filePath,
    meta: {
      ...base.meta,
      sourceFile: `bench-copy-${year}-${base.meta.sourceFile}`,
      sha256: createHash('sha256').update(`${base.meta.sha256}:${mode}:${copy}`).digest('hex'),
    },
    chunks: base.chunks.map((chunk) => ({
      ...chunk,
      id: `${id}#${chunk.id.slice(chunk.id.lastIndexOf('#') + 1)}`,
      reportId: id,
      year,
      text: text(chunk.text),
      norm: text(chunk.norm),
    })),
    tables: base.tables.map((table) => ({
      ...table,
      title: text(table.title),
      header: table.header.map(text),
      rows: table.rows.map((row) => row.map(text)),
      sourceNote: table.sourceNote === null ? null : text(table.sourceNote),
    })),
    metrics: base.metrics.map((metric) => ({ ...metric, name: text(metric.name), value: text(metric.value), evidence: text(metric.evidence) })),
    vocabulary: base.vocabulary,
  };
}
