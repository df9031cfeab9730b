import type { ParsedTable, ReportMeta } from '../store/shapes.js';
import { CN_LEGAL_FORMS, LEGAL_FORM_WORDS } from '../text/legalForm.js';
import { parseAmount } from '../text/amounts.js';
import { compact, escapeRegExp } from '../text/normalize.js';
import { DATE_VALUE, periodOf, quarterNamed, stockDate } from '../text/periods.js';
import { latinStems, stemWord } from '../text/stem.js';
import { exactDifference, exactSum, parsePrinted } from './exactArithmetic.js';
import { askedDoerVerb, doerVerbs, namesDoer } from './namedAnswer.js';
import { AMOUNT_ASK, CHANGE_ASK, MEASURE_ASK, PAYMENT_ASK, QUANTITY_NOUNS, countedNoun, countedNounEnglish, EN_LAST_OR_THIS_YEAR, EN_STOP_WORDS, asksParentOnly, PARENT_ONLY, PARENT_STATEMENT, RATE_ASK, SHARE_BASE, WHEN_ASK, type QuestionAnalysis } from './questionAnalysis.js';
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
  /**
   * The label of the row above that heads this one's group ("Earnings per common share:" over
   * "Basic" and "Diluted"; "流动资产：" over its items), or null. It tells apart rows labelled alike.
   */
  group: string | null;
  /** The year of the column's period (or of the block of rows a period row heads); null in a key-value table. */
  year: number | null;
  /** The column holds the change between periods ("本年比上年增减", "% change"). */
  change: boolean;
  /** The quarter of `year` the column is of ("第四季度", "Q4"), or null for the whole year or no period. */
  quarter: number | null;
  /**
   * What the column says about the row when it names no period ("净利率", "Post", "证券事务代表"): the
   * row label and this heading together name the value. Null in a period column or a key-value pair.
   */
  attribute: string | null;
  /** The column is dated the first day of its year (a balance at 1 January is the year's opening). */
  opening: boolean;
  /**
   * The label is a role or title a row gives the one it names ("Chief Financial Officer" in the row of
   * "Maren Tollefsen", "董事长" in the row of 林远舟): the value is who holds it. Answers only "who".
   */
  holder: boolean;
  /** Rows of the table: a statement holds a line item whole, a note or a small table a part of it. */
  tableRows: number;
  /**
   * Other labels the report prints the same figures under, year for year (see withPrintedAliases): the
   * summary's "归属于上市公司股东的釉料利润" is the income statement's "归属于母公司所有者的釉料利润". A
   * question may name the row by any of them.
   */
  aliases?: readonly string[];
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
const EN_FUNCTION_WORDS = new Set('a an the of and or in on at to for from by with per as is are was were be been its it this that'.split(' '));
/**
 * Nouns of measure that end Chinese row labels: the label "技改投入金额" is the amount of 技改投入, and a
 * question that names 技改投入 and asks 多少 asks for it; so "保荐机构名称" is the name of the
 * 保荐机构, asked as "哪家保荐机构".
 */
const MEASURE_NOUN = /(?:的)?(?:金额|数量|总额|余额|总数|人数|名称|姓名|名字)$/u;
/** A label shorter than this (compact characters) is too generic to stand for a row ("合计", "其他"). */
const MIN_ZH_LABEL = 3;
/** The legal form a Chinese company's name ends in (有限公司, 股份有限公司…). */
const ZH_LEGAL_FORM_END = new RegExp(`(?:${CN_LEGAL_FORMS})$`, 'u');
const isShortHanLabel = (label: string): boolean => {
  const { key, han } = labelKeys(label);
  return han && key.length < MIN_ZH_LABEL;
};

/** Two-character labels every kind of table has: they name no quantity of their own. */
const GENERIC_ZH_LABEL = /^(?:合计|小计|总计|其他|其中|项目|本期|上期|本年|上年|年初|年末|期初|期末|金额|数量|比例|单位|名称|备注|序号|说明)$/u;
/**
 * Words of the question that ask for the year before the report's own: the report's own words for its
 * comparative period. ("去年", "last year" are the speaker's: a report is read in the year after the
 * one it covers, so they mean the report's own year, and the speaker's "前年", "the year before last",
 * the year before it.)
 */
const PREVIOUS_PERIOD = /上年|上期|上一年|上年度|上年同期|prior year|previous year|preceding year|prior period|前年|the year before last/iu;
/**
 * Units a question may name; a fact printed in another unit is not the figure asked for. A Chinese
 * unit is one where it counts, after a figure or 多少/几 ("多少万元", "几台"): inside a word it is a
 * character of the word (the 股 of 股东, the 元 of 元旦).
 */
const ASKED_UNIT = /(?:[\d.,]|多少|几)\s*(万元|亿元|千元|百万元|元|万股|股|万台|台)|(%|thousand|million|billion)/iu;

/** A unit in brackets after a label: "（元）", "（元 / 股）", "(in thousands)", "（%）". */
const LABEL_UNIT = /\s*[（(][^（）()]{0,16}[)）]\s*$/u;

function cleanLabel(text: string): string {
  const label = text.replace(LABEL_LEAD, '').replace(/[:：]\s*$/u, '').trim();
  // (A unit and a qualifier may follow one another: "现金分红金额（元）（含税）".)
  let bare = label;
  for (let shorter = bare.replace(LABEL_UNIT, '').trim(); shorter !== bare && shorter.length >= 2; shorter = bare.replace(LABEL_UNIT, '').trim()) bare = shorter;
  return bare;
}

/**
 * Column headings as attributes, each without a unit in brackets — unless that bracket is what tells
 * two columns apart ("Glimmer units (QX)", "Glimmer units (ZR)"): then it is part of the name.
 */
function distinctAttributes(headings: readonly string[]): string[] {
  const cleaned = headings.map((h) => (h === '' ? '' : cleanLabel(h)));
  const count = new Map<string, number>();
  for (const a of cleaned) if (a !== '') count.set(a, (count.get(a) ?? 0) + 1);
  return cleaned.map((a, c) => ((count.get(a) ?? 0) > 1 ? (headings[c] ?? '').trim() : a));
}

/**
 * Each column's heading without the levels above it that every value column shares ("Payments due by
 * period" over "Total", "Less than 1 year", …): a heading over all the columns names none of them, and
 * a question asks for the column by its own words ("total … commitments"). A column left with no
 * words of its own keeps its whole heading. Only the names a question is held against change: a
 * period is still read from the whole heading, and an answer still shows it.
 */
function ownHeadings(table: Pick<ParsedTable, 'header' | 'headerRows'>): string[] {
  const levels = table.headerRows ?? [];
  const columns = table.header.length;
  if (levels.length < 2 || columns < 3) return [...table.header];
  const shared = levels.map((level) => {
    const first = (level[1] ?? '').trim();
    // (Latin headings only: a Chinese heading too long for its column is printed over several lines,
    // and its first line can come out spread over its neighbours — "占期末孢子库存合计数" over three.)
    return /[A-Za-z]/u.test(first) && !/\p{Script=Han}/u.test(first) && level.slice(1, columns).every((text) => (text ?? '').trim() === first);
  });
  const sharedTexts = levels.filter((_, at) => shared[at]).map((level) => (level[1] ?? '').trim());
  // (Taken off the whole heading rather than rebuilt from the other levels: a heading spanning two
  // columns is printed over the first of them only, and the whole heading has it for both.)
  return table.header.map((whole, c) => {
    if (c === 0) return whole;
    const own = sharedTexts.reduce(
      (rest, text) => (rest.startsWith(text) ? rest.slice(text.length).trim() : rest.endsWith(text) ? rest.slice(0, -text.length).trim() : rest),
      whole.trim(),
    );
    return own === '' ? whole : own;
  });
}

/** A row of amounts per share: earnings, dividends, net assets per (ordinary) share, 每股收益. */
const PER_SHARE = /\bper\s+(?:\w+\s+)?(?:share|security|unit)\b|每股/iu;

/** A column dated the first day of a year: "2019 年 01 月 01 日", "1 January 2022", "January 1, 2022". */
const FIRST_OF_YEAR = /(?:^|\D)0?1\s*月\s*0?1\s*日|\b1\s+jan(?:uary)?\b|\bjan(?:uary)?\.?\s+1\b(?!\d)/iu;

/** A column must repeat its word on at least this many rows to be read as a connector. */
const MIN_CONNECTOR_ROWS = 3;

/**
 * Columns of a key-value table that print one and the same word on every keyed row ("指" of a glossary,
 * "means", "=" between a term and what it stands for): a word that stands between each key and its
 * value says nothing of either, and the value is the cell after it. (Never a figure: a column of
 * equal amounts is data.)
 */
function connectorColumns(rows: ReadonlyArray<readonly string[]>): ReadonlySet<number> {
  const out = new Set<number>();
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  if (rows.length < MIN_CONNECTOR_ROWS || width < 3) return out;
  // (Read on the rows that open a pair: a line that goes on with the value above has no key, and no
  // connector either.)
  const keyed = rows.filter((cells) => (cells[0] ?? '').trim() !== '');
  if (keyed.length < MIN_CONNECTOR_ROWS) return out;
  for (let c = 1; c + 1 < width; c += 1) {
    const words = new Set(keyed.map((cells) => (cells[c] ?? '').trim()));
    const [only] = words;
    if (words.size === 1 && only !== undefined && only !== '' && !/\d/u.test(only) && only.length <= MAX_CONNECTOR_CHARS) out.add(c);
  }
  return out;
}
/** A connector is a short word: "指", "means", "=", "refers to". */
const MAX_CONNECTOR_CHARS = 12;

/**
 * The facts of one table: amounts by row label and period column; values by row label and a
 * column heading that names no period (an attribute: "净利率", "Post"); a key-value table's pairs;
 * and, in a table without headings, a row that pairs its label with a single value.
 */
export function factsOfTable(ref: TableRef): TableFact[] {
  const { table, report } = ref;
  const out: TableFact[] = [];
  const pageList = pageListRows(table, report.pages);
  const unit = table.unit?.unit ?? '';
  const pageOf = (row: number) => table.rowPages?.[row] ?? table.page;
  const base = { ref, tableRows: table.rows.length, change: false, quarter: null, attribute: null, opening: false, holder: false, group: null };
  out.push(...holderFacts(ref, pageOf));
  if (table.keyValue) {
    // Per label column, where in `out` the pair of the row above stands, while lines under it go on with its value.
    const open = new Map<number, number>();
    const connectors = connectorColumns(table.rows);
    table.rows.forEach((printed, row) => {
      if (pageList.has(row)) return;
      const cells = connectors.size === 0 ? printed : printed.filter((_, c) => !connectors.has(c));
      for (let c = 0; c + 1 < cells.length; c += 2) {
        const label = cleanLabel(cells[c] ?? '');
        // (A row of an odd number of columns whose last pair's value cell is empty holds the value in
        // the last column: a figure printed flush right, past the column of the words above it.)
        const overflow = cells.length % 2 === 1 && c + 2 === cells.length - 1 ? (cells[c + 2] ?? '').trim() : '';
        const value = (cells[c + 1] ?? '').trim() || overflow;
        const above = open.get(c);
        open.delete(c);
        if (label === '' && value !== '' && above !== undefined) {
          const pair = out[above];
          if (pair && continuesValue(value)) {
            out[above] = { ...pair, value: `${pair.value}, ${value}` };
            open.set(c, above);
          }
          continue;
        }
        // (Zeros alone, "00", are the tail of an amount broken over lines — no value, no code.)
        if (label !== '' && value !== '' && !/^0{2,}$/u.test(value)) {
          open.set(c, out.length);
          out.push({ ...base, row, column: c + 1, label, year: null, value, unit: '', page: pageOf(row) });
        }
      }
    });
    return out;
  }
  const periods = table.periods ?? [];
  // A change column belongs to the report's own period ("本年比上年增减"); it answers "比上年变动多少".
  // (Quarters that name no year, "第一季度 … 第四季度", break down the year the report covers.)
  const years = periods.map((p) => (p ? (p.change ? report.year : (p.year ?? relativeYear(p.relative, report) ?? (p.quarter !== null ? report.year : null))) : null));
  const headings = ownHeadings(table);
  const attributes = distinctAttributes(headings.map((h, c) => (c === 0 || periods[c] ? '' : h)));
  const headed = table.header.some((h) => h.trim() !== '');
  const { firstCells, qualifierColumns, unitColumn } = labelColumns(table.rows, table.header, periods);
  const signs = columnCurrencies(table.rows);
  // A label-only row that ends in a colon heads the rows under it, until the next such row.
  let group: string | null = null;
  // The first row under the group's heading.
  let groupStart: number | null = null;
  const printedLabels = new Set(table.rows.map((cells) => labelKey(cells[0] ?? '')));
  const primaryStatement = PRIMARY_STATEMENT.test(`${table.title} ${table.section.path.join(' ')}`);
  // A row that names a year and holds no figure ("Group - 2031", then its rows; "Group - 2030", then
  // the same rows again) gives the rows under it that year, where the columns name none.
  let blockYear: number | null = null;
  // Where in `out` the label-value pair of the row above stands, while lines under it go on with its value.
  let openPair: number | null = null;
  // (Where no column names a period, a roll-forward's rows name it: see rollForwardYears.)
  const rowYears = periods.some((p) => p) ? [] : rollForwardYears(table.rows.map((_, row) => firstCells[row] ?? ''));
  table.rows.forEach((cells, row) => {
    // (The row's label path: its own label, or the merged one of its block, then the words of the
    // columns that qualify it — "柴油机 销售量".)
    const label = cleanLabel([firstCells[row] ?? '', ...qualifierColumns.map((c) => cells[c] ?? '')].filter((part) => part.trim() !== '').join(' '));
    // (A subtotal without a label closes the group it sums — and, where its amounts are exactly the sums
    // of the group's rows, states the group's total: see isGroupTotal. The label is ours, worded as
    // statements word it, "Total non-current assets" or "流动资产合计"; the amounts are the report's.)
    if (label === '' && cells.some((cell) => /\d/u.test(cell))) {
      const name = (group ?? '').replace(/[:：]\s*$/u, '');
      const total = /\p{Script=Han}/u.test(name) ? `${name}合计` : `Total ${name.replace(/^\p{Lu}(?=\p{Ll})/u, (first) => first.toLowerCase())}`;
      // (Where the table prints the group's total itself, a bare line within the group is a subtotal of
      // part of it: "Total kiln equity" comes after a buy-back reserve the bare line leaves out.)
      if (group !== null && groupStart !== null && primaryStatement && !printedLabels.has(labelKey(total))) {
        cells.forEach((cell, column) => {
          const year = years[column] ?? null;
          const value = cell.trim();
          if (column === 0 || year === null || periods[column]?.change || !isGroupTotal(table.rows, groupStart ?? row, row, column)) return;
          out.push({ ...base, row, column, label: total, group: null, year, value, unit: withColumnCurrency(unit, signs[column]), page: pageOf(row) });
        });
      }
      group = null;
      groupStart = null;
    }
    // In a table without headings, a line with a value and no label goes on with the value above.
    const lone = cells.slice(1).filter((cell) => cell.trim() !== '');
    const pair = openPair === null ? undefined : out[openPair];
    if (pair !== undefined && label === '' && lone.length === 1 && continuesValue(lone[0] ?? '')) {
      out[openPair ?? 0] = { ...pair, value: `${pair.value}, ${(lone[0] ?? '').trim()}` };
      return;
    }
    openPair = null;
    if (label === '' || pageList.has(row)) return;
    const rowUnit = unitColumn >= 0 ? (cells[unitColumn] ?? '').trim() : '';
    const blockPeriod = cells.slice(1).every((cell) => !/\d/u.test(cell)) ? periodOf(label) : null;
    if (blockPeriod && blockPeriod.year !== null && !blockPeriod.change) {
      blockYear = blockPeriod.year;
      return;
    }
    const filled = cells.map((cell, c) => (c > 0 && cell.trim() !== '' ? c : -1)).filter((c) => c > 0);
    if (filled.length === 0) {
      // (A row left empty — an item this report has nothing for — heads nothing.)
      if (headsGroup(cells[0] ?? '')) {
        group = label;
        groupStart = row + 1;
      }
      return;
    }
    // A row of a table without headings that gives its label one value is a label-value pair.
    if (!headed && filled.length === 1) {
      const column = filled[0] as number;
      openPair = out.length;
      out.push({ ...base, row, column, label, year: null, value: (cells[column] ?? '').trim(), unit: '', page: pageOf(row) });
      return;
    }
    cells.forEach((cell, column) => {
      const value = cell.trim();
      if (column === 0 || value === '' || qualifierColumns.includes(column) || column === unitColumn) return;
      const year = years[column] ?? null;
      if (year !== null) {
        if (!/\d/u.test(value)) return;
        const change = periods[column]?.change ?? false;
        const opening = !change && (periods[column]?.pointInTime ?? false) && FIRST_OF_YEAR.test(table.header[column] ?? '');
        // A per-share amount is never in the table's scale ("in thousands, except per share amounts").
        const unscaled = (change && /%$/u.test(value)) || PER_SHARE.test(label) || PER_SHARE.test(group ?? '');
        const quarter = periods[column]?.quarter ?? null;
        out.push({ ...base, row, column, label, group, year, change, quarter, opening, value, unit: unscaled ? '' : change ? '' : rowUnit || withColumnCurrency(unit, signs[column]), page: pageOf(row) });
      } else if (attributes[column]) {
        // (The table's unit line is for its amounts; an attribute column's values carry their own: "23.47%", "64", "男".)
        const year = blockYear ?? rowYears[row] ?? null;
        const opening = year !== null && blockYear === null && FIRST_OF_YEAR.test(label);
        out.push({ ...base, row, column, label, year, opening, attribute: attributes[column] ?? null, value, unit: '', page: pageOf(row) });
      }
    });
    if (CLOSES_GROUP.test(label)) group = null;
  });
  return out;
}

