import { findFigures, type FoundFigure } from './findFigures.js';

/**
 * "Cash paid for levies was $37.4 million, $28.1 million and $42.3 million in 2031, 2030 and 2029,
 * respectively" and "Depreciation for 2031, 2030 and 2029 was $23.6 million, $22.5 million and $21.7
 * million, respectively": figures listed against a list of years, matched by position. The year each
 * such figure is for, keyed by the figure's start; figures outside such a list are not in the map.
 */

/** A list of two or more years closed by "and" (fiscal years too). */
const YEAR_LIST = /(?:fiscal\s+(?:years?\s+)?)?(?:19|20)\d{2}(?:\s*,\s*(?:fiscal\s+)?(?:19|20)\d{2})*\s*,?\s*(?:and|&)\s+(?:fiscal\s+)?(?:19|20)\d{2}/giu;
const RESPECTIVELY = /\brespectively\b/giu;
const RESPECTIVELY_OR_YEAR = /\brespectively\b|\(\s*(?:FY\s*)?(?:19|20)\d{2}\s*[:,–-]|\b(?:in|for|during)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?(?:19|20)\d{2}\b/iu;

export function respectiveYears(sentence: string, figures: readonly FoundFigure[]): Map<number, number> {
  const years = new Map<number, number>();
  let from = 0;
  for (const word of sentence.matchAll(RESPECTIVELY)) {
    const clause = { start: from, end: word.index };
    from = word.index + word[0].length;
    const lists = [...sentence.slice(clause.start, clause.end).matchAll(YEAR_LIST)];
    // One list of years in the clause: two would leave it unclear which the figures follow.
    const [list, other] = lists;
    if (!list || other) continue;
    const listStart = clause.start + list.index;
    const listEnd = listStart + list[0].length;
    const listed = [...list[0].matchAll(/(?:19|20)\d{2}/gu)].map((m) => Number(m[0]));
    const inClause = figures.filter((f) => f.start >= clause.start && f.end <= clause.end && (f.end <= listStart || f.start >= listEnd));
    // The years close the clause ("… in 2031, 2030 and 2029, respectively"): the figures are the last
    // ones before them. Otherwise the figures are all the clause's others, as many as the years.
    const closes = /^\s*,?\s*$/u.test(sentence.slice(listEnd, clause.end));
    const values = closes ? inClause.filter((f) => f.end <= listStart).slice(-listed.length) : inClause;
    if (values.length !== listed.length) continue;
    values.forEach((figure, i) => years.set(figure.start, listed[i] ?? 0));
  }
  return years;
}

/**
 * The year a sentence states the printed figure `value` for (figureYear: listed against years, followed
 * by one, or set after one in brackets), or null when it states it for none (or for several). The
 * sentence's figures are found only when it has such a list, phrase or bracket: most have none.
 */
export function yearStatedFor(sentence: string, value: string): number | null {
  if (!RESPECTIVELY_OR_YEAR.test(sentence)) return null;
  const figures = findFigures(sentence);
  const years = respectiveYears(sentence, figures);
  const stated = new Set(figures.filter((f) => f.value === value).map((f) => figureYear(sentence, f, years)));
  const [only, ...more] = stated;
  return only !== undefined && only !== null && more.length === 0 ? only : null;
}

/**
 * The year a phrase right after a figure states it for: "increased glimmer margin by $318 thousand in
 * 2030", "7,450 tonnes during fiscal 2031" (its unit word between). A prepositional phrase of time
 * directly after an amount qualifies that amount; a list of years there ("… in 2031 and 2030") is
 * left to "respectively".
 */
const YEAR_AFTER = /^\s*(?:[a-z%]+\s+)?(?:in|for|during)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?((?:19|20)\d{2})\b(?!\s*(?:,|and|&|to|through|[-–—])\s*(?:fiscal\s+)?(?:19|20)\d{2})/iu;

function yearFollowing(sentence: string, figure: FoundFigure): number | null {
  const year = YEAR_AFTER.exec(sentence.slice(figure.end))?.[1];
  return year === undefined ? null : Number(year);
}

/**
 * The year a bracketed comparative names before its figure: "£206,000 (2030: £333,000)", "(2030,
 * £333,000)", "(FY30 – 4.1%)". Reports set the prior year's figure so beside the current one.
 */
const YEAR_IN_BRACKETS = /\(\s*(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?((?:19|20)\d{2})\s*[:,–-]\s*(?:[A-Z]{3}\s*)?[£$€¥]?\s*$/u;

function yearInBrackets(sentence: string, figure: FoundFigure): number | null {
  const year = YEAR_IN_BRACKETS.exec(sentence.slice(Math.max(0, figure.start - 40), figure.start))?.[1];
  return year === undefined ? null : Number(year);
}

/** The year a sentence states a figure for by its own words: a list of years, a phrase of time after it, or a bracketed comparative. */
export function figureYear(sentence: string, figure: FoundFigure, listed: ReadonlyMap<number, number>): number | null {
  return listed.get(figure.start) ?? yearFollowing(sentence, figure) ?? yearInBrackets(sentence, figure);
}

/**
 * A sentence opening on a time after `year` ("In January 2033, the mill drew …", "As of March 31,
 * 2033, …", "During 2033, …"): a fronted phrase of time frames the whole sentence, and one later than
 * the period asked speaks of what came after it (a report's subsequent events).
 */
const OPENING_TIME = /^\W*(?:in|during|as\s+of|as\s+at|at|on|by)\s+(?:the\s+)?(?:[A-Za-z]+\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:[A-Za-z]+\s+)?(?:fiscal\s+(?:year\s+)?)?((?:19|20)\d{2})\s*,/iu;

export function framedAfter(sentence: string, year: number): boolean {
  const framed = OPENING_TIME.exec(sentence)?.[1];
  return framed !== undefined && Number(framed) > year;
}
