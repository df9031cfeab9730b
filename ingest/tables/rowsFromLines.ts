import { joinWrapped } from '../clean/cleanPages.js';
import { displayWidth } from '../structure/lineShapes.js';
import { isHan } from '../../src/text/normalize.js';
import { cellKey } from './cellText.js';

/**
 * Rebuilds the rows of a table whose ruling was lost in a flattened text layer. That layer prints a
 * table row as a run of lines in column order: cells that fit on one line and sit side by side share a
 * printed line (separated by single spaces), while a cell that wrapped inside its column comes out as
 * several lines of its own (pdf.js keeps a wrapped cell's first line on the row's top line, after the
 * cells beside it). So a row is a sequence of lines, each whole cells or fragments of a wrapped cell,
 * and the job is to cut that sequence into exactly as many cells as the header has.
 *
 * The cut is chosen by cost: spaces that look like the text layer's number spacing ("2024 年") are cheap
 * to keep inside a cell, a fragment ending in "－" or "、" is cheap to join to the next, a wrapped line
 * is about as wide as the others of its cell, and — once the rows that read only one way are known —
 * each column's own evidence (all digits like a code column, the words its cells start and end with)
 * decides the rest. Nothing here knows a particular report's words.
 */

export interface RebuiltRows {
  header: string[];
  rows: string[][];
}

interface TextLine {
  tokens: string[];
  text: string;
}

interface Reading {
  cells: string[];
  score: number;
  /** Cells invented because the text layer printed nothing for them. */
  empty: number[];
}

