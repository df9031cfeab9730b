/**
 * The period a column header (or a question) names, as reports print them: a year ("2030年",
 * "2030", "FY2031"), a date ("2030 年 12 月 31 日", "December 31, 2031", "30 June 2031"), a quarter
 * ("第一季度", "Q3 2031"), or a period relative to the report's own ("本期发生额", "上期", "期末余额",
 * "期初余额", "本年比上年增减", "current year", "prior year"). Relative periods are resolved against the
 * report's year by the caller; a change column ("增减", "change", "% change") is marked as such.
 */

/** A text that reads as (or holds) a date or a year: "3 April 2031", "2031-04-03", "June 2031", "2031年4月". */
// (A month by its whole name or its abbreviation, not any word that starts like one: "Novak", "Marketing", "Decision".)
export const DATE_VALUE = /\b(?:19|20)\d{2}\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}\s*年|\d{1,2}\s*月/iu;

export type Relative = 'current' | 'previous' | 'before_previous';

export interface Period {
  /** Calendar year the label names, or null when it is relative or names none. */
  year: number | null;
  /** For labels that name no year: which period of the report they mean. */
  relative: Relative | null;
  /** A balance at a date (年末, 期末, December 31) rather than a flow over the year. */
  pointInTime: boolean;
  /** Quarter 1–4 when the label names one. */
  quarter: number | null;
  /** The column holds a change between periods ("本年比上年增减", "% change", "增长率"). */
  change: boolean;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`, 'iu');
/** Whether a word names a month ("June", "Sept"): a calendar word, capitalised as names are. */
export const isMonthName = (word: string): boolean => MONTH_NAME.test(word);
const YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d.])/u;
const FISCAL_YEAR = /\b(?:FY|F\.Y\.)\s*['’]?(\d{2}|(?:19|20)\d{2})\b/iu;
const CN_DATE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/u;
const EN_DATE = new RegExp(`\\b(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+(?:19|20)\\d{2})\\b`, 'iu');
const CN_YEAR_END = /年\s*(?:末|底)|年末余额/u;
/** The words that set one period against another: "vs.", "versus", "compared with". */
const COMPARED = String.raw`(?:compared\s+(?:to|with)|versus|vs\.?)`;
// ("2031 vs. 2030", "2031 compared with 2030": the difference between the two, not either year.)
const CHANGE = new RegExp(String.raw`增减|变动|变化|增长率|增幅|同比|比上年|较上年|change|increase|decrease|growth|variance|movement|(?:19|20)\d{2}\b.*?\s${COMPARED}\s+(?:FY\s*)?['’]?(?:19|20)?\d{2}\b`, 'iu');
// ("二季度" without 第 is how a question or a short heading says it.)
const CN_QUARTER = /第?\s*([一二三四1-4])\s*季度/u;
const EN_QUARTER = /\b(?:Q([1-4])|(first|second|third|fourth)\s+quarter)\b/iu;
const CURRENT = /本期|本年|本报告期|报告期末|本期末|期末|年末|当期|今年|current\s+(?:year|period)|this\s+year/iu;
const PREVIOUS = /上期|上年|上年同期|上年度|期初|年初|上年末|去年|prior\s+(?:year|period)|previous\s+(?:year|period)|last\s+year|comparative/iu;
const BEFORE_PREVIOUS = /前年|上上年/u;
const POINT_IN_TIME = /期末|期初|年末|年初|余额|末|balance|as\s+(?:at|of)|at\s+(?:the\s+)?end/iu;

const CN_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const EN_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * A run of months named by its first and last ("4到6月", "4-6月份", "四月至六月"): three months that start a
 * quarter are that quarter, as reports print it beside the quarter's name ("第二季度（4-6月份）").
 */
const CN_MONTH = '(1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十])';
const CN_MONTH_RANGE = new RegExp(`(?<![\\d.])${CN_MONTH}\\s*月?\\s*(?:到|至|-|－|—|~|～)\\s*${CN_MONTH}\\s*月`, 'u');
const CN_MONTH_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function quarterOfMonths(text: string): number | null {
  const match = CN_MONTH_RANGE.exec(text);
  if (!match) return null;
  const month = (m: string) => CN_MONTH_NUMBERS[m] ?? Number(m);
  const [first, last] = [month(match[1] ?? ''), month(match[2] ?? '')];
  return first % 3 === 1 && last === first + 2 ? (first + 2) / 3 : null;
}

/** The quarter of a year a text names ("第四季度", "二季度", "4到6月", "Q2", "third quarter"), 1–4, or null. */
export function quarterNamed(text: string): number | null {
  const match = CN_QUARTER.exec(text) ?? EN_QUARTER.exec(text);
  if (!match) return quarterOfMonths(text);
  return CN_NUMERALS[match[1] ?? ''] ?? (Number(match[1]) || EN_ORDINALS[(match[2] ?? '').toLowerCase()] || null);
}

/** The period a label names, or null when it names none. */
export function periodOf(label: string): Period | null {
  const text = label.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (text === '') return null;
  const change = CHANGE.test(text);
  const quarter = quarterNamed(text);
  const date = CN_DATE.exec(text) ?? EN_DATE.exec(text);
  const fiscal = FISCAL_YEAR.exec(text);
  const yearText = date ? YEAR.exec(date[0])?.[1] : (YEAR.exec(text)?.[1] ?? null);
  let year = yearText ? Number(yearText) : null;
  if (year === null && fiscal?.[1]) year = fiscal[1].length === 2 ? 2000 + Number(fiscal[1]) : Number(fiscal[1]);
  const pointInTime = date !== null || CN_YEAR_END.test(text) || POINT_IN_TIME.test(text);
  if (year !== null) return { year, relative: null, pointInTime, quarter, change };
  const relative: Relative | null = BEFORE_PREVIOUS.test(text) ? 'before_previous' : PREVIOUS.test(text) ? 'previous' : CURRENT.test(text) ? 'current' : null;
  if (relative === null && quarter === null && !change) return null;
  return { year: null, relative, pointInTime, quarter, change };
}

/** The calendar year a period stands for in a report whose own period is `reportYear`. */
export function resolvedYear(period: Period, reportYear: number): number | null {
  if (period.year !== null) return period.year;
  if (period.relative === 'current') return reportYear;
  if (period.relative === 'previous') return reportYear - 1;
  if (period.relative === 'before_previous') return reportYear - 2;
  return null;
}

/** The period a statement covers, printed under its title ("For the year ended 31 December 2031", "As at 30 June 2031", "截至 2031 年 12 月 31 日"). */
const PERIOD_LINE =
  /^(?:for\s+the\s+(?:fiscal\s+)?(?:years?|periods?|quarters?|(?:three|six|nine|twelve)\s+months)\s+ended|years?\s+ended|as\s+(?:at|of)\s|at\s+\d{1,2}\s|at\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|截至|截止)/iu;

/** Two periods set against each other ("Year ended … compared to year ended …"): a comparison's title, not the period of one statement. */
const COMPARES_PERIODS = new RegExp(String.raw`\b${COMPARED}\s`, 'iu');

export function isPeriodLine(text: string): boolean {
  const line = text.trim();
  return PERIOD_LINE.test(line) && !COMPARES_PERIODS.test(line);
}

const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A day of a month, in English either way round ("31 Dec", "December 31,", "dec 31"), or in Chinese ("12 月 31 日"), maybe with a year. */
const EN_DAY = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\b\\.?|(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)(?!\\s*[-–]\\s*\\d)`, 'giu');
const CN_DAY = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;

/** The days of the year a text names ("31 December 2031", "Dec 31", "12月31日"), each as month (1–12) and day. */
export function daysNamed(text: string, options: { shorthandYears?: ReadonlySet<number> } = {}): Array<{ month: number; day: number }> {
  const out: Array<{ month: number; day: number }> = [];
  const namesYear = YEAR.test(text);
  for (const m of text.matchAll(EN_DAY)) {
    const day = Number(m[1] ?? m[4]);
    const name = m[2] ?? m[3] ?? '';
    // ("may" in lower case is the verb: "we may 5 times".)
    if (name === 'may') continue;
    // "drawn sep 22" in a text naming no year is September of '22, a month and a year as staff shorten
    // them, when '22 is a year the reports are about; "sep 22nd" and "22 sep" are days.
    const shorthand = m[4] !== undefined && /\d$/u.test(m[0].replace(/\.$/u, '')) && !namesYear && options.shorthandYears?.has(2000 + day);
    if (shorthand) continue;
    const month = MONTH_INDEX.indexOf(name.slice(0, 3).toLowerCase()) + 1;
    if (month > 0 && day >= 1 && day <= 31) out.push({ month, day });
  }
  for (const m of text.matchAll(CN_DAY)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push({ month, day });
  }
  return out;
}

const EN_DATES = new RegExp(EN_DATE.source, 'giu');
const CN_DATES = new RegExp(CN_DATE.source, 'gu');

/** The full dates a text prints ("30 June 2031", "December 31, 2031", "2031年12月31日", "2031-12-31"): day, month and year. */
export function datesNamed(text: string): Array<{ month: number; day: number; year: number }> {
  const out: Array<{ month: number; day: number; year: number }> = [];
  for (const m of text.matchAll(EN_DATES)) {
    const [day] = daysNamed(m[0]);
    if (day) out.push({ ...day, year: Number(YEAR.exec(m[0])?.[1]) });
  }
  // (A Chinese or numeric date prints year, month and day in that order.)
  for (const m of text.matchAll(CN_DATES)) {
    const [year = 0, month = 0, day = 0] = (m[0].match(/\d+/gu) ?? []).map(Number);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) out.push({ month, day, year });
  }
  return out;
}

/**
 * The date of a row that states a stock at a point in time: "Balance at 30 June 2031", "At 31
 * December 2030", "Net book value as at 1 January 2031", "Balance as of December 31, 2030". "At" and
 * "as of" before a date mark a point in time in English; a flow is dated by its period ("for the
 * year ended …") or its day ("paid on 5 May"). Null when the label ends in no such date.
 */
export function stockDate(label: string): { month: number; day: number; year: number } | null {
  const at = /(?:^|\s)(?:at|of)\s+([^]+)$/iu.exec(label.replace(/[:：]\s*$/u, ''));
  // (The last "at": "Cost at valuation at 1 January 2031".)
  const rest = at?.[1]?.split(/\s(?:at|of)\s/iu).at(-1);
  if (rest === undefined || !isDateLine(rest)) return null;
  return datesNamed(rest)[0] ?? null;
}

/** A line that is a date and nothing more ("30 June 2031", "30th June 2031", "December 31, 2031", "2030年12月31日"): a column's period, a signature's date, never a title. */
export function isDateLine(text: string): boolean {
  // Every date shape below holds a digit: a line without one (most lines) is not looked at further.
  if (!/\d/u.test(text)) return false;
  const plain = text.replace(/(\d)(?:st|nd|rd|th)\b/gu, '$1');
  const rest = plain.replace(EN_DATE, '').replace(CN_DATE, '');
  return rest !== plain && !/[\p{L}\p{Script=Han}\d]/u.test(rest);
}
