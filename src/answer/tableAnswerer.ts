import type { ReportMeta } from '../store/shapes.js';
import type { ParsedTable } from '../store/shapes.js';
import { withoutOrganisation } from '../text/organisationMention.js';
import { compact } from '../text/normalize.js';
import type { Tokenizer } from '../text/tokenize.js';
import { exactSum, parsePrinted } from './exactArithmetic.js';
import { CHANGE_ASK, CN_MEASURE_UNITS, contentTerms, contentTokens, EN_STOP_WORDS, asksParentOnly, PARENT_ONLY, PARENT_STATEMENT, PAYMENT_ASK, RATE_ASK, type QuestionAnalysis } from './questionAnalysis.js';

export interface TableRef {
  table: ParsedTable;
  report: ReportMeta;
}

/**
 * What a table says to a question, by kind: one printed cell; a column of the selected rows added up
 * exactly (cells as printed, sum computed); the selected rows counted; several rows that fit equally,
 * shown for the reader; or a row or column the question names that the table does not have
 * ("第19周", "序号21").
 */
export type TableAnswer = TableRef &
  (
    | { kind: 'cell'; row: string[]; column: number; value: string }
    | { kind: 'sum'; rows: string[][]; column: number; cells: string[]; sum: string }
    | { kind: 'count'; rows: string[][]; column: number }
    | { kind: 'rows'; rows: string[][]; column: number }
    | { kind: 'missing'; missing: string }
  );

/** "多少" followed by a unit of measure (mass, money, length, area, volume, energy, time, share). */
const MEASURED_AMOUNT = new RegExp(String.raw`(?:多少|几)\s*(?:万|亿)|多少\s*(?:钱|现金|资金|金额)|(?:多少|几)\s*(?:千|百)?\s*(?:${CN_MEASURE_UNITS}|元|美元|小时|分钟|岁|倍|%)`, 'u');

/** Minimum shared run of characters for a cell to count as named by the question. */
const MIN_SHARED = 4;
const TOTAL_HEADER = /^(汇总|合计|总计|小计|总数|合计数|total)$/iu;
const KEY_NUMBER_HEADER = /^(序号|编号|no\.?)$/iu;

function longestCommonRun(a: string, b: string): number {
  return longestCommonText(a, b).length;
}

function longestCommonText(a: string, b: string): string {
  if (a.length === 0 || b.length === 0) return '';
  let best = 0;
  let end = 0;
  // Two rows of run lengths, reused: this runs for every cell of every table a question scans.
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    const ch = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      if (ch === b.charCodeAt(j - 1)) {
        const run = (previous[j - 1] ?? 0) + 1;
        current[j] = run;
        if (run > best) {
          best = run;
          end = i;
        }
      } else current[j] = 0;
    }
    [previous, current] = [current, previous];
  }
  return a.slice(end - best, end);
}

/**
 * A value worked out once per table and kept while the table lives: a loaded table does not change,
 * and every question scans every table in scope.
 */
function perTable<T>(work: (table: ParsedTable) => T): (table: ParsedTable) => T {
  const memo = new WeakMap<ParsedTable, T>();
  return (table) => {
    let value = memo.get(table);
    if (value === undefined) {
      value = work(table);
      memo.set(table, value);
    }
    return value;
  };
}

/** Each table's cells in compact form. */
const compactCells = perTable((table) => table.rows.map((row) => row.map((cell) => compact(cell))));

/** The question in compact form, with every run of MIN_SHARED characters it holds. */
interface AskedRuns {
  compact: string;
  runs: ReadonlySet<string>;
}
function askedRuns(questionCompact: string): AskedRuns {
  const runs = new Set<string>();
  for (let i = 0; i + MIN_SHARED <= questionCompact.length; i += 1) runs.add(questionCompact.slice(i, i + MIN_SHARED));
  return { compact: questionCompact, runs };
}

/**
 * How strongly the question names this cell: its whole text, or a long enough run of it — but not a
 * run that is the table's own vocabulary ("协作工厂" in every row of 协作工厂一览表).
 */
function cellMatch(text: string, question: AskedRuns, generic: string, printed: string = text): number {
  if (text.length === 0) return 0;
  if (/^\d+(\.\d+)?%?$/.test(text)) return 0; // numbers are values, not keys (序号 handled apart)
  const questionCompact = question.compact;
  if (questionCompact.includes(text)) return text.length >= 2 ? text.length + 2 : 0;
  // (A shared run of MIN_SHARED characters holds a shared run of exactly that many: most cells have none.)
  let sharesRun = false;
  for (let i = 0; i + MIN_SHARED <= text.length && !sharesRun; i += 1) sharesRun = question.runs.has(text.slice(i, i + MIN_SHARED));
  if (!sharesRun) return 0;
  const shared = longestCommonText(text, questionCompact);
  if (shared.length < MIN_SHARED || generic.includes(shared)) return 0;
  if (!sharesLatinWord(printed, shared)) return 0;
  const run = shared.length;
  return run * (run / text.length) + run / 2;
}

