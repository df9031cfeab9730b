import type { ReportMeta } from '../store/shapes.js';
import { compact } from '../text/normalize.js';
import type { QuestionAnalysis } from './questionAnalysis.js';
import type { TableRef } from './tableAnswerer.js';

/**
 * Facts read off tables whose columns name periods (a statement: 2019年 | 2018年, `December 31,
 * 2022`, 本期发生额 | 上期发生额) or that pair labels with values (公司信息: 股票简称 | 青禾智造): one
 * row label × one period column = one printed value, with the table's unit and the row's page.
 *
 * A question is answered from a fact when the row label stands whole in it (Chinese: the label's
 * characters as one run; English: every content word of the label) and, for a period table, the
 * period it asks for is a column (a year it names, the prior year it asks for, else the report's own).
 * The longest label wins: "归属于母公司所有者的运维收入" over "运维收入". Figures come only as printed.
 */
export interface TableFact {
  ref: TableRef;
  row: number;
  column: number;
  /** The row label as printed, numbering and trailing colon removed. */
  label: string;
  /** The year of the column's period; null in a key-value table. */
  year: number | null;
  /** The column holds the change between periods ("本年比上年增减", "% change"). */
  change: boolean;
  /** Rows of the table: a statement holds a line item whole, a note or a small table a part of it. */
  tableRows: number;
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
/**
 * Words of the question that ask for the year before the report's own: the report's own words for its
 * comparative period. ("去年", "last year" are the speaker's: a report is read in the year after the
 * one it covers, so they mean the report's own year.)
 */
const PREVIOUS_PERIOD = /上年|上期|上一年|上年度|上年同期|prior year|previous year|preceding year|prior period/iu;
/** The question asks how much a figure changed. */
const CHANGE_ASK = /增减|变动|变化|增长|下降|增幅|降幅|同比|比上年|较上年|change|increase|decrease|growth|grew|declin/iu;
/** Units a question may name; a fact printed in another unit is not the figure asked for. */
const ASKED_UNIT = /(万元|亿元|千元|百万元|元|万股|股|万台|台|%|thousand|million|billion)/iu;

/** A unit in brackets after a label: "（元）", "（元 / 股）", "(in thousands)", "（%）". */
const LABEL_UNIT = /\s*[（(][^（）()]{0,16}[)）]\s*$/u;

function cleanLabel(text: string): string {
  const label = text.replace(LABEL_LEAD, '').replace(/[:：]\s*$/u, '').trim();
  const bare = label.replace(LABEL_UNIT, '').trim();
  return bare.length >= 2 ? bare : label;
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
        if (label !== '' && value !== '') out.push({ ref, row, column: c + 1, label, year: null, change: false, tableRows: table.rows.length, value, unit: '', page: pageOf(row) });
      }
    });
    return out;
  }
  const periods = table.periods ?? [];
  // A change column belongs to the report's own period ("本年比上年增减"); it answers "比上年变动多少".
  const years = periods.map((p) => (p ? (p.change ? report.year : (p.year ?? relativeYear(p.relative, report))) : null));
  if (!periods.some((p) => p && !p.change)) return out;
  table.rows.forEach((cells, row) => {
    const label = cleanLabel(cells[0] ?? '');
    if (label === '') return;
    years.forEach((year, column) => {
      const value = (cells[column] ?? '').trim();
      if (year === null || column === 0 || !/\d/u.test(value)) return;
      const change = periods[column]?.change ?? false;
      out.push({ ref, row, column, label, year, change, tableRows: table.rows.length, value, unit: change && /%$/u.test(value) ? '' : unit, page: pageOf(row) });
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

/**
 * A Chinese abbreviation of the label in the question: a run of the question's characters that starts
 * with the label's first character, ends on one of its last two, and follows the label's order
 * (售后收 ↔ 售后服务收入, 园费 ↔ 园区管理费用). Its strength is below a whole label's.
 */
function abbreviationStrength(key: string, question: string, isWord: (term: string) => boolean): number {
  let best = 0;
  for (let i = question.indexOf(key[0] ?? ''); i >= 0; i = question.indexOf(key[0] ?? '', i + 1)) {
    for (let j = i + 1; j < question.length && j - i + 1 < key.length; j += 1) {
      const end = question[j] ?? '';
      if (end !== key.at(-1) && end !== key.at(-2)) continue;
      const run = question.slice(i, j + 1);
      // A run the report prints as a word of its own means that word, not the label (工资 is not 工程物资).
      if (j - i + 1 > best && isSubsequence(run, key) && !isWord(run)) best = j - i + 1;
    }
  }
  // (The fewer characters it skips, the closer: 园费 is 园区费用 before 园区管理费用.)
  return best >= 2 ? best - 0.5 - 0.01 * (key.length - best) : 0;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at += 1;
  return at === short.length;
}

/** The question read once for every label it is held against. */
interface AskedText {
  text: string;
  compact: string;
  words: ReadonlySet<string>;
}

const askedText = (question: string): AskedText => ({ text: question, compact: compact(question), words: new Set(enWords(question)) });

/**
 * How strongly the question names the label: 0 when it does not name it whole (or abbreviated).
 * `isWord` tells whether the report prints a term as a word of its own.
 */
export function labelStrength(label: string, question: string | AskedText, isWord: (term: string) => boolean = () => false): number {
  const asked = typeof question === 'string' ? askedText(question) : question;
  const key = compact(label);
  if (/\p{Script=Han}/u.test(key)) {
    if (key.length < MIN_ZH_LABEL) return 0;
    return asked.compact.includes(key) ? key.length : abbreviationStrength(key, asked.compact, isWord);
  }
  const words = enWords(label);
  if (words.length === 0) return 0;
  if (words.every((w) => asked.words.has(w))) return words.length * 2;
  return initialismStrength(label, asked.text, asked.words);
}

/**
 * An English initialism in the question for a run of the label's words ("ARPU" for "average revenue per
 * share", "weekly ARPU" for "Weekly average revenue per user"): letters in capitals that are the first
 * letters of consecutive label words, every other content word of the label asked too. It weighs a
 * little less than the words spelled out.
 */
function initialismStrength(label: string, question: string, asked: ReadonlySet<string>): number {
  const labelWords = label.match(/[A-Za-z]+/gu) ?? [];
  const initials = labelWords.map((w) => w[0]?.toLowerCase() ?? '').join('');
  for (const token of question.match(/\b[A-Z]{2,6}s?\b/gu) ?? []) {
    const letters = token.replace(/s$/u, '').toLowerCase();
    const at = initials.indexOf(letters);
    if (at < 0) continue;
    const rest = [...labelWords.slice(0, at), ...labelWords.slice(at + letters.length)].join(' ');
    if (enWords(rest).every((w) => asked.has(w))) return enWords(label).length * 2 - 1;
  }
  return 0;
}

/**
 * A year written with two digits ("31年运维费", "FY31"): not a duration ("近10年", "10年来", "5年内"),
 * whose number follows a word of extent or is followed by one of span.
 */
const SHORT_YEAR = /(?<![\d近前后这多几每])(\d{2})\s*年(?![来间内以])|\bfy\s*'?(\d{2})\b/giu;

/** The year the question asks for in a report of `reportYear`: a year it names, the year before, else the report's own. */
export function askedYear(question: QuestionAnalysis, reportYear: number): number {
  const short = [...question.text.matchAll(SHORT_YEAR)].map((m) => 2000 + Number(m[1] ?? m[2]));
  const named = [...question.years, ...short].find((y) => y >= reportYear - 10 && y <= reportYear + 2);
  if (named !== undefined) return named;
  return PREVIOUS_PERIOD.test(question.text) ? reportYear - 1 : reportYear;
}

/** The best fact for the question, or null when no row label stands whole in it. */
export function answerFromFacts(facts: readonly TableFact[], question: QuestionAnalysis, isWord: (term: string) => boolean = () => false): FactAnswer | null {
  let best: { fact: TableFact; strength: number } | null = null;
  const wantsChange = CHANGE_ASK.test(question.text);
  const askedUnit = ASKED_UNIT.exec(question.text)?.[1]?.toLowerCase() ?? null;
  const asked = askedText(question.text);
  const yearFor = new Map<number, number>();
  for (const fact of facts) {
    const reportYear = fact.ref.report.year;
    if (!yearFor.has(reportYear)) yearFor.set(reportYear, askedYear(question, reportYear));
    if (fact.year !== null && fact.year !== yearFor.get(reportYear)) continue;
    // "较上年变动多少" reads the change column; any other question the period's own.
    if (fact.change !== wantsChange) continue;
    if (askedUnit !== null && !fact.change && fact.unit !== '' && fact.unit.toLowerCase() !== askedUnit) continue;
    const strength = labelStrength(fact.label, asked, isWord);
    if (strength === 0) continue;
    // A key-value pair answers what it names; an amount needs a question that asks for one (or an
    // English question, whose asking words the analysis does not list).
    if (fact.year !== null && !question.wantsFigure && !/\d/u.test(question.text) && question.language === 'zh') continue;
    // The longest label wins; at equal strength the table holding more rows (a statement holds the
    // line item whole, a note a part of it), then the first (the consolidated statement before the parent's).
    if (!best || strength > best.strength || (strength === best.strength && fact.tableRows > best.fact.tableRows)) best = { fact, strength };
  }
  return best ? { fact: best.fact } : null;
}