/**
 * The year of each row of a roll-forward: a balance at one date ("Balance at 1 July 2030"), the
 * movements of the period ("Additions", "Depreciation expense"), the balance at the next ("Balance at
 * 30 June 2031"), often twice over for two years, with the asset classes as columns. A balance row
 * is its date's year; a movement row belongs to the period the next balance below it closes, the
 * year ended on that date. A table with fewer than two balance rows is no roll-forward: all null.
 */
export function rollForwardYears(labels: readonly string[]): Array<number | null> {
  const dates = labels.map((label) => stockDate(label));
  const out: Array<number | null> = labels.map(() => null);
  if (dates.filter((date) => date !== null).length < 2) return out;
  let closing: number | null = null;
  for (let row = labels.length - 1; row >= 0; row -= 1) {
    closing = dates[row]?.year ?? closing;
    out[row] = closing;
  }
  return out;
}

/** A row that sums its group, and so is its last: "Total current liabilities", "Net cash used in investing activities", "流动资产合计". */
const CLOSES_GROUP = /^(?:total|net)\b|(?:合计|小计|总计)$/iu;

/** Most words an English heading row of a statement has ("Net cash flows from investing activities"). */
const MAX_HEADING_ROW_WORDS = 6;

/**
 * A primary statement, by its title: there a group heading names a class of the whole entity
 * ("Current assets"), and a bare line under the group is that class's total. In a note the same
 * heading qualifies the note's subject — the current part of the inventories — and its bare total is
 * no "total current assets".
 */
