import type { ReportMeta } from '../../ingest/index/manifest.js';
import type { ParsedTable } from '../../ingest/types.js';
import { compact } from '../text/normalize.js';
import type { Tokenizer } from '../text/tokenize.js';
import { exactSum, parsePrinted } from './exactArithmetic.js';
import { contentTerms, contentTokens, type QuestionAnalysis } from './questionAnalysis.js';

export interface TableRef {
  table: ParsedTable;
  report: ReportMeta;
}

export interface TableAnswer extends TableRef {
  /** Rows the question points at (all rows for a whole-table aggregate). */
  rows: string[][];
  column: number;
  /** One printed cell, or the exact sum of several; null when the rows are shown for the user to read. */
  value: string | null;
  /** "5 + 5 + 4 = 14" when the value was computed. */
  computation: string | null;
  /** The question names a row or column the table does not have ("第19周", "序号21"). */
  missing: string | null;
}

/** Minimum shared run of characters for a cell to count as named by the question. */
const MIN_SHARED = 4;
const TOTAL_HEADER = /^(汇总|合计|总计|小计|总数|合计数|total)$/iu;
const KEY_NUMBER_HEADER = /^(序号|编号|no\.?)$/iu;

function longestCommonRun(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      if (a[i - 1] === b[j - 1]) {
        const run = (previous[j - 1] ?? 0) + 1;
        current[j] = run;
        if (run > best) best = run;
      }
    }
    previous = current;
  }
  return best;
}

/** How strongly the question names this cell: its whole text, or a long enough run of it. */
function cellMatch(cell: string, questionCompact: string): number {
  const text = compact(cell);
  if (text.length === 0) return 0;
  if (/^\d+(\.\d+)?%?$/.test(text)) return 0; // numbers are values, not keys (序号 handled apart)
  if (questionCompact.includes(text)) return text.length >= 2 ? text.length + 2 : 0;
  const run = longestCommonRun(text, questionCompact);
  return run >= MIN_SHARED ? run * (run / text.length) + run / 2 : 0;
}

function isNumericColumn(table: ParsedTable, column: number): boolean {
  const values = table.rows.map((r) => r[column] ?? '').filter((v) => v.trim() !== '');
  return values.length > 0 && values.every((v) => parsePrinted(v) !== null);
}

/** Person-name columns: short Han names, possibly several joined by 、. */
function isNameColumn(table: ParsedTable, column: number): boolean {
  const values = table.rows.map((r) => (r[column] ?? '').replace(/\s+/g, ''));
  return values.length > 0 && values.every((v) => /^(\p{Script=Han}{2,4})([、，,]\p{Script=Han}{2,4})*$/u.test(v));
}

function headerScore(header: string, question: QuestionAnalysis, tokenizer: Tokenizer): number {
  const headerCompact = compact(header);
  if (headerCompact.length === 0) return 0;
  const questionCompact = compact(question.text);
  if (questionCompact.includes(headerCompact)) return 3 + headerCompact.length / 10;
  const headerTokens = new Set(contentTokens(header.replace(/[（(][^）)]*[）)]/gu, ''), tokenizer));
  const shared = question.tokens.filter((t) => headerTokens.has(t));
  return shared.reduce((sum, t) => sum + (t.length >= 2 ? 1 : 0.3), 0);
}

/** Question words that ask for a kind of column. */
function columnKindBonus(table: ParsedTable, column: number, question: QuestionAnalysis): number {
  const q = question.norm;
  if (/谁|哪位|哪些人|who/iu.test(q) && isNameColumn(table, column)) return 1.5;
  if (question.wantsFigure && isNumericColumn(table, column)) return 1;
  return 0;
}

interface ScoredRow {
  index: number;
  score: number;
  keyColumns: Set<number>;
}

function scoreRows(table: ParsedTable, question: QuestionAnalysis, numberColumn: number): ScoredRow[] {
  const questionCompact = compact(question.text);
  const mentionedNumbers = new Set([...question.norm.matchAll(/(?<![\d.])(\d{1,3})(?![\d.%])/g)].map((m) => m[1]));
  return table.rows.map((row, index) => {
    const keyColumns = new Set<number>();
    let score = 0;
    row.forEach((cell, column) => {
      let s = cellMatch(cell, questionCompact);
      if (column === numberColumn && mentionedNumbers.has(cell.trim()) && /序号|编号|第/u.test(question.norm)) s = 3;
      if (s > 0) {
        score += s;
        keyColumns.add(column);
      }
    });
    return { index, score, keyColumns };
  });
}

/** Share of the caption's words the question repeats: 1 when it names the table ("智慧教室巡课数据里…"). */
function tableNameScore(ref: TableRef, question: QuestionAnalysis, tokenizer: Tokenizer): number {
  if (question.tableMention && question.tableMention === ref.table.id) return 1;
  const { words } = contentTerms(ref.table.title, tokenizer);
  const captionWords = words.filter((w) => w.length >= 2 && !/^\d+$/.test(w));
  if (captionWords.length === 0) return 0;
  const questionCompact = compact(question.text);
  return captionWords.filter((w) => questionCompact.includes(w)).length / captionWords.length;
}