/**
 * A run shared with a Latin cell counts only when it holds one of the cell's own words whole, and
 * not a function word: compact forms drop the spaces, so "Loss for the period" and "budget for the
 * study" share "forthe", and any two cells share the insides of words ("ation"). A cell with Han
 * characters has no spaces to lose.
 */
function sharesLatinWord(cell: string, shared: string): boolean {
  if (/\p{Script=Han}/u.test(cell) || !/[A-Za-z]/u.test(shared)) return true;
  const inside = shared.toLowerCase();
  return (cell.match(/[A-Za-z]{3,}/gu) ?? []).some((word) => {
    const lower = word.toLowerCase();
    return !EN_STOP_WORDS.has(lower) && inside.includes(lower);
  });
}

/** Numbers that count or measure something; codes and serial numbers are identifiers, not amounts. */
function isQuantityColumn(table: ParsedTable, column: number): boolean {
  return isNumericColumn(table, column) && !/代码|编号|序号|编码|学号|工号|code|no\.?$/iu.test(compact(table.header[column] ?? ''));
}

/** A column of money: its table's unit line names a currency, or its heading or cells print one. */
function isMoneyColumn(table: ParsedTable, column: number): boolean {
  const money = /[$£€¥￥元]|\b(?:usd|aud|gbp|eur|rmb|cny)\b|金额/iu;
  return !!table.unit?.currency || money.test(table.header[column] ?? '') || table.rows.some((r) => money.test(r[column] ?? ''));
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

function headerScore(header: string, question: QuestionAnalysis, tokenizer: Tokenizer, organisationName = ''): number {
  const headerCompact = compact(header);
  if (headerCompact.length === 0) return 0;
  // (The organisation the question names is no word of a column: "河北" of its name is not the "《河北…" column.)
  const questionCompact = compact(withoutOrganisation(question.text, organisationName));
  const organisation = compact(organisationName).toLowerCase();
  if (questionCompact.includes(headerCompact)) return 3 + headerCompact.length / 10;
  const headerTokens = new Set(contentTokens(header.replace(/[（(][^）)]*[）)]/gu, ''), tokenizer));
  const shared = question.tokens.filter((t) => headerTokens.has(t) && !(organisation !== '' && organisation.includes(t.toLowerCase())));
  return shared.reduce((sum, t) => sum + (t.length >= 2 ? 1 : 0.3), 0);
}

/** Question words that ask for a kind of column. */
function columnKindBonus(table: ParsedTable, column: number, question: QuestionAnalysis): number {
  const q = question.norm;
  if (/谁|哪位|哪些人|who/iu.test(q) && isNameColumn(table, column)) return 1.5;
  // (A price, fee or pay is read from a column of money, not from the only column of numbers: "Age".)
  if (question.wantsFigure && isQuantityColumn(table, column) && (!PAYMENT_ASK.test(q) || isMoneyColumn(table, column))) return 1;
  // "哪些工厂" asks for names: the 工厂名称 column, not 工厂类别.
  if (/哪些|哪个|哪家|哪所|什么|which|what/iu.test(q) && /名称$|名$/u.test(compact(table.header[column] ?? ''))) return 0.5;
  return 0;
}

interface ScoredRow {
  index: number;
  score: number;
  keyColumns: Set<number>;
  /** Per column: how strongly the question names this row's cell there. */
  columnScores: Map<number, number>;
  /** Columns whose cell the question names outright (whole cell, or most of it). */
  strongColumns: Set<number>;
}

/**
 * Each table's rows by the two-character runs their cells hold. A row scores only through a cell
 * that shares such a run with the question (a whole cell of two or more characters, a shared run, a
 * key word of three), so a question scores only the rows it shares one with.
 */
const rowsByPair = perTable((table) => {
  const byPair = new Map<string, number[]>();
  const rows = compactCells(table);
  for (let row = 0; row < rows.length; row += 1) {
    for (const text of rows[row] ?? []) {
      for (let i = 0; i + 2 <= text.length; i += 1) {
        const pair = text.slice(i, i + 2);
        const list = byPair.get(pair);
        if (!list) byPair.set(pair, [row]);
        else if (list.at(-1) !== row) list.push(row);
      }
    }
  }
  return byPair;
});