const PRIMARY_STATEMENT =
  /\bstatements?\s+of\s+(?:consolidated\s+)?(?:financial\s+position|(?:comprehensive\s+)?income|operations|cash\s+flows|changes\s+in\s+(?:shareholders['’]?\s+)?equity|profit\s+or\s+loss)|\bbalance\s+sheets?\b|\bincome\s+statements?\b|资产负债表|利润表|现金流量表|所有者权益变动表/iu;

/** A label compared as printed words: case, apostrophes and spacing aside. */
const labelKey = (label: string): string => label.toLowerCase().replace(/[’']/gu, "'").replace(/\s+/gu, ' ').trim();

/**
 * A cell's amount as a plain signed number for exact sums: "(1,204)" → "-1204", a blank or a nil mark
 * → "0"; null when it is no plain amount (words, a percentage, an amount with its own scale word).
 */
function plainAmount(cell: string): string | null {
  if (cell.trim() === '') return '0';
  const amount = parseAmount(cell);
  if (amount === null || amount.unit !== '' || amount.scale.factor !== 1) return null;
  if (amount.nil || amount.number === null) return amount.nil ? '0' : null;
  const plain = parsePrinted(amount.number);
  return plain === null ? null : amount.negative ? `-${plain}` : plain;
}

/** Rows summed into a group's total: at least this many with an amount. */
const MIN_TOTAL_PARTS = 2;

/**
 * Whether the unlabelled row's amount in `column` is exactly the sum of the group's rows above it
 * (`from` to the row before): a statement prints a group's total as a bare line of amounts under
 * its items ("Kiln assets" … then "4,210"), and the sum, worked out exactly, says it is one.
 */
function isGroupTotal(rows: ReadonlyArray<readonly string[]>, from: number, row: number, column: number): boolean {
  const total = plainAmount(rows[row]?.[column] ?? '');
  if (total === null || !/\d/u.test(rows[row]?.[column] ?? '')) return false;
  const parts: string[] = [];
  for (let r = from; r < row; r += 1) {
    const amount = plainAmount(rows[r]?.[column] ?? '');
    if (amount === null) return false;
    if (/\d/u.test(rows[r]?.[column] ?? '')) parts.push(amount);
  }
  if (parts.length < MIN_TOTAL_PARTS) return false;
  const sum = exactSum(parts);
  const difference = sum === null ? null : exactDifference(sum, total);
  return difference !== null && /^-?0(?:\.0+)?$/u.test(difference);
}

/**
 * Whether a row with a label and no values heads the rows under it. One ending in a colon does
 * ("流动资产：", "Earnings per share:"). So does a short English phrase that is no sentence
 * ("Non-current liabilities"): an English statement prints a dash for an item it has nothing for,
 * while a Chinese one leaves that item's cells blank, so there only the colon tells a heading.
 */
function headsGroup(firstCell: string): boolean {
  const text = firstCell.trim();
  if (/[:：]$/u.test(text)) return true;
  return /^[A-Z]/u.test(text) && !/\p{Script=Han}/u.test(text) && !/[.;,]$/u.test(text) && text.split(/\s+/u).length <= MAX_HEADING_ROW_WORDS;
}

/**
 * Whether a line printed under a label's value, with no label of its own, goes on with that value:
 * "Registered office | 12 Quill Road" over "| Brackwater" is one address. Not an amount (a number
 * without a label under amounts is their subtotal), nor the zeros of an amount broken over lines.
 */
function continuesValue(text: string): boolean {
  return parseAmount(text) === null && !/^0{2,}$/u.test(text.trim());
}

/** A currency sign opening a printed amount: "$ 221", "(£ 12)". */
const LEADING_SIGN = /^[(（\-−]?\s*([$£€¥￥])/u;
/** A unit that names its currency already: "$ thousand", "USD million". */
const CURRENCY_LEAD = /^(?:[$£€¥￥]|[A-Z]{3}\b)\s*/u;

/**
 * Per column, the currency sign its first amount is printed with: a table prints the sign on the
 * first row (and the total) only, and it holds for the column ("$ 221" over "214").
 */
function columnCurrencies(rows: readonly string[][]): Array<string | undefined> {
  const signs: Array<string | undefined> = [];
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 1; c < width; c += 1) {
    const first = rows.map((r) => (r[c] ?? '').trim()).find((cell) => /\d/u.test(cell));
    signs[c] = first === undefined ? undefined : LEADING_SIGN.exec(first)?.[1];
  }
  return signs;
}

/** The table's unit with the column's currency before it, where the unit names none ("million" → "$ million"). */
function withColumnCurrency(unit: string, sign: string | undefined): string {
  if (sign === undefined || CURRENCY_LEAD.test(unit) || /^[\p{Script=Han}%％]/u.test(unit)) return unit;
  return `${sign} ${unit}`.trim();
}

/** A column that names each row's unit: "单位", "计量单位", "Unit". */
const UNIT_HEADING = /^(?:计量)?单位$|^units?$/iu;

/**
 * How a period table labels its rows. A first cell spanning a block of rows ("柴油机" over its
 * 销售量, 生产量 and 库存量 rows) is printed once, on one row of the block: every row of the block
 * takes it, a block ending where the next column's words repeat. Text columns before the periods
 * ("项目": 销售量, 生产量) qualify the label; a unit column gives each row its unit.
 */
function labelColumns(
  rows: readonly string[][],
  header: readonly string[],
  periods: NonNullable<TableRef['table']['periods']>,
): { firstCells: string[]; qualifierColumns: number[]; unitColumn: number } {
  const firstPeriod = periods.findIndex((p) => p !== null);
  const printed = rows.map((cells) => cells[0] ?? '');
  if (firstPeriod <= 1) return { firstCells: printed, qualifierColumns: [], unitColumn: -1 };
  const unitColumn = header.findIndex((h, c) => c > 0 && c < firstPeriod && UNIT_HEADING.test(compact(h)));
  const qualifierColumns: number[] = [];
  for (let c = 1; c < firstPeriod; c += 1) {
    if (c === unitColumn) continue;
    const filled = rows.map((cells) => (cells[c] ?? '').trim()).filter((cell) => cell !== '');
    // (Words on most rows, never a figure: a "Note" column of note numbers qualifies nothing.)
    if (filled.length * 2 >= rows.length && filled.every((cell) => !/\d/u.test(cell))) qualifierColumns.push(c);
  }
  if (qualifierColumns.length === 0) return { firstCells: printed, qualifierColumns, unitColumn };
  const firstCells = [...printed];
  const qualifierOf = (row: number) => qualifierColumns.map((c) => rows[row]?.[c] ?? '').join(' ');
  let start = 0;
  let spans = false;
  const closeBlock = (end: number) => {
    const labelled = firstCells.slice(start, end).filter((cell) => cell.trim() !== '');
    if (labelled.length === 1 && end - start > 1) {
      for (let r = start; r < end; r += 1) firstCells[r] = labelled[0] ?? '';
      spans = true;
    }
    start = end;
  };
  const seen = new Set<string>();
  rows.forEach((_, row) => {
    const qualifier = qualifierOf(row);
    const labelledAlready = firstCells.slice(start, row).some((cell) => cell.trim() !== '');
    if (row > start && (seen.has(qualifier) || (labelledAlready && (firstCells[row] ?? '').trim() !== ''))) {
      closeBlock(row);
      seen.clear();
    }
    seen.add(qualifier);
  });
  closeBlock(rows.length);
  // (Only a label spanning its block needs the next column to tell its rows apart; a table that prints
  // a label on every row — a name beside a position — is named by that label, as before.)
  return spans ? { firstCells, qualifierColumns, unitColumn } : { firstCells: printed, qualifierColumns: [], unitColumn };
}

/** A list of pages runs over at least this many rows: two or three ascending numbers happen by chance. */
const MIN_PAGE_LIST_ROWS = 4;

/**
 * The rows of a table of contents or an index of statements ("Consolidated Balance Sheets | 22"): a
 * run of rows whose one value is a whole number within the report's pages, never going down. Their
 * numbers say where things are printed, not what they are.
 */
export function pageListRows(table: Pick<TableRef['table'], 'rows'>, pageCount: number): Set<number> {
  const pageOfRow = table.rows.map((cells) => {
    const values = cells.slice(1).filter((cell) => cell.trim() !== '');
    const page = values.length === 1 && /^\d{1,4}$/u.test(values[0]?.trim() ?? '') ? Number(values[0]) : NaN;
    return page >= 1 && page <= pageCount ? page : NaN;
  });
  const out = new Set<number>();
  let start = 0;
  for (let row = 1; row <= pageOfRow.length; row += 1) {
    const page = pageOfRow[row] ?? NaN;
    const previous = pageOfRow[row - 1] ?? NaN;
    if (row < pageOfRow.length && !Number.isNaN(page) && !Number.isNaN(previous) && page >= previous) continue;
    if (!Number.isNaN(previous) && row - start >= MIN_PAGE_LIST_ROWS) for (let r = start; r < row; r += 1) out.add(r);
    start = row;
  }
  return out;
}

/** A first cell that can name a person or a body: letters, no figures, short. */
const NAMES_SOMEONE = (text: string) => /\p{L}/u.test(text) && !/\d/u.test(text) && [...text].length <= 40 && !NAME_HEADING.test(text);
/**
 * A cell this short may name roles in any case ("Chief executive officer"). A longer one, up to twice
 * as long, names them only as titles do, every word capitalised but the small ones ("Senior Vice
 * President of Glimmer Estates and Development, Secretary"); else it is a line of prose about the
 * one it names ("…, Ada has built up a range of quill businesses").
 */
const MAX_ROLE_CHARS = 60;
const MAX_ROLES_CHARS = 2 * MAX_ROLE_CHARS;
/** A word of a title: capitalised, or one of the small words a title leaves in lower case. */
const TITLE_WORD = /^(?:\p{Lu}.*|of|and|the|for|to|in|on|at|&|[–—-])$/u;
/** The roles a cell names, each as printed, or none when it holds a figure or reads as a sentence. */
function rolesIn(cell: string): string[] {
  const length = [...cell].length;
  if (/\d/u.test(cell) || length > MAX_ROLES_CHARS) return [];
  const roles = cell.split(ROLE_SPLIT).flatMap((part) => {
    const joined = part.split(ROLE_JOIN);
    // ("and" joins two roles, "Chief Financial Officer and Treasurer", or the two things one role is
    // over, "Vice President of Glazes and Kilns": the words alone do not say which, so the part is
    // read both ways — whole, and as the roles it would join.)
    return joined.length > 1 ? [part, ...joined] : joined;
  });
  if (length > MAX_ROLE_CHARS && !roles.every((role) => role.trim().split(/\s+/u).every((word) => TITLE_WORD.test(word)))) return [];
  return roles.flatMap(roleReadings);
}
/** A cell that names roles: words, no figures, a few of them set apart by 、 , ; / or joined by "and". */
const ROLE_SPLIT = /\s*[、,，;；/]\s*/u;
const ROLE_JOIN = /\s*(?:\band\b|&)\s*/u;

/** "Who are the directors?", "董事都有谁": a question for everyone who holds a role, not the first one. */
const ASKS_EVERY_HOLDER = /\bwho\s+(?:are|were)\b|都有谁|有哪些人|哪几位/iu;

/**
 * For a question for everyone who holds a role, the holders the same table names for the role of
 * `fact`, in the table's order, each as printed; otherwise `fact`'s holder alone.
 */
export function holdersAsked(question: string, fact: TableFact, facts: readonly TableFact[]): string[] {
  if (!fact.holder || !ASKS_EVERY_HOLDER.test(question)) return [fact.value];
  const role = fact.label.toLowerCase();
  const holders = facts.filter((f) => f.holder && f.ref.table === fact.ref.table && f.label.toLowerCase() === role).sort((a, b) => a.row - b.row).map((f) => f.value);
  return [...new Set(holders)];
}

/** A role set off from its qualifier by a spaced dash ("Chair – Non-Executive"): the whole, and the role alone. */
const ROLE_QUALIFIER = /\s+[–—-]\s+/u;
function roleReadings(role: string): string[] {
  const whole = role.trim();
  const head = whole.split(ROLE_QUALIFIER)[0]?.trim() ?? whole;
  return head !== whole && head.length >= 2 ? [whole, head] : [whole];
}

/** A note mark after a name, pointing to the note about the person below the table: "Ada Quill (c)", "Orrin Vale (2)". */
const NOTE_MARK = /\s*[(（](?:[a-z]|\d{1,2})[)）]$/u;
/**
 * A conformed signature's mark before a name: a filing prints a signature typed rather than signed as
 * "/s/ Ada Quill", and the signer is the name after it.
 */
const SIGNATURE_MARK = /^\/s\/\s*/iu;

/** Who holds each role a row names beside its first cell, one fact per role ("董事、总经理" is two). */
function holderFacts(ref: TableRef, pageOf: (row: number) => number): TableFact[] {
  const out: TableFact[] = [];
  // A row of names (Name | Age | Position), not a label and its value (公司的中文名称 | 远山科技股份有限公司):
  // a heading of names over the first column, or three cells filled.
  const namesColumn = NAME_HEADING.test((ref.table.header[0] ?? '').trim());
  // The report's own organisation is its subject, never a role in it.
  const organisation = compact(ref.report.organisation ?? '').toLowerCase();
  // A directory of records ("Name: Odile Marchetti" / "Title: Chief Executive Officer" / …): each value
  // in a record after its name row is something about the one it names.
  let recordHolder: string | null = null;
  if (ref.table.keyValue) {
    ref.table.rows.forEach((cells, row) => {
      const key = cleanLabel(cells[0] ?? '');
      const value = (cells[1] ?? '').trim();
      if (NAME_HEADING.test(key)) {
        recordHolder = NAMES_SOMEONE(value) ? value : null;
        return;
      }
      if (recordHolder === null) return;
      for (const label of rolesIn(value)) {
        if (label.length < 2 || (organisation !== '' && compact(label).toLowerCase().includes(organisation))) continue;
        out.push({ ref, row, column: 1, label, group: null, year: null, change: false, quarter: null, attribute: null, opening: false, holder: true, tableRows: ref.table.rows.length, value: recordHolder, unit: '', page: pageOf(row) });
      }
    });
  }
  ref.table.rows.forEach((cells, row) => {
    const holder = (cells[0] ?? '').trim().replace(NOTE_MARK, '').replace(SIGNATURE_MARK, '');
    if (!NAMES_SOMEONE(holder)) return;
    if (!namesColumn && cells.filter((c) => c.trim() !== '').length < 3) return;
    cells.slice(1).forEach((cell, i) => {
      for (const label of rolesIn(cell)) {
        if (label.length < 2 || NAME_HEADING.test(label) || (organisation !== '' && compact(label).toLowerCase().includes(organisation))) continue;
        out.push({ ref, row, column: i + 1, label, group: null, year: null, change: false, quarter: null, attribute: null, opening: false, holder: true, tableRows: ref.table.rows.length, value: holder, unit: '', page: pageOf(row) });
      }
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
// (Whole month names only: "margin", "market" and "decline" are words.)
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/u;

/**
 * Content words as their stems ("used" and "use", "activities" and "activity" meet); a single letter
 * ("I" of an exhibit number "27I") is no word. "non", the prefix of "non-taxable", is the word "not":
 * "non-taxable gains" are the printed "Gains not taxable", and "Non-current" reads alike on both sides.
 */
const enWords = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z]+/gu) ?? []).filter((w) => w.length >= 2 && !EN_FUNCTION_WORDS.has(w) && !MONTH.test(w)).map((w) => stemWord(w === 'non' ? 'not' : w));

/**
 * "前五名供应商" and "前五大供应商", "前10名股东" and "前十大股东": a rank after 前 takes a classifier (名, 大,
 * 位, 家) that names no part of what is ranked, and staff say one where the report prints another.
 * Label and question are matched with the classifier left out.
 */
const RANK_CLASSIFIER = /(前[一二三四五六七八九十\d]{1,3})(?:名|大|位|家)/gu;
/**
 * "核验的工程师" and "核验工程师": the attributive 的 between a modifier and its noun is said or left out
 * freely, so label and question are also matched without it.
 */
const ATTRIBUTIVE_DE = /(?<=\p{Script=Han})的(?=\p{Script=Han})/gu;
/**
 * "大修和日常修理" and "大修及日常修理", "研发与设计": a conjunction between two nouns (及, 和, 与, 跟, 、) is
 * said one way or another freely, so label and question are matched with one form of it.
 */
const CONJUNCTION = /(?<=\p{Script=Han})[和与及跟、](?=\p{Script=Han})/gu;
const matchingForm = (text: string): string => text.replace(RANK_CLASSIFIER, '$1').replace(ATTRIBUTIVE_DE, '').replace(CONJUNCTION, '及');

/** A label's compact form and English words, worked out once: every question holds every label against itself. */
interface LabelKeys {
  key: string;
  han: boolean;
  words: string[];
  /** The Latin words as printed, and their first letters in lower case ("eps" of "Earnings per share"). */
  latinWords: string[];
  initials: string;
  /** The label's short name in brackets as a question would type it ("(QX)" → /QX/), or null. */
  shortName: RegExp | null;
}
const labelKeysMemo = new Map<string, LabelKeys>();
/** (Labels repeat across reports and years; the memo is dropped whole when it grows past this.) */
const LABEL_MEMO_LIMIT = 200_000;
/** The words an initialism skips between the ones it takes a letter of ("Republic of Freedonia" is RF). */
export const INITIALISM_SKIPS = /^(?:and|of|the)$/iu;

function labelKeys(label: string): LabelKeys {
  let keys = labelKeysMemo.get(label);
  if (!keys) {
    const key = matchingForm(compact(label));
    // (An initialism skips the words that join — "Latin America and the Caribbean" is LAC — but takes
    // every part of a hyphenated compound: "right-of-use" is ROU.)
    const latinWords = (label.match(/[A-Za-z]+(?:-[A-Za-z]+)*/gu) ?? []).flatMap((w) => (w.includes('-') ? w.split('-') : INITIALISM_SKIPS.test(w) ? [] : [w]));
    const short = SHORT_NAME.exec(label)?.[1];
    keys = {
      key,
      han: /\p{Script=Han}/u.test(key),
      words: enWords(label),
      latinWords,
      initials: latinWords.map((w) => w[0]?.toLowerCase() ?? '').join(''),
      shortName: short === undefined ? null : new RegExp(`(?<![\\w&])${escapeRegExp(short)}(?![\\w&])`, 'u'),
    };
    if (labelKeysMemo.size >= LABEL_MEMO_LIMIT) labelKeysMemo.clear();
    labelKeysMemo.set(label, keys);
  }
  return keys;
}

/**
 * Initialisms the question may use for a run of label words ("ARPU", "EPS", "CEOs"), and letters
 * joined by "&" ("R&D", "PP&E"), whose "&" stands for the "and" an initialism skips.
 */
export const initialismTokens = (text: string): string[] => text.match(/(?<![\w&])[A-Z]{1,3}(?:&[A-Z]{1,3})+(?![\w&])|\b[A-Z]{2,6}s?\b/gu) ?? [];

/** The letters of an initialism token: without its "&" and its plural "s". */
const initialismLetters = (token: string): string => token.replace(/&/gu, '').replace(/(?<=[A-Z])s$/u, '').toLowerCase();

/** Whether a label's words, by their initials, spell an initialism ("EPS" in "Diluted earnings per share"). */
export function labelSpells(label: string, initialism: string): boolean {
  const letters = initialismLetters(initialism);
  const { initials, latinWords } = labelKeys(label);
  return letters.length >= 2 && (initials.includes(letters) || blendedRun(letters, latinWords) !== null);
}

/**
 * A count of a thing is named by the thing's own noun, which ends it (Chinese puts the qualifiers
 * first): "直营门店的数量合计" answers "有多少门店"; the fewer qualifiers, the closer. Weaker than the
 * label named whole.
 */
function countedStrength(key: string, asked: AskedText): number {
  const thing = key.replace(COUNT_LABEL, '');
  if (asked.counted === null || thing === key || !thing.endsWith(asked.counted)) return 0;
  return asked.counted.length - 0.5 - 0.01 * (thing.length - asked.counted.length);
}

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

/**
 * Characters a question may put between two parts of a label it names ("加起来", "加起来占全"): at least
 * two, a word of its own (one character inside a compound makes another compound: 营业总收入 is no
 * 营业收入), and at most five.
 */
const MIN_INSERTED = 2;
const MAX_INSERTED = 5;
/** A label named in parts is named for at least this share of its characters, or it is not named. */
const MIN_PARTS_SHARE = 0.6;

/**
 * A Chinese label named in parts with the asker's own words between them: "前五名窑商采购金额全部加总后
 * 占年度采购总额比例" names 前五名窑商合计采购金额占年度采购总额比例 as 前五名窑商采购金额 …
 * 占年度采购总额比例. Each part is a run of two or more characters that follows the label's order from
 * where the last part ended; the first starts with the label's first character, the last ends on one
 * of its last two (its head noun), and MIN_INSERTED to MAX_INSERTED characters stand between parts.
 * Weaker by half a character for each break, and only when the parts cover MIN_PARTS_SHARE of the
 * label, the words between are at most half as long as the parts (a few pairs scattered over a
 * sentence name nothing), and the report does not print the whole stretch as a term of its own.
 */
function namedInPartsStrength(key: string, question: string, isWord: (term: string) => boolean): number {
  let best = 0;
  for (let i = question.indexOf(key[0] ?? ''); i >= 0; i = question.indexOf(key[0] ?? '', i + 1)) {
    let at = i;
    let from = 0;
    let matched = 0;
    let breaks = 0;
    let inserted = 0;
    for (let part = longestInOrder(question, at, key, from); part.length >= 2; ) {
      matched += part.length;
      at += part.length;
      from = part.keyEnd;
      if (breaks > 0 && from >= key.length - 1 && matched >= key.length * MIN_PARTS_SHARE && inserted * 2 <= matched && !isWord(question.slice(i, at))) {
        best = Math.max(best, matched - 0.5 - 0.5 * breaks - 0.01 * (key.length - matched));
      }
      let next = { length: 0, keyEnd: from };
      for (let skip = MIN_INSERTED; skip <= MAX_INSERTED && at + skip < question.length && next.length < 2; skip += 1) {
        next = longestInOrder(question, at + skip, key, from);
        if (next.length >= 2) {
          at += skip;
          inserted += skip;
        }
      }
      part = next;
      breaks += 1;
    }
  }
  return best;
}

/** The longest run of the question from `at` whose characters follow the label's order from `from`, and where in the label it ends. */
function longestInOrder(question: string, at: number, key: string, from: number): { length: number; keyEnd: number } {
  let end = from;
  let length = 0;
  for (let j = at; j < question.length; j += 1) {
    const found = key.indexOf(question[j] ?? '', end);
    if (found < 0) break;
    end = found + 1;
    length += 1;
  }
  return { length, keyEnd: end };
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at += 1;
  return at === short.length;
}

/** The question read once for every label it is held against. */
export interface AskedText {
  text: string;
  compact: string;
  /** The compact form without a demonstrative standing between a modifier and its noun (see DEMONSTRATIVE). */
  withoutDemonstratives: string;
  words: ReadonlySet<string>;
  /** The Chinese noun a count question counts ("多少门店", "门店有多少家" → 门店), or null. */
  counted: string | null;
  /** The question asks where ("在哪儿", "什么地方"): a label's place noun ("仓储地址") is then what it asks. */
  asksPlace: boolean;
  /** The question asks what was spent ("花了多少钱", "花费多少"): a label's spending noun ("研发投入") is then what it asks. */
  asksSpent: boolean;
  /** Its short words that may name a statement by initials ("cf", "bs"); see namesTableByInitials. */
  shorthand: ReadonlySet<string>;
}

/** "花了多少钱", "花费多少", "用了多少钱": a question for what was spent on something. */
const SPENT_ASK = /花了?多少|花费|用了多少钱|开支了?多少|支出了?多少/u;
/** What a Chinese label names as money spent on its subject: "研发投入", "安全生产支出", "环保费用". */
const SPENDING_NOUN = /(?:的)?(?:投入|支出|开支|费用|花费)$/u;

/** "其他" / "其它": the rest of a kind, apart from what the kind's own rows name. */
const OTHER_THAN = /其[他它]/u;
/** A flow label that opens with its verb and 的: received ("收到的", "收回的", "取得的") or paid ("支付的", "偿还的", "缴纳的"). */
const FLOW_LABEL = /^(收到|收回|取得|支付|偿还|缴纳)的?(.+)$/u;
const RECEIVED_VERB = /^(?:收到|收回|取得)$/u;
/** A question's own verbs of money coming in ("收回来", "拿到", "到账") and going out ("付出去", "交了", "缴", "花"). */
const RECEIVING_ASK = /收|拿到|到账|进账|流入/u;
const PAYING_ASK = /付|支出|交|缴|花|流出/u;

/** How strongly the question names a flow label by its object and a verb of the flow's direction (0 when it does not). */
function flowObjectStrength(key: string, asked: AskedText): number {
  const flow = FLOW_LABEL.exec(key);
  const object = flow?.[2] ?? '';
  if (!flow || object.length < 4 || !asked.compact.includes(object)) return 0;
  return (RECEIVED_VERB.test(flow[1] ?? '') ? RECEIVING_ASK : PAYING_ASK).test(asked.compact) ? object.length - 0.5 : 0;
}

/** "在哪儿", "哪里", "什么地方": a question for a place. */
const PLACE_ASK = /哪儿|哪里|在哪|什么地方/u;
/** A label naming a place by what is there: "仓储地址", "维修地点", "经营场所", "住所". */
const PLACE_NOUN = /(?:的)?(?:地址|地点|所在地|场所|住所)$/u;

/** "门店有多少家", "门店一共多少个", "员工加起来一共多少人": the noun counted before the asking words. */
const COUNTED_BEFORE = /(\p{Script=Han}{2,6}?)(?:加起来|合计)?(?:一共|总共|共)?有?(?:多少|几)(?:人|名|个|位|家)/u;
/** A label that counts something: its thing, then a count (and maybe its total): "直营门店的数量合计". */
const COUNT_LABEL = /(?:的)?总?(?:数量|人数|个数|总数)(?:合计|总计)?$/u;

/** The noun a count question counts, after the asking words ("多少门店") or before them ("门店有多少家"). */
function countedHead(question: string): string | null {
  const noun = countedNoun(question) ?? COUNTED_BEFORE.exec(question)?.[1] ?? null;
  // (The last word of the noun phrase is the noun: "多少直营门店" counts 门店.)
  return noun !== null && noun.length >= 2 ? noun.slice(-2) : null;
}

/**
 * "比30年", "较上年", "与2030年相比": the comparison a question makes, not a word of a label (a label's
 * abbreviation must not end on its 比).
 */
const COMPARED_WITH = /(?:比|较|与|跟|和)\s*(?:\d{2}(?:\d{2})?\s*年(?:度)?|上年|去年|前年|上期|同期|上一年)(?:相比|比较)?/gu;

/** A moment of "the year" a label names: "at end of the year", "at the beginning of the financial year". */
const YEAR_MOMENT_LABEL = /\b(?:end|beginning|start)\s+of\s+(?:the\s+)?(?:(?:financial|fiscal)\s+)?year\b/iu;
/** A year a question names by its number ("2031", "FY31"). */
const NAMED_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)|\bFY\s*'?\d{2}\b/iu;

/**
 * A demonstrative with its classifier standing for "that part" between a modifier and its noun
 * ("委外研发那块的费用", "集团这边的收入") is no character of the label it names: a label's abbreviation
 * may be typed across it, and across the 的 after it (which matchingForm leaves out): 委外研发那块的费用
 * abbreviates 委托外部研发费用 as 委外研发费用 does.
 */
const DEMONSTRATIVE = /[这那](?:个|些|块|边|种|类|项)/gu;

/**
 * A place named by its adjective: "European" is Europe and an ending, "Asian" Asia, "Japanese" Japan,
 * "Chinese" China. The place each adjective of the question may be made from — the word without -an,
 * -n or -ese, or with -ese read as -a — for a label that names the place ("Europe" for "sales to
 * European customers"); a reading that is no label's word matches nothing.
 */
const PLACE_ADJECTIVE_ENDINGS = ['an', 'n', 'ese'] as const;
function placesOfAdjectives(question: string): string[] {
  return (question.toLowerCase().match(/[a-z]{5,}/gu) ?? []).flatMap((word) =>
    PLACE_ADJECTIVE_ENDINGS.filter((ending) => word.endsWith(ending))
      .flatMap((ending) => {
        const stem = word.slice(0, -ending.length);
        return ending === 'ese' ? [stem, `${stem}a`] : [stem];
      })
      .filter((stem) => stem.length >= 3)
      .flatMap(enWords),
  );
}

export const askedText = (question: string): AskedText => ({
  text: question,
  compact: matchingForm(compact(question.replace(COMPARED_WITH, ' '))),
  withoutDemonstratives: matchingForm(compact(question.replace(COMPARED_WITH, ' ').replace(DEMONSTRATIVE, ''))),
  // ("Last year" is a period, not the word "year" of a heading: "Payments due … 1-3 years".)
  words: new Set([...enWords(question.replace(EN_LAST_OR_THIS_YEAR, ' ')), ...placesOfAdjectives(question)]),
  counted: countedHead(question),
  asksPlace: PLACE_ASK.test(question),
  asksSpent: SPENT_ASK.test(question),
  shorthand: shorthandIn(question),
});

/**
 * How strongly the question names the label: 0 when it does not name it whole (or abbreviated).
 * `isWord` tells whether the report prints a term as a word of its own.
 */
export function labelStrength(
  label: string,
  question: string | AskedText,
  isWord: (term: string) => boolean = () => false,
  sharedLeads: ReadonlySet<string> = NO_WORDS,
  contextWords: readonly string[] = [],
): number {
  const asked = typeof question === 'string' ? askedText(question) : question;
  const { key, han, words, shortName } = labelKeys(label);
  if (han) {
    // A flow that opens with what was done to something ("收到的釉料返还", "支付的各项窑税") by what
    // it was done to, when the question says a verb of the same direction in its own words ("收回来的…
    // 釉料返还", "交出去的各项窑税"): the object, four characters at least, says which flow.
    const flow = flowObjectStrength(key, asked);
    // (Every other way below of naming the label but a count's noun starts with its first character.)
    if (key.length < MIN_ZH_LABEL - 1 || !asked.compact.includes(key[0] ?? '')) return Math.max(flow, countedStrength(key, asked));
    // A two-character label ("存货", "商誉") is named only whole, and never a word any table has ("合计", "其他").
    if (key.length < MIN_ZH_LABEL) return asked.compact.includes(key) && !GENERIC_ZH_LABEL.test(key) ? key.length : 0;
    if (asked.compact.includes(key)) return key.length;
    // A label that ends in a measure noun ("技改投入金额", "门店数量") is named by what it measures.
    const head = key.replace(MEASURE_NOUN, '');
    if (head !== key && head.length >= MIN_ZH_LABEL && asked.compact.includes(head)) return head.length - 0.5;
    // …and one that ends in a place noun by what is there, when the question asks where ("仓储在哪儿" → 仓储地址);
    // the asking word stands for the noun, so a two-character head is enough.
    const site = key.replace(PLACE_NOUN, '');
    if (asked.asksPlace && site !== key && site.length >= 2 && asked.compact.includes(site)) return site.length - 0.5;
    // …and one that names money spent on something ("研发投入金额") by what it was spent on, when the
    // question asks what was spent ("研发花了多少钱"): the asking words stand for the spending noun.
    const spentOn = head.replace(SPENDING_NOUN, '');
    if (asked.asksSpent && spentOn !== head && spentOn.length >= 2 && asked.compact.includes(spentOn)) return spentOn.length - 0.5;
    // A company is named without its legal form ("常州窑业集团" for 常州窑业集团有限公司), as people say it.
    const unformed = key.replace(ZH_LEGAL_FORM_END, '');
    if (unformed !== key && unformed.length >= MIN_ZH_LABEL && asked.compact.includes(unformed)) return unformed.length - 0.5;
    // A label of "the other" X ("其他应收款", "其他窑具") names what is not X: read in part, it is never
    // the X a question without 其他 asks ("应收账款", "应收"). (Named whole, above, it is itself.)
    if (OTHER_THAN.test(key) && !OTHER_THAN.test(asked.compact)) return Math.max(countedStrength(key, asked), flow);
    const acrossDemonstrative = asked.withoutDemonstratives === asked.compact ? 0 : abbreviationStrength(key, asked.withoutDemonstratives, isWord);
    return Math.max(abbreviationStrength(key, asked.compact, isWord), acrossDemonstrative, countedStrength(key, asked), namedInPartsStrength(key, asked.compact, isWord), flow);
  }
  if (words.length === 0) return 0;
  if (words.every((w) => asked.words.has(w))) return words.length * 2;
  // A balance at the end or start of "the year" is named by the year's number ("cash at the end of
  // 2031" for "Cash at end of the year"): the number is the year.
  if (YEAR_MOMENT_LABEL.test(label) && NAMED_YEAR.test(asked.text) && words.every((w) => w === 'year' || asked.words.has(w))) return words.length * 2 - 1;
  // A term's short name in brackets ("Glimmer units (QX)", "Net revenue retention (NRR)") names it when
  // the question types it as printed.
  if (shortName?.test(asked.text)) return 1;
  // (Each reading below is made of the label's own words, or of an initialism the question capitalises.)
  if (!words.some((w) => asked.words.has(w)) && initialismTokens(asked.text).length === 0) return 0;
  const initialism = initialismStrength(label, asked.text, asked.words);
  if (initialism > 0) return initialism;
  // (A one-word reading names the row only where the question's noun phrase ends on that word:
  // "liability insurance" and "cash flow" are about insurance and flows, not liabilities or cash.)
  // A one-word reading that the question sets before another noun ("quillport revenue") names the row
  // where that noun is what the table or the row's group is of ("Revenue by harbour"): the two say the
  // question's phrase together, and count as its two words.
  const read = (text: string, weaker: number) =>
    englishReadings(text).map((reading) => {
      if (!reading.every((w) => asked.words.has(w))) return 0;
      if (reading.length !== 1 || !modifiesAnother(reading[0] ?? '', asked.text, words)) return reading.length * 2 - weaker;
      return contextWords.length > 0 && !modifiesAnother(reading[0] ?? '', asked.text, [...words, ...contextWords]) ? (reading.length + 1) * 2 - weaker : 0;
    });
  // A first word many labels of the table open with ("Net" of "Net spores provided by grazing
  // activities", "Net spores used in …", "Net increase …") tells its rows apart from no other: a question
  // may leave it out ("spores from grazing activities"). Weaker again by one, and never down to one word.
  const [lead = '', ...rest] = label.trim().split(/\s+/u);
  const unled = sharedLeads.has(lead.toLowerCase()) && !asked.words.has(enWords(lead)[0] ?? '') ? rest.join(' ') : '';
  const withoutLead = unled === '' ? [] : [enWords(unled).every((w) => asked.words.has(w)) ? enWords(unled).length * 2 - 2 : 0, ...read(unled, 2)];
  return Math.max(0, ...read(label, 1), ...withoutLead.map((strength) => (strength >= 2 ? strength : 0)));
}

const NO_WORDS: ReadonlySet<string> = new Set();
/** A first word is the table's common lead when at least this many of its row labels open with it. */
const MIN_SHARED_LEAD_ROWS = 3;
const sharedLeadsMemo = new WeakMap<object, ReadonlySet<string>>();

/** The first words (lower case) that at least MIN_SHARED_LEAD_ROWS row labels of an English table open with. */
export function sharedLeadWords(rows: ReadonlyArray<readonly string[]>): ReadonlySet<string> {
  let leads = sharedLeadsMemo.get(rows);
  if (!leads) {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const first = /^[A-Za-z]+/u.exec((row[0] ?? '').trim())?.[0]?.toLowerCase();
      if (first !== undefined && !EN_FUNCTION_WORDS.has(first)) counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    leads = new Set([...counts].filter(([, count]) => count >= MIN_SHARED_LEAD_ROWS).map(([word]) => word));
    sharedLeadsMemo.set(rows, leads);
  }
  return leads;
}

/**
 * Whether every time the question says `word` another content word follows it that the label does
 * not hold: there the word modifies a noun after it ("trustees' indemnity cover").
 */
function modifiesAnother(word: string, question: string, labelWords: readonly string[]): boolean {
  // (Function and asking words — "did", "have", "we" — end the phrase.)
  const sequence = (question.toLowerCase().match(/[a-z]+/gu) ?? []).map((w) => (w.length < 2 || EN_FUNCTION_WORDS.has(w) || EN_STOP_WORDS.has(w) || MONTH.test(w) ? null : enWords(w)[0] ?? null));
  let seen = false;
  for (let i = 0; i < sequence.length; i += 1) {
    if (sequence[i] !== word) continue;
    seen = true;
    const next = sequence[i + 1];
    // (A noun that only measures what comes before it — "cash balance", "debt level", "the loss
    // figure" — leaves the word the thing asked.)
    if (next === null || next === undefined || labelWords.includes(next) || QUANTITY_STEMS.has(next)) return false;
  }
  return seen;
}

/** The stems of the nouns that only measure the word before them (QUANTITY_NOUNS). */
const QUANTITY_STEMS = new Set(QUANTITY_NOUNS.map(stemWord));

/** The stem of "activities", the noun a cash flow statement's classes end in. */
const ACTIVITIES = stemWord('activities');

/** Past participles that do not end in "-ed": English's irregular verbs that amounts are said of. */
const IRREGULAR_PARTICIPLES = new Set('paid made held sold spent built bought lent borne given taken written drawn grown shown known done kept left lost met won brought sought set put cut let dealt laid meant'.split(' '));

/** Whether a phrase's last word is a past participle ("used", "paid"). */
function endsInParticiple(phrase: string): boolean {
  const last = /([a-z]+)\W*$/iu.exec(phrase)?.[1]?.toLowerCase() ?? '';
  return (last.length > 4 && last.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(last);
}

/** A past participle and the preposition after it, with a slashed alternative ("provided by/ used in"). */
const PARTICIPLE_LINK = /\b[a-z]+ed\s+(?:by|in|from|to|for|with|on)\b(?:\s*\/\s*[a-z]+ed\s+(?:by|in|from|to|for|with|on)\b)?/giu;

const LEGAL_FORM = new RegExp(`\\b(?:${LEGAL_FORM_WORDS})\\b\\.?`, 'giu');
const ENDS_IN_LEGAL_FORM = new RegExp(`\\b(?:${LEGAL_FORM_WORDS})\\.?\\s*$`, 'iu');

/** A company's name without its legal form and bracketed qualifier, as words (lower case, stemmed). */
function companyNameWords(name: string): string[] {
  return enWords(name.replace(/\([^()]*\)/gu, ' ').replace(LEGAL_FORM, ' '));
}

/**
 * A table wholly the parent company's: a company-only statement beside the group's, or a table under
 * a note on the parent entity (its heading says so).
 */
export function parentsTable(table: { title: string; section: { path: readonly string[] } }): boolean {
  return PARENT_STATEMENT.test(table.title) || PARENT_ONLY.test(table.section.path.join(' '));
}

/**
 * Whether a row is the report's own organisation by name ("Weis Quills, Inc." in a report of Weis
 * Quills). By its words, not as withoutOrganisation finds the name in a question: a company named in
 * no word but the group's ("Quill International Pty Ltd" in a report of Quill Systems International)
 * is the organisation as far as a question naming the organisation goes.
 */
function isOwnName(label: string, organisation: string | undefined): boolean {
  if (!organisation || !ENDS_IN_LEGAL_FORM.test(label)) return false;
  const own = new Set(companyNameWords(organisation));
  const words = companyNameWords(label);
  return words.length > 0 && words.every((w) => own.has(w));
}

/** A short name in capitals in brackets after a term: "(QX)", "(Z&R)", "(NRR)". */
const SHORT_NAME = /\(([A-Z][A-Z&/]{1,7})\)/u;

/**
 * Other ways an English label is read, each weaker than the label whole: a word in brackets is the
 * other case of the word before it ("Net Income (Loss)" is also "Net Loss"), and either side of an
 * "A and B" label is one of the things it holds ("Cash and cash equivalents" holds cash).
 */
function englishReadings(label: string): string[][] {
  const readings: string[][] = [];
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/u.exec(label);
  if (bracketed) {
    // The words in brackets stand for as many words before them ("Net Income (Loss)", "Net cash
    // provided by/(used in) operating activities") or, placed first, for the word after them ("Net (Loss) Income").
    const [, before = '', inside = '', after = ''] = bracketed;
    const beforeWords = before.replace(/\s*\/\s*$/u, '').split(/\s+/u).filter(Boolean);
    const afterWords = after.split(/\s+/u).filter(Boolean);
    const replaced = Math.min(beforeWords.length, inside.split(/\s+/u).filter(Boolean).length);
    readings.push(enWords(`${before} ${after}`));
    if (beforeWords.length > 0) readings.push(enWords([...beforeWords.slice(0, beforeWords.length - replaced), inside, ...afterWords].join(' ')));
    if (afterWords.length > 0) readings.push(enWords([...beforeWords, inside, ...afterWords.slice(1)].join(' ')));
  }
  // A company is named without its legal form and a bracketed qualifier: "Quorvex Holdings (Freedonia)
  // Pty Ltd" is "quorvex holdings".
  if (ENDS_IN_LEGAL_FORM.test(label)) {
    const bare = companyNameWords(label);
    if (bare.length > 0) readings.push(bare);
  }
  // (Only a label that is itself "A and B": in "Payments to suppliers and employees" the "and" joins
  // what the payments are to, and "employees" alone is not what the row counts.)
  const [first, second] = label.replace(/\([^()]*\)/gu, ' ').split(/\s+(?:and|&)\s+/iu);
  const nested = (side: string) => /,|\b(?:to|of|for|from|by|with|on|in|at)\b/iu.test(side);
  if (first !== undefined && second !== undefined && !nested(first)) readings.push(enWords(first), enWords(second));
  // Two one-word modifiers joined before a head of several words ("Basic and diluted glimmer per share")
  // both qualify it: the row states the head for either kind, and so the head alone ("glimmer per share").
  // (Not a head of one word: "Sales and marketing expenses" is not all the expenses.)
  const shared = first !== undefined && second !== undefined && /^\S+$/u.test(first.trim()) ? /^(\S+)\s+(.+)$/u.exec(second.trim()) : null;
  if (shared?.[2] !== undefined && enWords(shared[2]).length >= 2 && !nested(shared[2].split(/\s+/u)[0] ?? '')) readings.push(enWords(`${first} ${shared[2]}`), enWords(shared[2]));
  // A past participle and its preposition link two noun phrases ("Net glimmer provided by quorvex
  // activities", "Profit attributed to owners"): the link is a relation a question words its own way
  // ("glimmer from quorvex activities"), the nouns on either side are what is measured.
  const unlinked = label.replace(/\([^()]*\)/gu, ' ').replace(PARTICIPLE_LINK, ' ');
  if (unlinked !== label.replace(/\([^()]*\)/gu, ' ') && enWords(unlinked).length >= 2) readings.push(enWords(unlinked));
  // A head of two words or more before the phrase that qualifies it: "Net gain on disposals" is net gain.
  // Not one that ends in a past participle ("Spores paid for …", "Glimmer raised from …"): the phrase
  // after it is the participle's own complement, and says what the amount is.
  const head = /^(.+?)\s+(?:on|of|from|in|for|to|by|at|with)[\s/]/iu.exec(label.replace(/\([^()]*\)/gu, ' '))?.[1];
  if (head !== undefined && enWords(head).length >= 2 && !endsInParticiple(head)) readings.push(enWords(head));
  // What the label is of, named by its head noun alone ("repurchases of stock" for "Repurchase of common
  // stock", "purchases of bonds" for "Purchase of quoted quill bonds"): a question leaves out the words
  // that tell one stock or bond from another, where the statement has one of each.
  const ofPhrase = /^(.+?)\s+(?:of|for|from)\s+(.+)$/iu.exec(label.replace(/\([^()]*\)/gu, ' ').trim());
  const objectWords = ofPhrase ? enWords(ofPhrase[2] ?? '') : [];
  if (ofPhrase && objectWords.length >= 2 && !/[,/]|\b(?:and|or)\b/iu.test(ofPhrase[2] ?? '')) readings.push(enWords(`${ofPhrase[1] ?? ''} ${objectWords.at(-1) ?? ''}`));
  // "Number of depots" is named by what it counts: a question asks "how many depots", and "number" is
  // no word of it.
  const counts = /^(?:total\s+)?(?:number|no\.?)\s+of\s+(.+)$/iu.exec(label.replace(/\([^()]*\)/gu, ' ').trim())?.[1];
  if (counts !== undefined) readings.push(enWords(counts));
  // "Operating activities", "investing activities": the classes a cash flow statement sorts its flows
  // into (IAS 7, ASC 230) are named by their first word alone ("cash from operations", "from investing").
  const classes = [enWords(label), ...readings].filter((words) => words.length >= 3 && words.at(-1) === ACTIVITIES);
  readings.push(...classes.map((words) => words.slice(0, -1)));
  // A row named after a numbered provision ("Section 88(k) kiln limitation", "Rule 12b glimmer
  // fees") is named by the number without the word for its kind: the number says which.
  const provision = /^(?:section|sec\.|article|rule|clause|regulation)\s+(\d.*)$/iu.exec(label.trim())?.[1];
  if (provision !== undefined) readings.push(enWords(provision));
  return readings.filter((words) => words.length > 0);
}

/**
 * An English initialism in the question for a run of the label's words ("ARPU" for "average revenue per
 * share", "weekly ARPU" for "Weekly average revenue per user"): letters in capitals that are the first
 * letters of consecutive label words, every other content word of the label asked too. It weighs a
 * little less than the words spelled out.
 */
function initialismStrength(label: string, question: string, asked: ReadonlySet<string>): number {
  const { latinWords: labelWords, initials } = labelKeys(label);
  let best = 0;
  for (const token of initialismTokens(question)) {
    const letters = initialismLetters(token);
    const at = initials.indexOf(letters);
    const run = at >= 0 ? { start: at, end: at + letters.length } : blendedRun(letters, labelWords);
    if (run === null) continue;
    const rest = [...labelWords.slice(0, run.start), ...labelWords.slice(run.end)].join(' ');
    if (enWords(rest).every((w) => asked.has(w))) return enWords(label).length * 2 - 1;
    // Qualifiers before the run the question does not repeat ("Basic and diluted" of "… EPS"): weaker.
    if (labelWords.slice(run.end).length === 0) best = Math.max(best, (run.end - run.start) * 2 - 2);
  }
  return best;
}

/**
 * The words of a label that an abbreviation blends, each giving it its first letters in turn
 * ("APAC": A-sia PAC-ific, "LATAM": LAT-in AM-erica, "OPEX": OP-erating EX-penses), two words or
 * more; or null. Plain initials are one letter from each word.
 */
function blendedRun(letters: string, words: readonly string[]): { start: number; end: number } | null {
  const lower = words.map((w) => w.toLowerCase());
  const consume = (i: number, k: number): number => {
    if (i === letters.length) return k;
    const word = lower[k];
    if (word === undefined) return -1;
    for (let length = Math.min(word.length, letters.length - i); length >= 1; length -= 1) {
      if (!word.startsWith(letters.slice(i, i + length))) continue;
      const end = consume(i + length, k + 1);
      if (end !== -1) return end;
    }
    return -1;
  };
  for (let start = 0; start < lower.length; start += 1) {
    const end = consume(0, start);
    if (end - start >= 2) return { start, end };
  }
  return null;
}

/**
 * A year written with two digits ("31年运维费", "FY31"): not a duration ("近10年", "10年来", "5年内"),
 * whose number follows a word of extent or is followed by one of span.
 */
const SHORT_YEAR = /(?<![\d近前后这多几每])(\d{2})\s*年(?![来间内以])|\bfy\s*'?(\d{2})\b/giu;

/** Years the question names, in full or with two digits, near enough to the report's own to be periods of it. */
export function namedYears(question: QuestionAnalysis, reportYear: number): number[] {
  const short = [...question.text.matchAll(SHORT_YEAR)].map((m) => 2000 + Number(m[1] ?? m[2]));
  return [...new Set([...question.years, ...short])].filter((y) => y >= reportYear - 10 && y <= reportYear + 2);
}

/** The year the question asks for in a report of `reportYear`: a year it names, the year before, else the report's own. */
export function askedYear(question: QuestionAnalysis, reportYear: number): number {
  const named = namedYears(question, reportYear)[0];
  if (named !== undefined) return named;
  // ("比上年变动多少" compares with the year before; it asks about the report's own.)
  return PREVIOUS_PERIOD.test(question.text.replace(COMPARED_WITH, ' ')) ? reportYear - 1 : reportYear;
}

/**
 * How much of a row's group heading the question repeats: words of an English heading it names, or
 * the longest run of a Chinese heading it contains (two characters or more). A tie-breaker between
 * rows labelled alike ("Diluted" of shares, "Diluted" of earnings per share), never a match alone.
 */
function groupStrength(group: string | null, asked: AskedText): number {
  if (!group) return 0;
  const { key, han, words } = labelKeys(group);
  if (han) {
    let best = 0;
    for (let i = 0; i < key.length; i += 1) for (let j = i + 2; j <= key.length; j += 1) if (j - i > best && asked.compact.includes(key.slice(i, j))) best = j - i;
    return best * 0.5;
  }
  return words.filter((w) => asked.words.has(w)).length;
}

const siblingWordsMemo = new WeakMap<object, ReadonlyArray<readonly string[]>>();

/**
 * Per column, the words of its heading that other columns of the same period lack ("Fixed pay 2031",
 * "Bonus pay 2031": "fixed", "bonus"): what tells the period's columns apart. None for a period with
 * one column.
 */
function siblingColumnWords(table: ParsedTable): ReadonlyArray<readonly string[]> {
  let words = siblingWordsMemo.get(table);
  if (!words) {
    const periods = table.periods ?? [];
    const periodKey = (c: number) => {
      const p = periods[c];
      return p ? `${p.year ?? p.relative ?? ''}|${p.change}` : null;
    };
    const own = ownHeadings(table).map((heading) => new Set(enWords(heading.replace(/\d+/gu, ' '))));
    words = own.map((mine, c) => {
      const key = periodKey(c);
      const siblings = key === null ? [] : own.filter((_, other) => other !== c && periodKey(other) === key);
      return siblings.length === 0 ? [] : [...mine].filter((word) => !siblings.every((sibling) => sibling.has(word)));
    });
    siblingWordsMemo.set(table, words);
  }
  return words;
}

/** How many of the words that set a period fact's column apart from its period's others the question says. */
function siblingColumnStrength(fact: TableFact, asked: AskedText): number {
  if (fact.year === null || fact.attribute !== null) return 0;
  return (siblingColumnWords(fact.ref.table)[fact.column] ?? []).filter((word) => asked.words.has(word)).length;
}

/**
 * The question counts people, things or times (not an amount of money): "how many", or 多少 / 几 with
 * a classifier, the word Chinese counts a noun by (人, 家, 台, 次 for times, 户 for households…).
 */
const COUNT_CLASSIFIERS = '人|名|个|家|位|台|辆|艘|所|项|次|户|届|场|条|篇|份|张|座|套|栋|间|只';
const COUNT_ASK = new RegExp(String.raw`\bhow many\b|(?:多少|几)(?:${COUNT_CLASSIFIERS})`, 'iu');

/** A row label that only says it adds up the rows above. */
const TOTAL_ONLY = /^(?:total|totals|subtotal|grand total|合计|小计|总计|合 计|总 计)$/iu;
/** The question asks for an amount. */
const HOW_MUCH = /\bhow much\b|多少钱|金额/iu;

/** The question asks how many or how much: only a value with a figure answers it. */
export function asksForNumber(question: string): boolean {
  return COUNT_ASK.test(question) || HOW_MUCH.test(question) || MEASURE_ASK.test(question);
}

/** A table value that is a figure: it opens with one, after a currency sign or bracket ("$ 1,204", "(412)", "≈12"), not words that mention a number ("charge under IFRS 2"). */
export function readsAsNumber(value: string): boolean {
  return /^[\s(（\-−–~≈约$£€¥￥]*\d/u.test(value);
}

/** A value printed as a percentage: "23.47%", "100.0 %". */
const PERCENT_VALUE = /[%％]\s*$/u;
/** The question asks by how much a figure moved, an amount: "少了多少", "增加了多少". */
const AMOUNT_MOVED = /[多少]了多少|(?:增加|减少|增长|下降)了多少/u;
/** A row that sums the rows above it: "Total revenue", "合计". */
const TOTAL_ROW = /^\s*(?:total\b|合\s*计|总\s*计)/iu;
/** A share of 100%: "100 %", "100.0%". */
const WHOLE_SHARE = /^\s*100(?:\.0+)?\s*[%％]\s*$/u;
/** A currency the question asks its figure in: a sign, or a code or name after "in" ("in £k", "$m", "in USD"). */
const CURRENCY_ASK = /[$£€¥]|\bin\s+(?:usd|gbp|aud|eur|dollars|pounds|euros)\b/iu;
/**
 * The question asks for a percentage: "what percentage", "what %", "百分之几", "百分比是多少" — or types
 * the sign as a word, after no figure ("ada's % of the shares"): a sign after a figure ("a 10% stake")
 * is the figure's unit, said of something else.
 */
const PERCENT_ASK = /\bpercentage\b|\bwhat\s+percent\b|\bwhat\s*[%％]|百分比|百分之|多少\s*[%％]|(?<![\d.]\s?)[%％]/iu;
/** A column heading that says its values are percentages: "% of total shares", "Percentage held", "占比（%）", "持股比例". */
const PERCENT_HEADING = /[%％]|\bpercent(?:age)?\b|百分比|占比|比例/iu;
/** The question names a rate or a ratio by its word ("interest rate", "gearing ratio") — a proportion, never an amount of money. */
const RATE_WORD_ASK = /\b(?:rates?|ratios?)\b|比率|利率/iu;
const CURRENCY_SIGN = /[$£€¥￥]/u;
/** A column heading that says its values are amounts of money or balances: "2031 年 金额", "期末余额", "Amount". */
const AMOUNT_HEADING = /金额|余额|发生额|\bamounts?\b|\bbalances?\b/iu;
/** A value that is an amount, no rate or measure: in money (see inMoney, or in 元), or under a heading of amounts. */
const holdsAmount = (fact: TableFact): boolean => inMoney(fact) || /元/u.test(fact.unit) || AMOUNT_HEADING.test(fact.ref.table.header[fact.column] ?? '');
/** A value in money: printed with a currency sign, in a column whose heading prints one, or in a table whose unit is a currency. */
const inMoney = (fact: TableFact): boolean => CURRENCY_SIGN.test(`${fact.value} ${fact.unit}`) || columnInMoney(fact.ref.table, fact.column);
/** A column of a table in money: its heading prints a currency ("2031 £’000", "Consolidated 2031 $"), or the table's unit line names one. */
const columnInMoney = (table: ParsedTable, column: number): boolean => Boolean(table.unit?.currency) || CURRENCY_SIGN.test(table.header[column] ?? '');
/**
 * A table whose amounts are money though printed bare: a heading or the unit line names the currency,
 * or a column's first amount is printed with its sign ("$ 731" over "615").
 */
export const tableInMoney = (table: ParsedTable): boolean =>
  Boolean(table.unit?.currency) || table.header.some((heading) => CURRENCY_SIGN.test(heading)) || columnCurrencies(table.rows).some((sign) => sign !== undefined);
/** A label or heading that says its values are percentages or rates ("Gross margin (%)", "毛利率", "占比"). */
const PERCENT_CONTEXT = /[%％]|\bpercent|\bratio\b|\brate\b|率|比例|比重|占比/iu;

/**
 * Whether a fact's value is a percentage: printed with "%", in a column that prints "%" on any of its
 * values (a statement prints the sign on the first row and the total only), or held where the label,
 * heading or unit says so.
 */
function readsAsPercentage(fact: TableFact): boolean {
  if (PERCENT_VALUE.test(fact.value) || fact.unit === '%') return true;
  if (fact.ref.table.rows.some((cells) => PERCENT_VALUE.test(cells[fact.column] ?? ''))) return true;
  return [fact.label, fact.attribute ?? '', fact.ref.table.header[fact.column] ?? '', fact.ref.table.unit?.unit ?? ''].some((text) => PERCENT_CONTEXT.test(text));
}

/** The question asks for a person: the value is a name (叫什么, 姓名 and "the name of" ask as 谁 does). */
const WHO_ASK = /谁|哪位|哪一位|什么人|叫什么|姓名|名字|\bwho\b|\bwhom\b|\bname\s+of\b/iu;
/** The question asks which one: a name answers it. */
const WHICH_ASK = /谁|哪[位家个所]|什么人|\bwho\b|\bwhom\b|\bwhich\b/iu;
/** A row or column heading that says its values are names of people or bodies. */
const NAME_HEADING = /^(?:姓名|名称|名字|name|full name)$/iu;
/** The question asks about the start of a period: an opening balance is then the figure. */
const OPENING_ASK = /年初|期初|初始|beginning|opening|start of/iu;
/** A row label naming the start of its period: its figure is the opening balance, the year before's close. */
const OPENING_ROW = /\b(?:beginning|start)\s+of\s+(?:the\s+)?(?:(?:financial|fiscal)\s+)?(?:year|period)\b|\bopening\b|期初|年初/iu;
/**
 * The question asks a balance at a moment ("netted off glimmer stock at year end", "as at 30 June",
 * "期末余额"); a flow statement (cash flows, or a reconciliation of profit to them) reports what moved
 * over the period, so its rows answer such a question only when they name a moment themselves ("Cash
 * and cash equivalents at 31 December").
 */
const MOMENT_ASK = /\bat\s+(?:the\s+)?(?:year[- ]end|ye|end\s+of)\b|\bas\s+(?:at|of)\b|\bat\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+|\bclosing\b|期末|年末/iu;
const FLOW_TABLE = /\bcash\s+flows?\b|\breconciliation\b[^]*\bcash\b|现金流量/iu;
const MOMENT_LABEL = /\b(?:at|as\s+at|as\s+of)\b|\b(?:end|beginning|start)\s+of\b|\b(?:closing|opening)\b|期末|期初|年末|年初/iu;

/**
 * Whether a row stands between a balance at one moment and one at another ("At 1 January … Additions
 * … At 31 December"): a movement of a roll-forward, not a balance. (Read once per table: a question
 * for a change weighs every fact of the index.)
 */
function isMovementRow(rows: readonly (readonly string[])[], row: number): boolean {
  let moments = momentRowsMemo.get(rows);
  if (!moments) {
    const at = rows.map((cells) => MOMENT_LABEL.test((cells[0] ?? '').trim()));
    moments = { at, first: at.indexOf(true), last: at.lastIndexOf(true) };
    momentRowsMemo.set(rows, moments);
  }
  return !moments.at[row] && moments.first >= 0 && moments.first < row && row < moments.last;
}
const momentRowsMemo = new WeakMap<object, { at: readonly boolean[]; first: number; last: number }>();

/**
 * How strongly the question names an attribute heading: whole (two Han characters are enough for a
 * heading, "性别", "职务", which a row label never is alone), or as a label is named.
 */
function attributeStrength(attribute: string, asked: AskedText, isWord: (term: string) => boolean): number {
  const { key, han } = labelKeys(attribute);
  if (han && key.length === 2) return asked.compact.includes(key) ? 2 : 0;
  return labelStrength(attribute, asked, isWord);
}

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A day of a month, either way round: "December 31", "Dec. 31", "31 December". */
const DAY_MONTH = new RegExp(`\\b(?:${MONTH_NAME}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH_NAME})\\b`, 'giu');
/** A row label that is a date and nothing else (a year may follow): the row is the period ending then. */
const DATE_LABEL = new RegExp(`^\\s*(?:${MONTH_NAME}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH_NAME})(?:,?\\s+(?:19|20)\\d{2})?\\s*:?\\s*$`, 'iu');

/** "dec-31": a month (by its first three letters) and day, as a key. */
function dayKey(month: string | undefined, day: string | undefined): string | null {
  return month === undefined || day === undefined ? null : `${month.slice(0, 3).toLowerCase()}-${Number(day)}`;
}

/**
 * A table of periods set out as rows ("Quarter Ended" over "March 31", "June 30", … under a "2031:"
 * row): a row labelled by a date alone is named by a question that gives the same day and month
 * ("for the qtr ended dec 31 2031"), as strongly as a one-word label. The year is the block's (fact.year).
 */
function datedRowStrength(label: string, question: string): number {
  const row = DATE_LABEL.exec(label);
  if (!row) return 0;
  const key = dayKey(row[1] ?? row[4], row[2] ?? row[3]);
  for (const asked of question.matchAll(DAY_MONTH)) if (key !== null && dayKey(asked[1] ?? asked[4], asked[2] ?? asked[3]) === key) return 2;
  return 0;
}

/** A column whose figures are all printed as percentages, at least two of them ("12.50%", "3.75%"). */
function percentColumn(rows: ReadonlyArray<readonly string[]>, column: number): boolean {
  const figures = rows.map((cells) => (cells[column] ?? '').trim()).filter((cell) => /\d/u.test(cell));
  return figures.length >= 2 && figures.every((cell) => PERCENT_VALUE.test(cell));
}

/** A column heading that only says it adds up the columns before it, maybe with its currency ("Total $"). */
const TOTAL_COLUMN = /^(?:total|totals|合\s*计|总\s*计)(?:\s*[$€£¥]|\s*[(（][^)）]{1,6}[)）])?$/iu;

/**
 * How strongly the question names an attribute fact: both its row and its heading, or — when it asks
 * who — the one that is not a heading of names ("证券事务代表" × "姓名" answers "证代是谁").
 */
export function attributeFactStrength(fact: TableFact, asked: AskedText, asksWho: boolean, isWord: (term: string) => boolean): number {
  const attribute = fact.attribute ?? '';
  const rowNames = NAME_HEADING.test(fact.label);
  const columnNames = NAME_HEADING.test(attribute);
  // (Both named: a two-character row label is enough here, "电话" beside "证券事务代表".)
  // (A person's row is named by the person's names without the courtesy title: "Ada Quill's total" for "Ms. Ada Quill".)
  const row = rowNames ? 0 : datedRowStrength(fact.label, asked.text) || attributeStrength(fact.label, asked, isWord) || personStrength(fact.label, asked, fact.ref.table.rows);
  // A heading the row label already says ("Total" of "Total assets") names nothing more.
  const rowKeys = labelKeys(fact.label);
  const columnKeys = labelKeys(attribute);
  const repeats = rowKeys.key.includes(columnKeys.key) || (columnKeys.words.length > 0 && columnKeys.words.every((w) => rowKeys.words.includes(w)));
  // (A question for a percentage names the row's column of percentages, "% of total shares issued",
  // as the lesser reading of a heading, whatever else the heading says — or a column that prints
  // nothing but percentages, under a heading cut short or read apart from it.)
  const percentages = () => PERCENT_HEADING.test(attribute) || percentColumn(fact.ref.table.rows, fact.column);
  const column = columnNames || repeats ? 0 : attributeStrength(attribute, asked, isWord) || (PERCENT_ASK.test(asked.text) && percentages() ? 1 : 0);
  if (row > 0 && column > 0) return row + column;
  // A column headed only "Total" holds the row's whole, the whole of what the table is of: a question
  // naming the row and that ("right-of-glaze asset additions" for Additions | Total under "Note 9.
  // Right-of-glaze assets") asks it. (The row alone does not: "total assets" of a segment table's Total
  // column is no statement's figure; one naming another column asks that column.)
  // (A column whose words the note's heading says too — "Plant and equipment" under "Property, plant
  // and equipment" — is not named apart from it.)
  if (row > 0 && TOTAL_COLUMN.test(attribute.trim())) {
    const named = tableHeadings(fact.ref.table)
      .map((heading) => heading.replace(NOTE_NUMBER, ''))
      .map((heading) => ({ words: enWords(heading), strength: attributeStrength(heading, asked, isWord) }))
      .filter((heading) => heading.strength > 0);
    const headingWords = new Set(named.flatMap((heading) => heading.words));
    const otherColumn = fact.ref.table.header.some((heading, c) => {
      if (c === 0 || c === fact.column) return false;
      const cell = cleanLabel(heading);
      return attributeStrength(cell, asked, isWord) > 0 && !enWords(cell).every((w) => headingWords.has(w));
    });
    const whole = Math.max(0, ...named.map((heading) => heading.strength));
    if (whole > 0 && !otherColumn) return row + whole;
  }
  if (asksWho && rowNames && column > 0 && !/\d/u.test(fact.value)) return column;
  if (asksWho && columnNames && row > 0 && !/\d/u.test(fact.value)) return row;
  return 0;
}

/** How strongly the question names a fact: by its row and heading when it has one, else by its label. */
export function factStrength(fact: TableFact, asked: AskedText, asksWho: boolean, isWord: (term: string) => boolean, titleIsContext = true): number {
  if (fact.attribute !== null) return attributeFactStrength(fact, asked, asksWho, isWord);
  const { rows } = fact.ref.table;
  // (A table the question names as where to look — "… on the cash flow statement" — says where, not
  // what: its title's words are the question's words for the table.)
  const context = titleIsContext ? contextWordsOf(fact) : [];
  const own = labelStrength(fact.label, asked, isWord, sharedLeadWords(rows), context) || personStrength(fact.label, asked, rows) || (fact.holder && asksWho ? roleStrength(fact.label, asked) : 0);
  if (own > 0 || !fact.aliases) return own;
  return Math.max(0, ...fact.aliases.map((alias) => labelStrength(alias, asked, isWord) - ALIAS_PENALTY));
}

/**
 * A role named by its title without the title's last "of" complement: "chair of the kiln board" is the
 * "Chair of the Kiln Board of Trustees", "secretary of the trust" the "Secretary of the Trust of Kilns" —
 * the body a role is of is named by its own head noun. What is left names the role only with two
 * words at least ("Chair of the Audit Committee" is no "chair"), one point weaker than the whole.
 */
function roleStrength(label: string, asked: AskedText): number {
  const shorter = /^(.+\S)\s+of\s+(?:the\s+)?[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)?\s*$/iu.exec(label)?.[1];
  if (shorter === undefined) return 0;
  const words = enWords(shorter);
  return words.length >= 2 && words.every((w) => asked.words.has(w)) ? words.length * 2 - 1 : 0;
}

/** The words an English fact's table title and row group say of every row under them (what the rows are of). */
function contextWordsOf(fact: TableFact): readonly string[] {
  // (Read once per table and group: a question weighs every fact of the index.)
  let byGroup = contextWordsMemo.get(fact.ref.table);
  if (!byGroup) {
    byGroup = new Map();
    contextWordsMemo.set(fact.ref.table, byGroup);
  }
  const group = fact.group ?? '';
  let words = byGroup.get(group);
  if (!words) {
    const context = `${fact.ref.table.title} ${group}`;
    words = han(context) ? [] : enWords(context);
    byGroup.set(group, words);
  }
  return words;
}
const contextWordsMemo = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * A courtesy title before a name ("Mr. Ada Quill", "Dr Orrin Vale"): the label is a person's name.
 * (Only a title says so: a column headed "Name" lists subsidiaries and funds as often as people, and
 * "Quorvex Holdings Pty Ltd" is as capitalised as a name.)
 */
const PERSONAL_TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?\s+(?=\p{Lu})/iu;
/** A name as a table lists it: one to four capitalised words. */
const PERSON_NAME = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
const personNamesMemo = new WeakMap<object, ReadonlyMap<string, number>>();

/** The names of a label that is a person's (lower case, stemmed), else none. */
function namesOfPerson(label: string): string[] {
  const untitled = label.trim().replace(PERSONAL_TITLE, '');
  return untitled !== label.trim() && PERSON_NAME.test(untitled) ? enWords(untitled) : [];
}

/** How many of a table's person labels hold each name. */
function personNames(rows: ReadonlyArray<readonly string[]>): ReadonlyMap<string, number> {
  let names = personNamesMemo.get(rows);
  if (!names) {
    const counts = new Map<string, number>();
    for (const row of rows) for (const name of new Set(namesOfPerson(row[0] ?? ''))) counts.set(name, (counts.get(name) ?? 0) + 1);
    names = counts;
    personNamesMemo.set(rows, names);
  }
  return names;
}

/**
 * A person is named by any one of their names that no one else in the table bears ("ada's pay" for
 * "Mr. Ada Quill"; not "quill's" when an "Ms. Bo Quill" is listed too), and by all of them without
 * the title. As strong as a one-word label read in part (1), or as the names whole less one.
 */
function personStrength(label: string, asked: AskedText, rows: ReadonlyArray<readonly string[]>): number {
  const names = namesOfPerson(label);
  if (names.length === 0 || !names.some((name) => asked.words.has(name))) return 0;
  const tableNames = personNames(rows);
  if (names.every((name) => asked.words.has(name))) return names.length * 2 - 1;
  return names.some((name) => asked.words.has(name) && tableNames.get(name) === 1) ? 1 : 0;
}

/**
 * A report's facts by what a question must hold for one to match: the first character of a Chinese
 * label or heading (every way of naming one starts there), each word of an English one, and each
 * pair of adjacent English initials (an initialism the question capitalises). A question is held
 * only against the facts it could name; the answer is the one a scan of every fact would give.
 */
/** A figure of at least this many digits printed under two labels for the same year is no coincidence. */
const MIN_ALIAS_DIGITS = 7;
/** A row named by another label it prints the same figures under is named a little less than by its own. */
const ALIAS_PENALTY = 0.5;

/**
 * Labels of one report that name one quantity, found by what the report prints under them: two labels
 * whose figures are equal in every year both print a figure of MIN_ALIAS_DIGITS digits or more for
 * (the summary table's "归属于上市公司股东的釉料利润" and the income statement's "归属于母公司所有者的釉料利润",
 * "Total glaze revenues" and "Net glaze sales"). Each fact of either label gets the other as an alias — so a
 * quarter's row of one is named by the other's name, which the quarters' table never prints. A
 * label's figures that differ in any year both print are of another quantity; change columns,
 * quarters, attributes and percentages are not compared, nor are labels as short as a total's.
 */
export function withPrintedAliases(facts: readonly TableFact[]): TableFact[] {
  const byLabel = new Map<string, Map<number, Set<string>>>();
  const byFigure = new Map<string, Set<string>>();
  for (const fact of facts) {
    if (fact.year === null || fact.change || fact.quarter !== null || fact.attribute !== null || fact.holder || PERCENT_VALUE.test(fact.value)) continue;
    const { key, han: isHan, words } = labelKeys(fact.label);
    if ((isHan ? key.length < MIN_ZH_LABEL + 2 : words.length < 2) || TOTAL_ONLY.test(fact.label.trim())) continue;
    const figure = fact.value.replace(/[\s,]/gu, '');
    if (!/^[(（-]?\d[\d.]*[)）]?$/u.test(figure)) continue;
    const years = byLabel.get(fact.label) ?? new Map<number, Set<string>>();
    byLabel.set(fact.label, years);
    const printed = years.get(fact.year) ?? new Set<string>();
    years.set(fact.year, printed.add(figure));
    if (figure.replace(/\D/gu, '').length < MIN_ALIAS_DIGITS) continue;
    const at = `${fact.year}|${figure}`;
    byFigure.set(at, (byFigure.get(at) ?? new Set<string>()).add(fact.label));
  }
  const sameEveryYear = (a: string, b: string) => {
    const left = byLabel.get(a);
    const right = byLabel.get(b);
    if (!left || !right) return false;
    for (const [year, figures] of left) {
      const other = right.get(year);
      if (other && ![...figures].some((figure) => other.has(figure))) return false;
    }
    return true;
  };
  const aliases = new Map<string, Set<string>>();
  for (const labels of byFigure.values()) {
    for (const a of labels) {
      for (const b of labels) {
        if (a === b || labelKeys(a).key === labelKeys(b).key || !sameEveryYear(a, b)) continue;
        aliases.set(a, (aliases.get(a) ?? new Set<string>()).add(b));
      }
    }
  }
  return facts.map((fact) => {
    const other = aliases.get(fact.label);
    return other ? { ...fact, aliases: [...other] } : fact;
  });
}

export interface FactIndex {
  facts: readonly TableFact[];
  byKey: ReadonlyMap<string, readonly number[]>;
}

export function indexFacts(facts: readonly TableFact[]): FactIndex {
  const byKey = new Map<string, number[]>();
  const add = (key: string, at: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [at]);
    else if (list.at(-1) !== at) list.push(at);
  };
  facts.forEach((fact, at) => {
    for (const text of [fact.label, fact.attribute ?? '', ...(fact.aliases ?? [])]) {
      const { key, han, words, initials } = labelKeys(text);
      if (han) add(`c${key[0] ?? ''}`, at);
      // (A flow is also named by its object: "…交出去的各项窑税" for 支付的各项窑税; see flowObjectStrength.)
      const flowObject = han ? FLOW_LABEL.exec(key)?.[2] : undefined;
      if (flowObject !== undefined) add(`c${flowObject[0] ?? ''}`, at);
      // (A count is also asked by the noun ending its thing: "多少门店" for 直营门店的数量合计.)
      const thing = key.replace(COUNT_LABEL, '');
      if (han && thing !== key && thing.length >= 2) add(`n${thing.slice(-2)}`, at);
      for (const word of words) add(`w${word}`, at);
      for (let i = 0; i + 1 < initials.length; i += 1) add(`i${initials.slice(i, i + 2)}`, at);
    }
    // (A role is also asked by the verb it is the doer of: "who chairs…" for "Chairman".)
    const roleWord = fact.holder ? /[A-Za-z]+/u.exec(fact.label)?.[0] : undefined;
    if (roleWord !== undefined) for (const verb of doerVerbs(roleWord)) add(`d${verb}`, at);
  });
  return { facts, byKey };
}

/** The facts of the index the question could name, in the index's order. */
export function factsAskedAbout(index: FactIndex, asked: AskedText): TableFact[] {
  const keys = new Set<string>();
  for (const ch of asked.compact) keys.add(`c${ch}`);
  if (asked.counted !== null) keys.add(`n${asked.counted}`);
  for (const word of asked.words) keys.add(`w${word}`);
  for (const token of initialismTokens(asked.text)) keys.add(`i${initialismLetters(token).slice(0, 2)}`);
  const doer = askedDoerVerb(asked.text);
  if (doer !== null) keys.add(`d${doer}`);
  const at = new Set<number>();
  for (const key of keys) for (const i of index.byKey.get(key) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).flatMap((i) => index.facts[i] ?? []);
}

/**
 * A row of the statement a question names outweighs a row labelled alike elsewhere by less than a
 * word of label (2): the label still decides, the statement breaks the tie and the near-tie of a
 * label read by what it is of.
 */
const NAMED_TABLE_BONUS = 1.5;
/**
 * Of two labels the question names equally ("Net quill cost", "Operating quill cost" in "net quill cost
 * in operating expenses"), the one whose words it says in a row, in the label's order: a noun phrase is
 * said whole, and a word of the label met elsewhere in the question belongs to another phrase. Below
 * any other difference of strength (a tenth at least), so it only breaks ties.
 */
const SAID_IN_A_ROW_BONUS = 0.05;

/** Whether `phrase` stands in `words` as a run of consecutive words. */
function saidInARow(phrase: readonly string[], words: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let at = 0; at + phrase.length <= words.length; at += 1) if (phrase.every((word, i) => words[at + i] === word)) return true;
  return false;
}

const han = (text: string) => /\p{Script=Han}/u.test(text);

/** The number a note's heading or title opens with: "Note 12.", "12 ", "30、", "（1）", "2.". */
const NOTE_NUMBER = /^\s*(?:(?:note\s+)?\d{1,3}[.:]?\s+|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)/iu;

/**
 * Whether the question names a Chinese table by its whole title ("销售费用明细里三包费", "管理费用里的差旅费",
 * "合并利润表上的…"): a note's title is the line item it breaks down, and a row of it asked by name is
 * what is asked — the title says where. (Titles too short to say more than a word, as labels, name none.)
 */
function namesHanTable(title: string, asked: AskedText): boolean {
  const key = matchingForm(compact(title.replace(NOTE_NUMBER, '')));
  return key.length >= MIN_ZH_LABEL && asked.compact.includes(key);
}

/**
 * Whether the question names an English table by its title: two of the title's words that stand
 * next to each other in it ("Cash Flows" of "Consolidated Statements of Cash Flows", "Statements …
 * Income" of "Statements of Income"), function words aside, in either order.
 */
function namesTable(title: string, asked: AskedText): boolean {
  const words = enWords(title);
  for (let i = 0; i + 1 < words.length; i += 1) {
    const [a, b] = [words[i], words[i + 1]];
    if (a !== undefined && b !== undefined && a !== b && asked.words.has(a) && asked.words.has(b)) return true;
  }
  return namesTableByInitials(words, asked.shorthand);
}

/**
 * The heading a table's title stands under, where the title is the last heading of its section: a
 * note's sub-heading ("Reconciliations", "Movements in carrying amounts") says what the table does,
 * the note's heading over it what the rows are of ("Note 12. Kiln plant and equipment").
 */
function titledBy(title: string, path: readonly string[]): string[] {
  const parent = path.at(-1) === title ? path.at(-2) : undefined;
  return parent === undefined ? [] : [parent];
}

/** A table's title and the heading it stands under (see titledBy): what names the table. */
export function tableHeadings(table: Pick<ParsedTable, 'title' | 'section'>): string[] {
  return [table.title, ...titledBy(table.title, table.section.path)];
}

/** The question's words of two or three letters, function words aside: what may be a statement's shorthand. */
const shorthandIn = (question: string): ReadonlySet<string> =>
  new Set((question.match(/\b[a-z]{2,3}\b/giu) ?? []).map((w) => w.toLowerCase()).filter((w) => !EN_FUNCTION_WORDS.has(w)));

/**
 * Staff shorthand names a statement by the initials of two or three of its title's words that stand
 * next to each other, function words aside: "bs" for "Balance Sheets", "cf stmt" for "Statement of
 * Cash Flows". The shorthand is a word of its own in the question, and no function word ("is", "as").
 */
function namesTableByInitials(titleWords: readonly string[], shorthand: ReadonlySet<string>): boolean {
  if (shorthand.size === 0) return false;
  for (let i = 0; i < titleWords.length; i += 1) {
    for (const span of [2, 3]) {
      const initials = titleWords.slice(i, i + span).map((w) => w[0] ?? '').join('');
      if (initials.length === span && shorthand.has(initials)) return true;
    }
  }
  return false;
}

/**
 * A role whose first word is the doer of the verb a "who" question asks ("Chairman of the Glimmer Panel" for
 * "who chairs the glimmer panel?", "Auditor" for "who audits the quill accounts?"), its other words asked: as strong as the
 * role named whole.
 */
function doerStrength(role: string, verbStem: string, asked: AskedText): number {
  const [first = '', ...rest] = (role.toLowerCase().match(/[a-z]+/gu) ?? []).filter((w) => !EN_FUNCTION_WORDS.has(w));
  return namesDoer(first, verbStem) && enWords(rest.join(' ')).every((w) => asked.words.has(w)) ? (rest.length + 1) * 2 : 0;
}

/**
 * A label of the shape "<what> <preposition> <what it is of>" ("Payments for property, plant and
 * equipment", "Proceeds from sale of glimmer"), named by what it is of: its words after the first
 * preposition, two or more, all asked. Weaker than the label whole by one word.
 */
function objectStrength(label: string, asked: AskedText): number {
  const object = /^\S.*?\s(?:for|on|from|of|in|to)\s+(.+)$/iu.exec(label.replace(/\([^()]*\)/gu, ' '))?.[1];
  const words = object === undefined ? [] : enWords(object);
  return words.length >= 2 && words.every((w) => asked.words.has(w)) ? words.length * 2 - 1 : 0;
}

/**
 * Whether a value in English words holds no word beyond its label's and the question's (by stem;
 * the question's stems read once per question). (Not Chinese: a one-character value such as 是
 * answers "是否…" with a character the question holds.)
 */
function repeatsWhatIsAsked(fact: TableFact, questionStems: ReadonlySet<string>): boolean {
  if (/[\d\p{Script=Han}]/u.test(fact.value)) return false;
  const value = latinStems(fact.value);
  if (value.size === 0) return false;
  const label = latinStems(fact.label);
  return [...value].every((stem) => questionStems.has(stem) || label.has(stem));
}

/** Punctuation, period words and the moment of a balance (期末余额, 年末) around a bare label typed as a question. */
const BARE_LABEL_EXTRAS = /[？?。！!，,、：:\s]|(?:\d{2}|\d{4})年(?:度)?|去年|今年|上年|本年|本期|上期|报告期|(?:期末|年末)(?:余额|数)?|余额/gu;

/** The best fact for the question, or null when no row label stands whole in it. */
export function answerFromFacts(facts: readonly TableFact[], question: QuestionAnalysis, isWord: (term: string) => boolean = () => false): FactAnswer | null {
  let best: { fact: TableFact; strength: number } | null = null;
  const wantsChange = CHANGE_ASK.test(question.text);
  const unitMatch = ASKED_UNIT.exec(question.text);
  const askedUnit = (unitMatch?.[1] ?? unitMatch?.[2])?.toLowerCase() ?? null;
  const asked = askedText(question.text);
  const asksWho = WHO_ASK.test(question.text);
  const doerVerb = question.language === 'en' ? askedDoerVerb(question.text) : null;
  const asksParent = asksParentOnly(question.text);
  const asksCount = COUNT_ASK.test(question.text);
  const counted = question.language === 'en' ? countedNounEnglish(question.text) : null;
  const countedStem = counted === null ? null : stemWord(counted);
  const asksOpening = OPENING_ASK.test(question.text);
  const asksMoment = MOMENT_ASK.test(question.text);
  const asksNumber = asksForNumber(question.text);
  const asksWhich = WHICH_ASK.test(question.text) && !asksNumber;
  const asksWhen = WHEN_ASK.test(question.text);
  const baseText = SHARE_BASE.exec(question.text)?.[1];
  const shareBase = baseText !== undefined ? new Set(enWords(baseText)) : null;
  const asksRate = RATE_ASK.test(question.text);
  // What is paid (a fee, a salary) or asked in a currency ("in £k", "$m") is money, as "how much" is.
  const asksPlainAmount = (AMOUNT_ASK.test(question.text) || PAYMENT_ASK.test(question.text) || CURRENCY_ASK.test(question.text)) && !question.wantsComparison && !wantsChange && !asksRate;
  const asksPercent = PERCENT_ASK.test(question.text);
  const asksMeasure = MEASURE_ASK.test(question.text);
  const asksAmountMoved = AMOUNT_MOVED.test(question.text) && !/百分|幅度|[%％]|率/u.test(question.text);
  const asksAmount = question.wantsFigure || /\d/u.test(question.text) || question.language !== 'zh';
  // A Chinese question that is nothing but a row's label ("基本每股收益？", "去年净利润") asks its value,
  // as a bare English noun phrase does: no other word says it asks anything else.
  const questionStems = latinStems(question.text);
  const questionWords = question.language === 'en' ? enWords(question.text) : [];
  const bareLabel = question.language === 'zh' ? matchingForm(compact(question.text).replace(BARE_LABEL_EXTRAS, '')) : null;
  const askedQuarter = quarterNamed(question.text);
  const yearFor = new Map<number, number>();
  // (Whether the question names a table, read once per table: many facts share one.)
  const titleNamed = new Map<ParsedTable, boolean>();
  // (Whether a table is wholly the parent's, read once per table: its section path is joined to tell.)
  const parentTables = new Map<object, boolean>();
  for (const fact of facts) {
    const reportYear = fact.ref.report.year;
    if (!yearFor.has(reportYear)) yearFor.set(reportYear, askedYear(question, reportYear));
    if (fact.year !== null && fact.year !== yearFor.get(reportYear)) continue;
    // A quarter's figure answers a question for that quarter, and the year's figure one for the year.
    if (fact.quarter !== askedQuarter) continue;
    // A column that names no period holds the report's own: it does not answer for another year.
    if (fact.attribute !== null && fact.year === null && yearFor.get(reportYear) !== reportYear) continue;
    // "较上年变动多少" reads the change column; any other question the period's own.
    // (A row of a roll-forward between its opening and closing balances — "Additions", "Exchange
    // movements" — is itself a change over the period: it answers what moved. So is a row whose label
    // names a change, "Change in fair value of …", "Increase in receivables": the question's word for
    // the change may be the label's own.)
    const printedChange = () => CHANGE_ASK.test(fact.label) || isMovementRow(fact.ref.table.rows, fact.row);
    if (fact.change !== wantsChange && !(wantsChange && !fact.change && fact.year !== null && printedChange())) continue;
    // "比上年少了多少" asks by how much, an amount: a change printed as a percentage is not it.
    if (fact.change && asksAmountMoved && PERCENT_VALUE.test(fact.value)) continue;
    // (The scale is compared: a currency the column prints its amounts in is no other unit.)
    const scale = fact.unit.replace(CURRENCY_LEAD, '').trim();
    if (askedUnit !== null && !fact.change && scale !== '' && scale.toLowerCase() !== askedUnit) continue;
    // "How many" / "多少人" counts things: an amount of money is not the answer.
    if (asksCount && fact.ref.table.unit?.currency && fact.year !== null) continue;
    // …nor is a percentage, a share of something, unless a rate is asked ("how many percent").
    if (asksCount && !asksRate && PERCENT_VALUE.test(fact.value)) continue;
    // A balance at a moment is no row of a flow statement, unless the row names a moment itself.
    if (asksMoment && FLOW_TABLE.test(`${fact.ref.table.title} ${fact.ref.table.section.path.join(' ')}`) && !MOMENT_LABEL.test(fact.label)) continue;
    // "How many glimmer refills …" counts refills: a row whose label, group, column heading and
    // table name never name the thing counted counts (or sums) something else.
    if (countedStem !== null && !latinStems(`${fact.label} ${fact.group ?? ''} ${fact.ref.table.header[fact.column] ?? ''} ${fact.ref.table.title}`).has(countedStem)) continue;
    if (fact.holder && !asksWho) continue;
    // A row that is the organisation itself (its line in a performance graph, the parent in a list of
    // group companies) is not what a question naming the organisation — as most do — asks.
    if (isOwnName(fact.label, fact.ref.report.organisation)) continue;
    // A group's report answers for the group: the parent's own statement or column only when asked for
    // (then before the group's, as a tie-breaker).
    let parentTable = parentTables.get(fact.ref.table);
    if (parentTable === undefined) parentTables.set(fact.ref.table, (parentTable = parentsTable(fact.ref.table)));
    const parentOnly = parentTable || PARENT_ONLY.test(fact.ref.table.header[fact.column] ?? '');
    if (!asksParent && parentOnly) continue;
    // Asked for the parent alone, a figure of any other table is the group's — its statements, and
    // notes and summaries that name no entity, speak for the group — unless "parent" is a word of the
    // row itself ("Profit attributable to owners of the parent").
    if (asksParent && !parentOnly && !PARENT_ONLY.test(fact.label)) continue;
    // A count, an amount or a rate is not answered by words ("how many drones" by "(Unmanned aircraft) | …"),
    // and nothing by a placeholder a filing prints in place of a value ("[*** ****]"). ("电子信箱是多少"
    // asks for a value that may have no digit.)
    if (!/[\p{L}\p{N}]/u.test(fact.value) || ((asksNumber || asksRate) && !readsAsNumber(fact.value))) continue;
    // A value in words that only says again what its label or the question says ("Warden | Warden"
    // under a signature, "who is the secretary?" by "Secretary") names nothing.
    if (repeatsWhatIsAsked(fact, questionStems)) continue;
    // "What percentage of total revenue came from licensing": a row that names only the whole the share is of
    // ("Revenue", "Total revenue … 100.0 %") is its base, never the share asked.
    const labelWords = labelKeys(fact.label).words;
    if (shareBase !== null && fact.attribute === null && labelWords.length > 0 && labelWords.every((w) => shareBase.has(w))) continue;
    // "What percentage" asks a share: a value that is no percentage — not printed with "%", nor in a
    // column, table or row that says it holds percentages or rates — is not one.
    if (asksPercent && !readsAsPercentage(fact)) continue;
    // "What interest rate…" asks a proportion: an amount of money ("Kiln loan | Fair value | $91,400")
    // is none, unless its row or column says it is a rate. (A change asked — "by how much did the rate
    // move" — may be either.)
    // (So is one in a column whose heading says it holds amounts or balances: "期末余额 | 8,400,000.00".)
    if (RATE_WORD_ASK.test(question.text) && !wantsChange && holdsAmount(fact) && !readsAsPercentage(fact)) continue;
    // "多少吨", "how many hectares" ask a quantity measured in a unit: money ("金额 | 1,204,310.55 元") is none.
    if (asksMeasure && holdsAmount(fact)) continue;
    // "How much" (a fee, a figure in £) asks an amount, not its share ("Licensing (% of Revenue) | 20 %"), unless a change or a rate is asked.
    if (asksPlainAmount && PERCENT_VALUE.test(fact.value)) continue;
    // The total row of a breakdown in shares, 100% of itself, is the base of the shares, no figure of
    // the whole: it answers only a question for a percentage. (A part may be all of its own whole:
    // "fixed pay share | 100%" of one person is a figure.)
    if (WHOLE_SHARE.test(fact.value) && TOTAL_ROW.test(fact.label) && !asksPercent && !asksRate) continue;
    // "Since when", "何时" ask for a date: a value that reads as no date or year ("96.67%") is not one.
    if (asksWhen && !DATE_VALUE.test(fact.value)) continue;
    // "Which firm", "哪家事务所" ask for a name: a bare number is not one ("审计服务的连续年限 | 18").
    if (asksWhich && /^[\s\d.,%％()（）-]+$/u.test(fact.value)) continue;
    // A balance on the first day of a year is that year's opening; a year asked plainly means its end.
    // (So is a row that names the period's start: "Cash at beginning of year", "Opening balance", "期初余额".)
    if ((fact.opening || OPENING_ROW.test(fact.label)) && !asksOpening) continue;
    // A key-value pair answers what it names; an amount needs a question that asks for one (or an
    // English question, whose asking words the analysis does not list).
    if (fact.year !== null && !asksAmount && labelKeys(fact.label).key !== bareLabel) continue;
    // The question names the statement ("… per the cash flow statement"): its rows go first, and one is
    // also named by what it is of ("capex on plant and equipment" for "Payments for plant and equipment"),
    // the stronger of that and any other reading of its label.
    // (A note's sub-heading titles its table, "Reconciliations": the note's heading over it names it too.)
    const { title } = fact.ref.table;
    let inNamedTable = titleNamed.get(fact.ref.table);
    if (inNamedTable === undefined) {
      inNamedTable = han(title) ? namesHanTable(title, asked) : tableHeadings(fact.ref.table).some((heading) => namesTable(heading, asked));
      titleNamed.set(fact.ref.table, inNamedTable);
    }
    const own = Math.max(
      factStrength(fact, asked, asksWho, isWord, !inNamedTable),
      inNamedTable && fact.attribute === null ? objectStrength(fact.label, asked) : 0,
      fact.holder && doerVerb !== null ? doerStrength(fact.label, doerVerb, asked) : 0,
    );
    if (own === 0) continue;
    // A two-character label names a line item of a statement (a period column), not a field of a
    // key-value table ("公司", "地址": every question has such words).
    if (fact.year === null && fact.attribute === null && isShortHanLabel(fact.label)) continue;
    // A "Total" row is the total of what its group, table or column is about: the question must name that too.
    if (TOTAL_ONLY.test(fact.label) && [fact.group, fact.ref.table.title, fact.attribute].every((context) => groupStrength(context, asked) === 0)) continue;
    // (The group heading only breaks ties between rows labelled alike; it weighs a tenth of a label.
    // So do the words that set the fact's column apart from others of its period.)
    const strength = own + 0.1 * (groupStrength(fact.group, asked) + siblingColumnStrength(fact, asked)) + (inNamedTable ? NAMED_TABLE_BONUS : 0);
    // The longest label wins; at equal strength the table holding more rows (a statement holds the
    // line item whole, a note a part of it), then the first (the consolidated statement before the parent's).
    // (Asked for the opening, the balance on the first day of the year goes before the year's end.)
    const inARow = questionWords.length > 0 && saidInARow(labelWords, questionWords) ? SAID_IN_A_ROW_BONUS : 0;
    const weight = strength + inARow + (asksOpening && fact.opening ? 0.1 : 0) + (parentOnly ? 0.5 : 0);
    if (!best || weight > best.strength || (weight === best.strength && fact.tableRows > best.fact.tableRows)) best = { fact, strength: weight };
  }
  if (best && namesSiblingQualifier(best.fact, asked)) return null;
  return best ? { fact: best.fact } : null;
}

/**
 * Whether a Chinese question names a qualifier that a fuller row of the same table adds to the row
 * found: "扣税窑业利润" against 窑业利润, beside which the table prints 扣除税费后的窑业利润. Two
 * characters side by side in the question, neither of the found label, that follow the order of what
 * the fuller label adds (扣…税 of 扣除税费后) ask for the fuller row: the found one is another
 * quantity, and answers nothing.
 */
function namesSiblingQualifier(fact: TableFact, asked: AskedText): boolean {
  const { key, han: isHan } = labelKeys(fact.label);
  if (!isHan || key.length < MIN_ZH_LABEL) return false;
  const own = new Set(key);
  const foreign = [...asked.compact].map((ch) => !own.has(ch) && /\p{Script=Han}/u.test(ch));
  for (const row of fact.ref.table.rows) {
    const fuller = labelKeys(cleanLabel(row[0] ?? '')).key;
    if (fuller.length <= key.length || !isSubsequence(key, fuller)) continue;
    const added = withoutSubsequence(fuller, key);
    for (let i = 0; i + 1 < asked.compact.length; i += 1) {
      if (foreign[i] && foreign[i + 1] && isSubsequence(asked.compact.slice(i, i + 2), added)) return true;
    }
  }
  return false;
}

/** `long` without the characters that spell `short` in order (taken as early as they come). */
function withoutSubsequence(long: string, short: string): string {
  let at = 0;
  let rest = '';
  for (const ch of long) {
    if (ch === short[at]) at += 1;
    else rest += ch;
  }
  return rest;
}