/**
 * Answers from a parsed table: the table from its caption (or the id the question names), the row
 * from the key cells the question quotes, the column from header words or the kind of answer asked
 * (谁 → a names column, 多少 → a numbers column). Sums are exact and shown. Returns null when no table
 * is clearly meant, so the other paths answer.
 */
export function answerFromTables(tables: readonly TableRef[], question: QuestionAnalysis, tokenizer: Tokenizer): TableAnswer | null {
  let best: { ref: TableRef; rows: ScoredRow[]; top: number; name: number } | null = null;
  for (const ref of tables) {
    const numberColumn = ref.table.header.findIndex((h) => KEY_NUMBER_HEADER.test(compact(h)));
    const rows = scoreRows(ref.table, question, numberColumn);
    const top = Math.max(0, ...rows.map((r) => r.score));
    const name = tableNameScore(ref, question, tokenizer);
    const strength = top + name * 10;
    if (strength > 0 && (!best || strength > best.top + best.name * 10)) best = { ref, rows, top, name };
  }
  if (!best) return null;
  const { ref, rows, top, name } = best;
  const { table } = ref;
  // A table is meant when the question names it, or quotes a key cell of it well enough.
  const namesTable = name >= 0.6 || question.tableMention === table.id;
  if (!namesTable && top < 5) return null;
  if (question.tableMention && question.tableMention !== table.id) return null;

  const matched = top > 0 ? rows.filter((r) => r.score >= top * 0.8) : [];
  const keyColumns = new Set(matched.flatMap((r) => [...r.keyColumns]));

  // Columns the question names but the table lacks ("第19周" in a table of weeks 12–18).
  const missing = missingColumn(table, question);
  if (missing) return { ...ref, rows: [], column: -1, value: null, computation: null, missing };
  const wantsRange = /(\d+)\s*(?:到|至|-|~|～)\s*(\d+)/u.exec(question.matchText);
  const numberColumn = table.header.findIndex((h) => KEY_NUMBER_HEADER.test(compact(h)));
  if (wantsRange && numberColumn >= 0 && /序号|编号/u.test(question.norm)) {
    const from = Number(wantsRange[1]);
    const to = Number(wantsRange[2]);
    const inRange = table.rows.filter((r) => {
      const n = Number(r[numberColumn]);
      return n >= from && n <= to;
    });
    if (inRange.length === 0) return { ...ref, rows: [], column: -1, value: null, computation: null, missing: `${table.header[numberColumn]} ${from}–${to}` };
  }

  let column = -1;
  let columnScore = 0;
  table.header.forEach((header, i) => {
    if (keyColumns.has(i) || KEY_NUMBER_HEADER.test(compact(header))) return;
    const s = headerScore(header, question, tokenizer) + columnKindBonus(table, i, question);
    if (s > columnScore) {
      columnScore = s;
      column = i;
    }
  });

  const totalColumn = table.header.findIndex((h) => TOTAL_HEADER.test(compact(h)));
  if (question.wantsAggregate && matched.length <= 1 && totalColumn >= 0 && matched.length === 1) column = totalColumn;

  const selected = matched.length > 0 ? matched.map((r) => table.rows[r.index] ?? []) : question.wantsAggregate ? table.rows : [];
  // Without a column the question asks for, the table does not answer it; prose may.
  if (column < 0 || selected.length === 0) return null;

  const cells = selected.map((r) => r[column] ?? '');
  if (selected.length === 1) return { ...ref, rows: selected, column, value: cells[0] ?? null, computation: null, missing: null };
  if (question.wantsAggregate && isNumericColumn(table, column)) {
    const sum = exactSum(cells);
    if (sum !== null) return { ...ref, rows: selected, column, value: sum, computation: `${cells.map((c) => c.trim()).join(' + ')} = ${sum}`, missing: null };
  }
  // Several rows fit equally: show them all rather than pick one.
  return { ...ref, rows: selected, column, value: null, computation: null, missing: null };
}

/** A "N周 / N月 / N年"-shaped column the question names, when the table has such columns but not that one. */
function missingColumn(table: ParsedTable, question: QuestionAnalysis): string | null {
  const shaped = /(\d+)\s*(周|月|季度)/gu;
  const headers = table.header.map((h) => compact(h));
  for (const m of question.norm.matchAll(shaped)) {
    const unit = m[2] ?? '';
    const label = `${m[1]}${unit}`;
    const hasShape = headers.some((h) => new RegExp(`^\\d+${unit}$`, 'u').test(h));
    if (hasShape && !headers.includes(label)) {
      // "7周一共" counts the columns rather than naming one: it is not a missing column.
      const count = headers.filter((h) => new RegExp(`^\\d+${unit}$`, 'u').test(h)).length;
      if (Number(m[1]) === count) continue;
      return label;
    }
  }
  return null;
}