/** The cell names the report's own organisation: the subject of every question, no key to a row. */
function namesOrganisation(compactCell: string, organisation: string): boolean {
  if (organisation === '') return false;
  const text = compactCell.toLowerCase().replace(/[.,，。]/gu, '');
  // (A short cell inside the name, "学院" of "栖木职业技术学院", is a word of its own.)
  return text.length >= Math.min(4, organisation.length) && (organisation.includes(text) || text.includes(organisation));
}

/** The question read once for every table it is held against; what depends on the organisation, once per organisation. */
interface AskedOfTables extends AskedRuns {
  beyondOrganisation: (organisationName: string) => string;
}
function askedOfTables(question: QuestionAnalysis): AskedOfTables {
  const beyond = new Map<string, string>();
  return {
    ...askedRuns(compact(question.text)),
    beyondOrganisation: (organisationName) => {
      let text = beyond.get(organisationName);
      if (text === undefined) {
        text = compact(withoutOrganisation(question.text, organisationName));
        beyond.set(organisationName, text);
      }
      return text;
    },
  };
}

/** A table's own vocabulary: caption and header, compact. */
const tableVocabulary = perTable((table) => compact(`${table.title}${table.header.join('')}`));

function rowsSharingPair(table: ParsedTable, texts: readonly string[]): Set<number> {
  const byPair = rowsByPair(table);
  const rows = new Set<number>();
  for (const text of texts) for (let i = 0; i + 2 <= text.length; i += 1) for (const row of byPair.get(text.slice(i, i + 2)) ?? []) rows.add(row);
  return rows;
}

function scoreRows(table: ParsedTable, question: QuestionAnalysis, asked: AskedOfTables, numberColumn: number, organisationName = ''): ScoredRow[] {
  const questionCompact = asked.compact;
  const beyondOrganisation = asked.beyondOrganisation(organisationName);
  const organisation = compact(organisationName).toLowerCase().replace(/[.,，。]/gu, '');
  // Words of three or more characters the question uses that are not the table's own vocabulary
  // (caption, header): "国家级" selects the rows whose event name says （国家级）.
  const generic = tableVocabulary(table);
  const keyWords = question.tokens.filter((t) => t.length >= 3 && /\p{Script=Han}/u.test(t) && !generic.includes(t));
  const mentionedNumbers = new Set([...question.norm.matchAll(/(?<![\d.])(\d{1,3})(?![\d.%])/g)].map((m) => m[1]));
  const compactRows = compactCells(table);
  // (A question that picks a row by its number, "序号 12", reads every row.)
  const byNumber = mentionedNumbers.size > 0 && /序号|编号|第/u.test(question.norm);
  const candidates = byNumber ? null : rowsSharingPair(table, [questionCompact, ...keyWords]);
  return table.rows.map((row, index) => {
    if (candidates && !candidates.has(index)) return { index, score: 0, keyColumns: new Set<number>(), columnScores: new Map<number, number>(), strongColumns: new Set<number>() };
    const compactRow = compactRows[index] ?? [];
    const keyColumns = new Set<number>();
    const columnScores = new Map<number, number>();
    const strongColumns = new Set<number>();
    let score = 0;
    row.forEach((cell, column) => {
      const text = compactRow[column] ?? '';
      let s = cellMatch(text, asked, generic, cell);
      // Named only through the organisation's own name ("Lanternfield Holdings (M) Sdn Bhd" for a
      // question about Lanternfield Holdings): no key.
      if (s > 0 && beyondOrganisation !== questionCompact && longestCommonRun(text, beyondOrganisation) < 3) s = 0;
      let strong = s > 0 && (questionCompact.includes(text) || longestCommonRun(text, questionCompact) >= text.length / 2);
      if (s === 0) {
        const word = keyWords.filter((w) => text.includes(w)).sort((a, b) => b.length - a.length)[0];
        if (word) s = word.length;
      }
      if (column === numberColumn && mentionedNumbers.has(cell.trim()) && /序号|编号|第/u.test(question.norm)) {
        s = 3;
        strong = true;
      }
      // (Checked last: most cells score nothing.)
      if (s > 0 && !namesOrganisation(text, organisation)) {
        score += s;
        keyColumns.add(column);
        columnScores.set(column, s);
        if (strong) strongColumns.add(column);
      }
    });
    return { index, score, keyColumns, columnScores, strongColumns };
  });
}