const NUMERIC = /^[+-]?\d+(?:[.,]\d+)*%?$/;
/** "/" or "—" printed for an empty cell: no length, no words. */
const PLACEHOLDER = /^[\p{P}\p{S}]$/u;
const INTEGER = /^\d{1,4}$/;
const DIGIT = /\d/;
const LATIN = /[A-Za-z]/;
const JOINER_END = /[－\-—–、/，,；;：:（(“‘《+＋&·]$/u;
const CLOSER_START = /^[）)、，,。；;：:”’》]/u;
/** Punctuation a finished cell does not end with (a lone "/" or "-" is an empty-cell mark, not a fragment). */
const OPEN_END = /[－\-—–、，,；;：:（(“‘《+＋&·]$/u;

/** How long a row may run: a row longer than this would be a cell wrapped into a column a few characters wide. */
const MAX_ROW_LINES = 14;
const MAX_WRAP_LINES = 8;
const MAX_COLUMNS = 20;
/** Cost of a wrapped cell starting on a line of whole cells: a layout some layers print, not the usual one. */
const SHARED_LINE = 0.3;
const MAX_TAIL_WORDS = 3;
/** Words one cell of a line may hold: number spacing and spread-out names, not a sentence. */
const MAX_CELL_WORDS = 8;
/** Cost of inventing an empty cell: the text layer drops empty cells, but it must be a last resort. */
const EMPTY_CELL = 4;
/** Every row found is worth something, so a long run of lines is not swallowed into one row by merges. */
const ROW_REWARD = 1;
/** Display cells a wrapped line may fall short of the widest line of its cell (the layer wraps at word boundaries). */
const WRAP_SLACK = 1.5;
/** A row whose best reading beats the next one by this much teaches the columns on the first pass. */
const CONFIDENT = 0.5;
/** Readings kept per state: the runner-up is what tells a sure reading from a coin toss. */
const BEAM = 2;
const PASSES = 4;
/** Weight of one character pair's vote for a column. */
const GRAM_WEIGHT = 0.3;
/** Weight of a cell's length (log) straying from its column's usual length. */
const LENGTH_WEIGHT = 0.5;
/** A serial number may skip this many (the report's own numbering gaps) when the next one is nowhere. */
const SERIAL_GAP = 20;

const chars = (text: string) => [...text];

/** Cost of keeping a printed space inside one cell rather than cutting the cells there. */
function spaceCost(left: string, right: string): number {
  const last = chars(left).at(-1) ?? '';
  const first = chars(right)[0] ?? '';
  // The text layer spaces a number from the word after it ("2024 年全国…", "12 周").
  if (DIGIT.test(last) && isHan(first)) return 0.5;
  if (LATIN.test(last) || LATIN.test(first)) return 0.6;
  if (isHan(last) && DIGIT.test(first)) return 1.5;
  // Two-character names are printed spread out ("陈 超").
  if ((chars(left).length === 1 || chars(right).length === 1) && isHan(last) && isHan(first)) return 0.6;
  return 2.5;
}

function spacesCost(tokens: string[]): number {
  let cost = 0;
  for (let i = 0; i + 1 < tokens.length; i += 1) cost += spaceCost(tokens[i] ?? '', tokens[i + 1] ?? '');
  return cost;
}

function unclosed(text: string): boolean {
  const open = (text.match(/[（(“《]/gu) ?? []).length;
  const close = (text.match(/[）)”》]/gu) ?? []).length;
  return open > close;
}

/** Cost of reading consecutive printed lines as one wrapped cell. */
function wrapCost(fragments: string[]): number {
  const widths = fragments.map(displayWidth);
  const widest = Math.max(...widths);
  let cost = 0;
  for (let i = 0; i + 1 < fragments.length; i += 1) {
    const upper = fragments[i] ?? '';
    const lower = fragments[i + 1] ?? '';
    cost += JOINER_END.test(upper) || CLOSER_START.test(lower) || unclosed(upper) ? 0.1 : 0.4;
    // Numbers are short and "/" marks an empty cell: neither wraps onto a line of its own.
    if ([upper, lower].some((f) => NUMERIC.test(f) || PLACEHOLDER.test(f))) cost += 2;
    // A line that wrapped was as full as the column allowed, so it is about as wide as the widest line
    // of its cell; only the last line may be short.
    cost += Math.max(0, widest - (widths[i] ?? 0) - WRAP_SLACK) * 0.5;
  }
  return cost;
}

/** Cost of a cell whose text looks cut off: it ends on "、" or "－", or starts with a closing bracket. */
function shapeCost(text: string): number {
  if (chars(text).length < 2) return 0;
  return (OPEN_END.test(text) || unclosed(text) ? 1 : 0) + (CLOSER_START.test(text) ? 1 : 0);
}

function bigrams(text: string): string[] {
  const cs = chars(cellKey(text));
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i += 1) out.push(`${cs[i]}${cs[i + 1]}`);
  return out;
}

