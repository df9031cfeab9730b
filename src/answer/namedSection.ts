import { compact } from '../text/normalize.js';
import { stemWord } from '../text/stem.js';
import { withoutPartNoun } from './questionAnalysis.js';

/**
 * The part of a report an English question says its figure comes from: "… per the MD&A", "according
 * to the chair's letter", "as stated in the remuneration report". A report prints one quantity in
 * several places, differently (the statement's depreciation beside the narrative's, a table's profit
 * beside the chair's rounded one); a question that names the place asks for that one. The phrase is
 * read with the question (sourcePhrase in questionAnalysis.ts); here, the headings it names.
 */

/** Words that join a heading's words and name nothing ("Statement of Cash Flows"). */
const JOINING = new Set(['of', 'and', 'the', 'a', 'an', 'our', 'its', 'to', 'for', 'in', 'on', 's']);

/** The words of a heading or phrase as stems, possessive "'s" and joining words left out. */
const wordsOf = (text: string): string[] =>
  (text.replace(/['’]s\b/gu, '').toLowerCase().match(/[a-z]+/gu) ?? []).filter((w) => !JOINING.has(w)).map(stemWord);

/** The initials of a heading's words, joining words left out ("Management's Discussion and Analysis" → "mda"). */
const initialsOf = (text: string): string => (text.replace(/['’]s\b/gu, '').match(/[A-Za-z]+/gu) ?? []).filter((w) => !JOINING.has(w.toLowerCase())).map((w) => w[0]?.toLowerCase() ?? '').join('');

/**
 * The section headings the phrase names: every word of it in the heading ("chair's letter" in
 * "Chair's Letter"), or, typed in capitals, the initials of consecutive words of the heading
 * ("MD&A" in "Item 7. Management's Discussion and Analysis of …"). A phrase that the report's own
 * title holds ("the annual report") names the whole report, so no section.
 */
export function sectionsNamed(phrase: string, headings: ReadonlySet<string> | readonly string[], reportTitle: string): Set<string> {
  const named = headingsHolding(phrase, headings, reportTitle);
  // "The kiln levy note": a note's heading need not say "note" ("5. Kiln levy").
  const shorter = named.size === 0 ? withoutPartNoun(phrase) : null;
  return shorter === null ? named : headingsHolding(shorter, headings, reportTitle);
}

function headingsHolding(phrase: string, headings: Iterable<string>, reportTitle: string): Set<string> {
  const named = new Set<string>();
  // (A Chinese phrase is held by a heading that prints it whole: "38、釉料费用" holds 釉料费用.)
  if (/\p{Script=Han}/u.test(phrase)) {
    const key = compact(phrase);
    if (compact(reportTitle).includes(key)) return named;
    for (const heading of headings) if (compact(heading).includes(key)) named.add(heading);
    return named;
  }
  const words = wordsOf(phrase);
  if (words.length === 0) return named;
  const title = new Set(wordsOf(reportTitle));
  if (words.every((w) => title.has(w))) return named;
  const initialism = /^[A-Z][A-Z&]{1,6}$/u.test(phrase.trim()) ? phrase.replace(/&/gu, '').toLowerCase() : null;
  for (const heading of headings) {
    const own = new Set(wordsOf(heading));
    if (words.every((w) => own.has(w)) || (initialism !== null && initialismOf(heading, initialism))) named.add(heading);
  }
  return named;
}

/** Whether the initials of consecutive words of the heading spell the letters (three or more: two spell too much by chance). */
function initialismOf(heading: string, letters: string): boolean {
  return letters.length >= 3 && initialsOf(heading).includes(letters);
}