/** Share of the caption's words the question repeats: 1 when it names the table ("蓝鲸湾基地设备清单里…"). */
function tableNameScore(ref: TableRef, question: QuestionAnalysis, questionCompact: string, tokenizer: Tokenizer): number {
  if (question.tableMention && question.tableMention === ref.table.id) return 1;
  const captionWords = captionWordsOf(ref.table, tokenizer);
  if (captionWords.length === 0) return 0;
  return captionWords.filter((w) => questionCompact.includes(w)).length / captionWords.length;
}

/** A caption's words, cut once per table by each tokenizer. */
const captionWordsBy = new WeakMap<Tokenizer, (table: ParsedTable) => string[]>();
function captionWordsOf(table: ParsedTable, tokenizer: Tokenizer): string[] {
  let words = captionWordsBy.get(tokenizer);
  if (!words) {
    words = perTable((t) => contentTerms(t.title, tokenizer).words.filter((w) => w.length >= 2 && !/^\d+$/.test(w)));
    captionWordsBy.set(tokenizer, words);
  }
  return words(table);
}

/**
 * Answers from a parsed table: the table from its caption (or the id the question names), the row
 * from the key cells the question quotes, the column from header words or the kind of answer asked
 * (谁 → a names column, 多少 → a numbers column). Sums are exact and shown. Returns null when no table
 * is clearly meant, so the other paths answer.
 */
export function answerFromTables(tables: readonly TableRef[], question: QuestionAnalysis, tokenizer: Tokenizer): TableAnswer | null {
  let best: { ref: TableRef; rows: ScoredRow[]; top: number; name: number } | null = null;
  const asked = askedOfTables(question);
  const asksParent = asksParentOnly(question.text);
  for (const ref of tables) {
    // The parent company's own statement (its title or every value column says so) answers only when asked for.
    if (!asksParent && parentOnlyTable(ref.table)) continue;
    const numberColumn = ref.table.header.findIndex((h) => KEY_NUMBER_HEADER.test(compact(h)));
    const rows = scoreRows(ref.table, question, asked, numberColumn, ref.report.organisation);
    const top = Math.max(0, ...rows.map((r) => r.score));
    const name = tableNameScore(ref, question, asked.compact, tokenizer);
    const strength = top + name * 10;
    if (strength > 0 && (!best || strength > best.top + best.name * 10)) best = { ref, rows, top, name };
  }
  if (!best) return null;
  const { ref, rows, top, name } = best;
  const { table } = ref;
  // A table is meant when the question names it, or quotes a key cell of it that picks out a few
  // rows: a name or title, not a value many rows share ("国家级", "一等奖").
  const namesTable = name >= 0.6 || question.tableMention === table.id;
  if (!namesTable && top < 5) return null;
  const leader = rows.find((r) => r.score === top);
  const specific = leader
    ? [...leader.keyColumns].some((c) => {
        const value = compact(table.rows[leader.index]?.[c] ?? '');
        const sharedBy = table.rows.filter((r) => compact(r[c] ?? '') === value).length;
        return value.length >= 4 || sharedBy <= Math.max(2, table.rows.length * 0.1);
      })
    : false;
  if (!namesTable && !specific) return null;
  if (question.tableMention && question.tableMention !== table.id) return null;

  // Rows that fit as well as the best one in the columns that identify it: "击剑 铜奖" keeps only
  // the 铜奖 row, "击剑" keeps all four; a weak side match elsewhere in a row does not count.
  const bestRow = rows.find((r) => r.score === top);
  const identifying = bestRow ? [...(bestRow.strongColumns.size > 0 ? bestRow.strongColumns : bestRow.keyColumns)] : [];
  const matched =
    top > 0 && bestRow
      ? rows.filter((r) => identifying.every((c) => (r.columnScores.get(c) ?? 0) >= (bestRow.columnScores.get(c) ?? 0) * 0.95))
      : [];
  const keyColumns = new Set(matched.flatMap((r) => [...r.keyColumns]));

  // Columns the question names but the table lacks ("第19周" in a table of weeks 12–18).
  const missing = missingColumn(table, question);
  if (missing) return { ...ref, kind: 'missing', missing };
  const wantsRange = /(\d+)\s*(?:到|至|-|~|～)\s*(\d+)/u.exec(question.matchText);
  const numberColumn = table.header.findIndex((h) => KEY_NUMBER_HEADER.test(compact(h)));
  if (wantsRange && numberColumn >= 0 && /序号|编号/u.test(question.norm)) {
    const from = Number(wantsRange[1]);
    const to = Number(wantsRange[2]);
    const inRange = table.rows.filter((r) => {
      const n = Number(r[numberColumn]);
      return n >= from && n <= to;
    });
    if (inRange.length === 0) return { ...ref, kind: 'missing', missing: `${table.header[numberColumn]} ${from}–${to}` };
  }

  // The column: header words the question repeats, or — when no header is named — the one column of
  // the kind of answer asked (谁 → the names column). Several candidate columns and no header words
  // means the question asks something the table does not hold ("多少位老师" against weekly counts).
  let column = -1;
  let columnScore = 0;
  const kindOnly: number[] = [];
  table.header.forEach((header, i) => {
    if (keyColumns.has(i) || KEY_NUMBER_HEADER.test(compact(header))) return;
    const named = headerScore(header, question, tokenizer, ref.report.organisation);
    const kind = columnKindBonus(table, i, question);
    if (named === 0 && kind > 0) kindOnly.push(i);
    const s = named > 0 ? named + kind : 0;
    if (s > columnScore) {
      columnScore = s;
      column = i;
    }
  });
  if (column < 0 && kindOnly.length === 1) column = kindOnly[0] ?? -1;

  const totalColumn = table.header.findIndex((h) => TOTAL_HEADER.test(compact(h)));
  if (question.wantsAggregate && matched.length <= 1 && totalColumn >= 0 && matched.length === 1) column = totalColumn;

  const selected = matched.length > 0 ? matched.map((r) => table.rows[r.index] ?? []) : question.wantsAggregate ? table.rows : [];
  // ("多少千克", "多少万元" ask an amount in a unit of measure, not how many rows there are; nor does
  // "多少万", "几亿": a table holds no tens of thousands of rows; nor "多少钱", "多少现金": money.)
  // (Nor does "设备利用率是多少": a rate is no count of rows.)
  const countAsked = question.wantsFigure && /几|多少/u.test(question.norm) && !MEASURED_AMOUNT.test(question.norm) && !RATE_ASK.test(question.norm);
  // "有几个工厂", "一共有几个协作工厂" over rows of names: the answer is how many rows there are.
  if (countAsked && selected.length > 1 && (column < 0 || !isQuantityColumn(table, column))) {
    return { ...ref, kind: 'count', rows: selected, column };
  }
  // Without a column the question asks for, the table does not answer it; prose may.
  if (column < 0 || selected.length === 0) return null;

  // A column of changes ("Percentage Change 2031 vs. 2030", "本年比上年增减") answers only a question
  // that asks how something changed, or for a rate; a level asked is not a change.
  if (CHANGE_ASK.test(table.header[column] ?? '') && !CHANGE_ASK.test(question.text) && !RATE_ASK.test(question.text)) return null;
  const cells = selected.map((r) => r[column] ?? '');
  if (selected.length === 1) return { ...ref, kind: 'cell', row: selected[0] ?? [], column, value: cells[0] ?? '' };
  const numeric = isQuantityColumn(table, column);
  if (question.wantsAggregate && numeric) {
    const sum = exactSum(cells);
    if (sum !== null) return { ...ref, kind: 'sum', rows: selected, column, cells: cells.map((c) => c.trim()), sum };
  }
  // Several rows fit equally: show them all rather than pick one.
  return { ...ref, kind: 'rows', rows: selected, column };
}