function bump(map: Map<string, number> | undefined, key: string, by: number) {
  if (!map) return;
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/** What the other rows say each column looks like. */
class ColumnEvidence {
  private readonly grams: Map<string, number>[] = [];
  private readonly all = new Map<string, number>();
  private readonly starts: Map<string, number>[] = [];
  private readonly ends: Map<string, number>[] = [];
  private readonly numeric: number[] = [];
  private readonly total: number[] = [];
  private readonly gramTotal: number[] = [];
  private readonly logLength: number[] = [];
  private readonly lengthCount: number[] = [];
  private allTotal = 0;

  constructor(width: number) {
    for (let c = 0; c < width; c += 1) {
      this.grams.push(new Map());
      this.starts.push(new Map());
      this.ends.push(new Map());
      this.numeric.push(0);
      this.total.push(0);
      this.gramTotal.push(0);
      this.logLength.push(0);
      this.lengthCount.push(0);
    }
  }

  update(row: string[], by: 1 | -1) {
    row.forEach((cell, c) => {
      if (cell.length === 0 || c >= this.total.length) return;
      const grams = bigrams(cell);
      for (const g of grams) {
        bump(this.grams[c], g, by);
        bump(this.all, g, by);
      }
      this.gramTotal[c] = (this.gramTotal[c] ?? 0) + by * grams.length;
      this.allTotal += by * grams.length;
      if (grams[0] !== undefined) bump(this.starts[c], grams[0], by);
      const last = grams.at(-1);
      if (last !== undefined) bump(this.ends[c], last, by);
      this.total[c] = (this.total[c] ?? 0) + by;
      if (!PLACEHOLDER.test(cell)) {
        this.logLength[c] = (this.logLength[c] ?? 0) + by * Math.log(chars(cell).length);
        this.lengthCount[c] = (this.lengthCount[c] ?? 0) + by;
      }
      if (NUMERIC.test(cell)) this.numeric[c] = (this.numeric[c] ?? 0) + by;
    });
  }

  score(text: string, column: number): number {
    const total = this.total[column] ?? 0;
    if (total < 2) return 0;
    let score = 0;
    const numericShare = (this.numeric[column] ?? 0) / total;
    const isNumber = NUMERIC.test(text);
    if (numericShare >= 0.8 && !isNumber) score -= 3;
    if (numericShare <= 0.2 && isNumber) score -= 1.5;
    // Columns keep to a length: a list of four names in one, a single name in the next.
    const measured = this.lengthCount[column] ?? 0;
    if (measured > 0 && !PLACEHOLDER.test(text)) {
      const typical = (this.logLength[column] ?? 0) / measured;
      score -= LENGTH_WEIGHT * Math.abs(Math.log(Math.max(1, chars(text).length)) - typical);
    }
    const grams = bigrams(text);
    if (grams.length === 0) return score;
    // Each pair of characters votes for the column it is usually printed in: how much likelier it is
    // here than in the table as a whole (pairs seen nowhere vote for nothing).
    const here = this.grams[column];
    const columnTotal = (this.gramTotal[column] ?? 0) + 1;
    const allTotal = this.allTotal + 1;
    for (const g of grams) {
      const anywhere = this.all.get(g) ?? 0;
      if (anywhere === 0) continue;
      const ratio = ((here?.get(g) ?? 0) + 0.1) / columnTotal / ((anywhere + 0.1) / allTotal);
      score += GRAM_WEIGHT * Math.max(-2, Math.min(2, Math.log(ratio)));
    }
    if (this.starts[column]?.has(grams[0] ?? '')) score += 0.5;
    if (this.ends[column]?.has(grams.at(-1) ?? '')) score += 0.5;
    return score;
  }
}

const NO_EVIDENCE = new ColumnEvidence(0);

/** Keeps the best `BEAM` distinct readings, best first. */
function offer(beam: Reading[], reading: Reading) {
  const same = beam.findIndex((r) => r.cells.length === reading.cells.length && r.cells.every((c, i) => c === reading.cells[i]));
  if (same >= 0) {
    if ((beam[same]?.score ?? -Infinity) >= reading.score) return;
    beam.splice(same, 1);
  }
  beam.push(reading);
  beam.sort((a, b) => b.score - a.score);
  if (beam.length > BEAM) beam.length = BEAM;
}

type CellScorer = (text: string, column: number) => number;

/**
 * Scores cells and line cuts against one state of the evidence. A row is tried many ways and, without
 * serial numbers, every run of lines is tried as a row, so each cell text and each line cut is worked
 * out once per column and kept while the evidence stays the same.
 */
class Scorer {
  private readonly cells = new Map<string, number>();
  private readonly splits = new Map<string, Reading[][]>();
  readonly cell: CellScorer;

  constructor(evidence: ColumnEvidence) {
    this.cell = (text, column) => {
      const key = `${column}\u0000${text}`;
      let score = this.cells.get(key);
      if (score === undefined) {
        score = evidence.score(text, column) - shapeCost(text);
        this.cells.set(key, score);
      }
      return score;
    };
  }

  /** Cuts of `line` into exactly `count` whole cells from `column` on, with room for `most` cells there. */
  split(line: TextLine, count: number, column: number, most: number): Reading[] {
    const key = `${most}\u0000${column}\u0000${line.text}`;
    let found = this.splits.get(key);
    if (!found) {
      found = splitLine(line.tokens, most, column, this.cell);
      this.splits.set(key, found);
    }
    return found[count] ?? [];
  }
}

/**
 * Cuts of one printed line into whole cells for the columns from `column` on: entry c holds the best
 * cuts into exactly c cells (up to `most`), all from one pass over the line.
 */
function splitLine(tokens: string[], most: number, column: number, scoreCell: CellScorer): Reading[][] {
  const m = tokens.length;
  const top = Math.min(most, m);
  // Cost of the spaces inside tokens[s..t), from running sums.
  const sums = [0];
  for (let i = 0; i + 1 < m; i += 1) sums.push((sums[i] ?? 0) + spaceCost(tokens[i] ?? '', tokens[i + 1] ?? ''));
  const inside = (s: number, t: number) => (sums[t - 1] ?? 0) - (sums[s] ?? 0);
  // beams[k][t]: the first t tokens as k cells.
  const beams: Reading[][][] = Array.from({ length: top + 1 }, () => Array.from({ length: m + 1 }, () => []));
  beams[0]?.[0]?.push({ cells: [], score: 0, empty: [] });
  for (let k = 1; k <= top; k += 1) {
    for (let t = k; t <= m; t += 1) {
      const target = beams[k]?.[t] as Reading[];
      for (let s = Math.max(k - 1, t - MAX_CELL_WORDS); s < t; s += 1) {
        const before = beams[k - 1]?.[s] ?? [];
        if (before.length === 0) continue;
        const text = tokens.slice(s, t).join(' ');
        const gain = scoreCell(text, column + k - 1) - inside(s, t);
        for (const r of before) offer(target, { cells: [...r.cells, text], score: r.score + gain, empty: r.empty });
      }
    }
  }
  return beams.map((row) => row[m] ?? []);
}

/**
 * The best cuts of every leading run of `lines` into exactly `count` cells (columns `column`…): entry j
 * holds the readings of lines[0..j), so a caller trying several row ends reads the lines only once.
 */
function readPrefixes(lines: TextLine[], count: number, column: number, scorer: Scorer): Reading[][] {
  const n = lines.length;
  const beams: Reading[][][] = Array.from({ length: n + 1 }, () => Array.from({ length: count + 1 }, () => []));
  beams[0]?.[0]?.push({ cells: [], score: 0, empty: [] });
  for (let i = 0; i <= n; i += 1) {
    const line = lines[i];
    // The wrapped cells that can start on line i do not depend on the column they land in.
    const wraps = line ? wrapsFrom(lines, i, line.tokens) : [];
    // A cell's first line holds a few words at most ("2024 年…"), so only short tails can start one.
    const tails: Array<{ head: TextLine; wraps: Wrap[] }> = [];
    for (let t = Math.max(1, (line?.tokens.length ?? 0) - MAX_TAIL_WORDS); line && t < line.tokens.length; t += 1) {
      tails.push({ head: toLine(line.tokens.slice(0, t).join(' ')), wraps: wrapsFrom(lines, i, line.tokens.slice(t)) });
    }
    for (let k = 0; k <= count; k += 1) {
      const here = beams[i]?.[k] ?? [];
      if (here.length === 0) continue;
      const extend = (to: Reading[], cells: string[], gain: number, empty = false) => {
        for (const r of here) offer(to, { cells: [...r.cells, ...cells], score: r.score + gain, empty: empty ? [...r.empty, r.cells.length] : r.empty });
      };
      if (k < count) extend(beams[i]?.[k + 1] as Reading[], [''], -EMPTY_CELL, true);
      if (!line) continue;
      // A line of whole cells side by side.
      for (let c = 1; c <= Math.min(line.tokens.length, count - k); c += 1) {
        for (const split of scorer.split(line, c, column + k, count - k)) extend(beams[i + 1]?.[k + c] as Reading[], split.cells, split.score);
      }
      if (k >= count) continue;
      // A wrapped cell: whole lines, read top to bottom.
      for (const wrap of wraps) extend(beams[wrap.end]?.[k + 1] as Reading[], [wrap.text], scorer.cell(wrap.text, column + k) - wrap.cost);
      // Whole cells and then the first line of a wrapped cell on one printed line: where a layer
      // prints a row's top line across all cells before the wrapped lines (pdf.js on ruled tables).
      for (const { head, wraps: tailWraps } of tails) {
        for (let c = 1; c <= Math.min(head.tokens.length, count - k - 1); c += 1) {
          for (const split of scorer.split(head, c, column + k, count - k)) {
            for (const wrap of tailWraps) {
              const gain = split.score + scorer.cell(wrap.text, column + k + c) - wrap.cost - SHARED_LINE;
              extend(beams[wrap.end]?.[k + c + 1] as Reading[], [...split.cells, wrap.text], gain);
            }
          }
        }
      }
    }
  }
  return beams.map((row) => row[count] ?? []);
}

interface Wrap {
  /** Index of the line after the cell's last line. */
  end: number;
  text: string;
  cost: number;
}

/** A cell that starts with `first` (words printed on line i) and wraps over the lines after it. */
function wrapsFrom(lines: TextLine[], i: number, first: string[]): Wrap[] {
  const out: Wrap[] = [];
  const fragments = [first.join(' ')];
  let spaces = spacesCost(first);
  for (let j = i + 1; j < Math.min(lines.length, i + MAX_WRAP_LINES); j += 1) {
    const line = lines[j] as TextLine;
    fragments.push(line.text);
    spaces += spacesCost(line.tokens);
    out.push({ end: j + 1, text: joinWrapped(fragments), cost: spaces + wrapCost(fragments) });
  }
  return out;
}

function readRow(lines: TextLine[], count: number, column: number, scorer: Scorer): Reading[] {
  return readPrefixes(lines, count, column, scorer)[lines.length] ?? [];
}

function toLine(text: string): TextLine {
  const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
  return { tokens, text: tokens.join(' ') };
}

/** Columns a header line stands for: its words, with the text layer's number spacing ("12 周") undone. */
function headerWords(line: TextLine): number {
  let count = line.tokens.length;
  for (let i = 0; i + 1 < line.tokens.length; i += 1) if (spaceCost(line.tokens[i] ?? '', line.tokens[i + 1] ?? '') <= 0.5) count -= 1;
  return count;
}

/** Column counts the header allows: lone header lines each a column, or runs of them one wrapped column. */
function headerWidths(header: TextLine[]): number[] {
  let apart = 0;
  let together = 0;
  let previousLone: string | null = null;
  for (const line of header) {
    if (line.tokens.length > 1) {
      apart += headerWords(line);
      together += headerWords(line);
      previousLone = null;
      continue;
    }
    if (previousLone === null) together += 1;
    if (previousLone === null || !(JOINER_END.test(previousLone) || unclosed(previousLone))) apart += 1;
    previousLone = line.text;
  }
  return [...new Set([apart, together])];
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let top: number | null = null;
  let topCount = 0;
  for (const [v, c] of counts) {
    if (c > topCount || (c === topCount && top !== null && v > top)) {
      top = v;
      topCount = c;
    }
  }
  return top;
}

const serialOf = (line: TextLine | undefined): number | null => {
  const first = line?.tokens[0];
  return first !== undefined && INTEGER.test(first) ? Number(first) : null;
};

/**
 * Indexes of the lines that start numbered rows: 1, 2, 3… as the first word of a line, in order. When
 * the next number is printed nowhere the report skipped some, and the next larger one carries on.
 */
function serialChain(lines: TextLine[]): number[] {
  const start = lines.findIndex((l, i) => i > 0 && serialOf(l) === 1);
  if (start < 0) return [];
  const chain = [start];
  let last = 1;
  for (let i = start + 1; i < lines.length; i += 1) {
    const serial = serialOf(lines[i]);
    if (serial === null || serial <= last || serial > last + SERIAL_GAP) continue;
    if (serial !== last + 1) {
      if (lines.slice(i + 1).some((l) => serialOf(l) === last + 1)) continue;
      // Past a gap only a line that reads like a row start will do, not a run of figures ("12 12 24").
      const tokens = lines[i]?.tokens ?? [];
      if (tokens.length > 1 && tokens.every((t) => NUMERIC.test(t))) continue;
    }
    chain.push(i);
    last = serial;
  }
  return chain.length >= 2 ? chain : [];
}

/**
 * Without serial numbers the header's end is a guess: lone words right under the first line are its
 * wrapped last column when a line of several cells (a data row) follows them.
 */
function unnumberedHeaderLength(lines: TextLine[]): number {
  let end = 1;
  while (end < Math.min(lines.length, 4) && lines[end]?.tokens.length === 1) end += 1;
  return (lines[end]?.tokens.length ?? 0) > 1 ? end : 1;
}

/** Drops the header where it is printed again after a page break. */
function withoutRepeatedHeader(lines: TextLine[], headerLength: number): TextLine[] {
  const key = (l: TextLine | undefined) => cellKey(l?.text ?? '');
  const out: TextLine[] = lines.slice(0, headerLength);
  for (let i = headerLength; i < lines.length; i += 1) {
    if (key(lines[i]) === key(lines[0])) {
      let span = 1;
      while (span < headerLength && key(lines[i + span]) === key(lines[span])) span += 1;
      i += span - 1;
      continue;
    }
    out.push(lines[i] as TextLine);
  }
  return out;
}

function fallbackReading(lines: TextLine[], width: number): Reading {
  const cells = [joinWrapped(lines.map((l) => l.text))];
  while (cells.length < width) cells.push('');
  return { cells, score: -Infinity, empty: [] };
}

interface RowRead {
  reading: Reading;
  /** How far ahead of the runner-up the reading is. */
  margin: number;
}

function best(readings: Reading[]): RowRead | null {
  const [top, next] = readings;
  if (!top) return null;
  return { reading: top, margin: next ? top.score - next.score : Infinity };
}

function readSerialRows(groups: TextLine[][], width: number, evidence: ColumnEvidence, own: Array<string[] | null>): RowRead[] {
  return groups.map((lines, r) => {
    const [first, ...rest] = lines;
    const serial = first?.tokens[0] ?? '';
    const remainder = first && first.tokens.length > 1 ? [toLine(first.tokens.slice(1).join(' ')), ...rest] : rest;
    const mine = own[r];
    if (mine) evidence.update(mine, -1);
    const read = best(readRow(remainder, width - 1, 1, new Scorer(evidence))) ?? { reading: fallbackReading(remainder, width - 1), margin: 0 };
    if (mine) evidence.update(mine, 1);
    return {
      reading: { cells: [serial, ...read.reading.cells], score: read.reading.score, empty: read.reading.empty.map((c) => c + 1) },
      margin: read.margin,
    };
  });
}

/** Without serial numbers the row breaks are part of the reading: the best cut of all lines into rows. */
function readFreeRows(lines: TextLine[], width: number, evidence: ColumnEvidence): RowRead[] {
  const n = lines.length;
  const paths: Array<{ score: number; rows: RowRead[] } | null> = Array.from({ length: n + 1 }, () => null);
  paths[0] = { score: 0, rows: [] };
  const scorer = new Scorer(evidence);
  for (let i = 0; i < n; i += 1) {
    const here = paths[i];
    if (!here) continue;
    const ends = readPrefixes(lines.slice(i, Math.min(n, i + MAX_ROW_LINES)), width, 0, scorer);
    for (let j = i + 1; j <= Math.min(n, i + MAX_ROW_LINES); j += 1) {
      const read = best(ends[j - i] ?? []);
      if (!read) continue;
      const score = here.score + read.reading.score + ROW_REWARD;
      const held = paths[j];
      if (!held || score > held.score) paths[j] = { score, rows: [...here.rows, read] };
    }
  }
  return paths[n]?.rows ?? lines.map((l) => ({ reading: fallbackReading([l], width), margin: 0 }));
}

/**
 * A cell printed once for several rows (merged vertically) is missing from the text layer on the rows
 * under it; the ruled-grid reading repeats it on every row, and so does this one.
 */
function fillMerged(rows: RowRead[]): string[][] {
  const out: string[][] = [];
  for (const { reading } of rows) {
    const row = [...reading.cells];
    const above = out.at(-1);
    for (const c of reading.empty) if (above && c > 0 && (above[c] ?? '') !== '') row[c] = above[c] ?? '';
    out.push(row);
  }
  return out;
}

/**
 * `texts` are the printed lines between a table caption and its source note, in order. Returns null
 * when they do not look like a table (fewer than two columns or no row).
 */
export function rowsFromLines(texts: string[]): RebuiltRows | null {
  const all = texts.map(toLine).filter((l) => l.tokens.length > 0);
  if (all.length < 2) return null;

  const firstChain = serialChain(all);
  const headerLines = all.slice(0, firstChain.length > 0 ? (firstChain[0] as number) : unnumberedHeaderLength(all));
  const lines = withoutRepeatedHeader(all, headerLines.length);
  const body = lines.slice(headerLines.length);
  const chain = firstChain.length > 0 ? serialChain(lines) : [];

  // What the data says the width is: the word count of rows printed on a single line.
  const singleLineWidths =
    chain.length > 0
      ? chain.filter((at, i) => (chain[i + 1] ?? lines.length) === at + 1).map((at) => lines[at]?.tokens.length ?? 0)
      : body.filter((l) => l.tokens.length > 1).map((l) => l.tokens.length);
  const widths = headerWidths(headerLines);
  const seen = mostCommon(singleLineWidths);
  const width = seen !== null && widths.includes(seen) ? seen : (widths[0] ?? 0);
  // More columns than a printed page holds means the lines are prose, not a table.
  if (width < 2 || width > MAX_COLUMNS) return null;

  const header = best(readRow(headerLines, width, 0, new Scorer(NO_EVIDENCE)))?.reading.cells ?? fallbackReading(headerLines, width).cells;

  const groups = chain.map((at, i) => lines.slice(at, chain[i + 1] ?? lines.length));
  const read = (evidence: ColumnEvidence, own: Array<string[] | null>) =>
    chain.length > 0 ? readSerialRows(groups, width, evidence, own) : readFreeRows(body, width, evidence);

  // First the rows that read only one way teach the columns; then every row is read with that
  // evidence, and again with the evidence of all rows until the reading is stable (a numbered row
  // is read without its own earlier cells, so a wrong first reading cannot vouch for itself).
  let rows = read(NO_EVIDENCE, []);
  let evidence = new ColumnEvidence(width);
  let own: Array<string[] | null> = rows.map((r) => (r.margin >= CONFIDENT ? r.reading.cells : null));
  for (const cells of own) if (cells) evidence.update(cells, 1);
  for (let pass = 0; pass < PASSES; pass += 1) {
    const next = read(evidence, own);
    const stable = pass > 0 && JSON.stringify(next.map((r) => r.reading.cells)) === JSON.stringify(rows.map((r) => r.reading.cells));
    rows = next;
    if (stable) break;
    evidence = new ColumnEvidence(width);
    own = rows.map((r) => r.reading.cells);
    for (const cells of own) if (cells) evidence.update(cells, 1);
  }
  return rows.length > 0 ? { header, rows: fillMerged(rows) } : null;
}
