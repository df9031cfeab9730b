import type { ParsedTable, ReportMeta } from '../store/shapes.js';
import { compact } from '../text/normalize.js';
import type { QuestionAnalysis } from './questionAnalysis.js';
import type { TableRef } from './tableAnswerer.js';

/**
 * Facts read off tables whose columns name periods (a statement: 2019年 | 2018年, `December 31,
 * 2022`, 本期发生额 | 上期发生额) or that pair labels with values (公司信息: 股票简称 | 建新股份): one
 * row label × one period column = one printed value, with the table's unit and the row's page.
 *
 * A question is answered from a fact when the row label stands whole in it (Chinese: the label's
 * characters as one run; English: every content word of the label) and, for a period table, the
 * period it asks for is a column (a year it names, the prior year it asks for, else the report's own).
 * The longest label wins: "归属于上市公司股东的净利润" over "净利润". Figures come only as printed.
 */
export interface TableFact {
  ref: TableRef;
  row: number;
  column: number;
  /** The row label as printed, numbering and trailing colon removed. */
  label: string;
  /** The year of the column's period; null in a key-value table. */
  year: number | null;
  value: string;
  unit: string;
  page: number;
}

export interface FactAnswer {
  fact: TableFact;
}

/** Leading enumerators and connectives of a statement's row labels: "一、", "（一）", "1.", "减：", "其中：". */
const LABEL_LEAD = /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*|[加减]\s*[:：]\s*|其中\s*[:：]\s*)+/u;
/** Words of an English label that say nothing about which row it is. */
const EN_FUNCTION_WORDS = new Set('a an the of and or in on at to for from by with per'.split(' '));
/** A label shorter than this (compact characters) is too generic to stand for a row ("合计", "其他"). */
const MIN_ZH_LABEL = 3;
/** Words of the question that ask for the year before the report's own. */
const PREVIOUS_PERIOD = /上年|去年|上期|上一年|前一年|上年度|prior year|previous year|last year|preceding year/iu;

function cleanLabel(text: string): string {
  return text.replace(LABEL_LEAD, '').replace(/[:：]\s*$/u, '').trim();
}

/** The facts of one table: amounts by row label and period column, or a key-value table's pairs. */
export function factsOfTable(ref: TableRef): TableFact[] {
  const { table, report } = ref;
  const out: TableFact[] = [];
  const unit = table.unit?.unit ?? '';
  const pageOf = (row: number) => table.rowPages?.[row] ?? table.page;
  if (table.keyValue) {
    table.rows.forEach((cells, row) => {
      for (let c = 0; c + 1 < cells.length; c += 2) {
        const label = cleanLabel(cells[c] ?? '');
        const value = (cells[c + 1] ?? '').trim();
        if (label !== '' && value !== '') out.push({ ref, row, column: c + 1, label, year: null, value, unit: '', page: pageOf(row) });
      }
    });
    return out;
  }
  const years = (table.periods ?? []).map((p) => (p && !p.change ? (p.year ?? relativeYear(p.relative, report)) : null));
  if (!years.some((y) => y !== null)) return out;
  table.rows.forEach((cells, row) => {
    const label = cleanLabel(cells[0] ?? '');
    if (label === '') return;
    years.forEach((year, column) => {
      const value = (cells[column] ?? '').trim();
      if (year === null || column === 0 || !/\d/u.test(value)) return;
      out.push({ ref, row, column, label, year, value, unit, page: pageOf(row) });
    });
  });
  return out;
}

function relativeYear(relative: 'current' | 'previous' | 'before_previous' | null, report: ReportMeta): number | null {
  if (relative === 'current') return report.year;
  if (relative === 'previous') return report.year - 1;
  if (relative === 'before_previous') return report.year - 2;
  return null;
}

/** Month names: a label of a date ("At 30 June") names a point in time, not a row of figures. */
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/u;

const enWords = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z]+/gu) ?? []).filter((w) => !EN_FUNCTION_WORDS.has(w) && !MONTH.test(w)).map((w) => w.replace(/(?:ies)$/u, 'y').replace(/s$/u, ''));

/** How strongly the question names the label: 0 when it does not name it whole. */
export function labelStrength(label: string, question: string): number {
  const key = compact(label);
  if (/\p{Script=Han}/u.test(key)) return key.length >= MIN_ZH_LABEL && compact(question).includes(key) ? key.length : 0;
  const words = enWords(label);
  if (words.length === 0) return 0;
  const asked = new Set(enWords(question));
  return words.every((w) => asked.has(w)) ? words.length * 2 : 0;
}

/** The year the question asks for in a report of `reportYear`: a year it names, the year before, else the report's own. */
export function askedYear(question: QuestionAnalysis, reportYear: number): number {
  const named = question.years.find((y) => y >= reportYear - 10 && y <= reportYear + 1);
  if (named !== undefined) return named;
  return PREVIOUS_PERIOD.test(question.text) ? reportYear - 1 : reportYear;
}

/** The best fact for the question, or null when no row label stands whole in it. */
export function answerFromFacts(facts: readonly TableFact[], question: QuestionAnalysis): FactAnswer | null {
  let best: { fact: TableFact; strength: number } | null = null;
  for (const fact of facts) {
    if (fact.year !== null && fact.year !== askedYear(question, fact.ref.report.year)) continue;
    const strength = labelStrength(fact.label, question.text);
    if (strength === 0) continue;
    // A key-value pair answers what it names; an amount needs a question that asks for one (or an
    // English question, whose asking words the analysis does not list).
    if (fact.year !== null && !question.wantsFigure && !/\d/u.test(question.text) && question.language === 'zh') continue;
    // The longest label wins; at equal strength the first table (the consolidated statement before the parent's).
    if (!best || strength > best.strength) best = { fact, strength };
  }
  return best ? { fact: best.fact } : null;
}

/** The period a fact's column names, as printed in its header. */
export function factColumn(table: ParsedTable, column: number): string {
  return table.header[column] ?? '';
}