/** The parent company's own table: its title or every value column says so. (Asked of every table by every question: worked out once.) */
const parentOnlyTable = perTable((table) => {
  const valueHeaders = table.header.slice(1).filter((h) => h.trim() !== '');
  return PARENT_STATEMENT.test(table.title) || (valueHeaders.length > 0 && valueHeaders.every((h) => PARENT_ONLY.test(h)));
});

/** A "N周 / N月 / N年"-shaped column the question names, when the table has such columns but not that one. */
function missingColumn(table: ParsedTable, question: QuestionAnalysis): string | null {
  const shaped = /(\d+)\s*(周|月|季度)/gu;
  const headers = table.header.map((h) => compact(h));
  for (const m of question.norm.matchAll(shaped)) {
    const unit = m[2] ?? '';
    const label = `${m[1]}${unit}`;
    const hasShape = headers.some((h) => new RegExp(`^\\d+${unit}$`, 'u').test(h));
    if (hasShape && !headers.includes(label)) {
      // A number equal to the count of such columns ("12个月合计" over twelve month columns) spans them
      // all rather than naming one: it is not a missing column.
      const count = headers.filter((h) => new RegExp(`^\\d+${unit}$`, 'u').test(h)).length;
      if (Number(m[1]) === count) continue;
      return label;
    }
  }
  return null;
}
