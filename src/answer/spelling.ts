import { isMonthName } from '../text/periods.js';
import { LEGAL_FORM_WORDS } from '../text/legalForm.js';
import { escapeRegExp } from '../text/normalize.js';
import { isDoerOf } from './namedAnswer.js';
/**
 * Question words read as the reports print them. Typed questions carry typos ("locatons",
 * "outstandng"); a report prints its words right. A word of the question that the report never
 * prints, with exactly one word of the report one edit away (a letter dropped, added, changed, or two
 * swapped), is read as that word. Only words of five letters or more: a short word one edit from
 * another is as likely another word. A word the report does not print and no printed word is near
 * stays as typed — it is the question's own. Staff also type initialisms in lower case ("emea"),
 * which a report prints in capitals.
 */

/** A report's words (Latin letters), read in one pass over its text. */
export interface Vocabulary {
  /** Each word in lower case, and how often the report prints it. */
  counts: ReadonlyMap<string, number>;
  /** Words the report prints in capitals and never otherwise ("EMEA"), in lower case. */
  capitalsOnly: ReadonlySet<string>;
  /**
   * Names: words the report capitalises mid-sentence and never prints in lower case, and words in
   * capitals that open a company's name and are never printed otherwise; in lower case; see `namesIn`.
   */
  names: ReadonlySet<string>;
}

const MIN_TYPO_LETTERS = 5;

/**
 * A capitalised word after a lower-case word of the same sentence: mid-sentence, where only a name
 * is capitalised ("operations in Freedonia"), maybe after a word in capitals that opens the name
 * ("payments through QXR Vantor"). "the" before it is left out, as it marks a defined
 * term ("the Board", "the Group") that questions ask about in lower case as a plain word.
 */
const MID_SENTENCE_CAPITAL = /(?<![A-Za-z'’])([a-z]+)[ ,]+(?:[A-Z]{2,}[ ]+)?([A-Z][a-z]{2,})\b/gu;
/**
 * The items of a list that goes on after such a name ("customers like Quorvex, Brill, DLT, Vane
 * Partners, and Osk"): a list names things of one kind, so its capitalised words are names too,
 * though each stands after a comma, not after a lower-case word.
 */
const LIST_AFTER_NAME = /(?<![A-Za-z'’])([a-z]+)[ ,]+[A-Z][a-z]{2,}((?:,\s+(?:and\s+|or\s+)?[A-Z][A-Za-z&'’.-]*(?:\s+[A-Z][A-Za-z&'’.-]*)*)+)/gu;
/** A legal form as a name prints it: capitalised, in capitals, or in lower case ("Ltd", "LTD", "plc"). */
const PRINTED_LEGAL_FORM = LEGAL_FORM_WORDS.split('|')
  .map((word) => `[${word[0] ?? ''}${(word[0] ?? '').toUpperCase()}](?:${word.slice(1)}|${word.slice(1).toUpperCase()})`)
  .join('|');
/**
 * A word in capitals that opens a company's name: up to four more capitalised words or a bracketed
 * place, then the legal form ("QXR Holdings (HK) Co. Ltd", "QXR, Inc."). Printed in capitals and
 * nowhere else, it is that company's name, however rarely it stands mid-sentence: a subsidiary is
 * listed in a table, not written about.
 */
const COMPANY_IN_CAPITALS = new RegExp(
  `(?<![A-Za-z])([A-Z][A-Z0-9]{2,})(?![A-Za-z])(?:[ ,]+(?:\\([^()\\n]{1,20}\\)|[A-Z][A-Za-z&'’-]*\\.?)){0,4}?[ ,]+(?:${PRINTED_LEGAL_FORM})\\.?(?![A-Za-z])`,
  'gu',
);
/** A capitalised word, not in capitals: the kind of word taken for a name. */
const CAPITALISED_WORD = /\b[A-Z][a-z]{2,}\b/gu;

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  const capitals = new Set<string>();
  const otherwise = new Set<string>();
  const lower = new Set<string>();
  const capitalised = new Set<string>();
  const companies = new Set<string>();
  for (const text of texts) {
    for (const printed of text.match(/[A-Za-z]+/gu) ?? []) {
      const word = printed.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      (printed.length > 1 && printed === printed.toUpperCase() ? capitals : otherwise).add(word);
      if (printed === word) lower.add(word);
    }
    for (const match of text.matchAll(MID_SENTENCE_CAPITAL)) {
      if (match[1] !== 'the' && match[2] !== undefined) capitalised.add(match[2].toLowerCase());
    }
    for (const match of text.matchAll(LIST_AFTER_NAME)) {
      if (match[1] === 'the') continue;
      for (const word of (match[2] ?? '').match(CAPITALISED_WORD) ?? []) capitalised.add(word.toLowerCase());
    }
    for (const match of text.matchAll(COMPANY_IN_CAPITALS)) companies.add((match[1] ?? '').toLowerCase());
  }
  const capitalsOnly = new Set([...capitals].filter((w) => !otherwise.has(w)));
  return {
    counts,
    capitalsOnly,
    names: new Set([...[...capitalised].filter((w) => !lower.has(w)), ...[...companies].filter((w) => capitalsOnly.has(w))]),
  };
}

/**
 * A short word of the question (two to six letters) that the reports print only in capitals, or
 * never print at all, read in capitals, so it can name a label by its initials ("lac" →
 * "Latin America and the Caribbean"); a word the reports print in lower case stays.
 */
export function capitalsAsPrinted(question: string, vocabularies: readonly Vocabulary[], isStopWord: (word: string) => boolean): string {
  return question.replace(/\b[a-z]{2,6}\b/gu, (word) => {
    const otherwise = vocabularies.some((v) => v.counts.has(word) && !v.capitalsOnly.has(word));
    const inCapitals = vocabularies.some((v) => v.capitalsOnly.has(word));
    return !otherwise && (inCapitals || !isStopWord(word)) ? word.toUpperCase() : word;
  });
}

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i += 1) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}

/** The question with each typo read as the one printed word it is an edit away from. */
export function spelledAsPrinted(question: string, vocabularies: readonly Vocabulary[], isStopWord: (word: string) => boolean): string {
  if (vocabularies.length === 0) return question;
  return question.replace(/[A-Za-z]+/gu, (typed) => {
    const word = typed.toLowerCase();
    if (word.length < MIN_TYPO_LETTERS || isStopWord(word) || vocabularies.some((v) => v.counts.has(word))) return typed;
    // (A word printed only in the plural, or only in the singular, is no typo: "share" is read in "shares" as it is.)
    if (vocabularies.some((v) => v.counts.has(`${word}s`) || (word.endsWith('s') && v.counts.has(word.slice(0, -1))))) return typed;
    const near = new Set<string>();
    for (const vocabulary of vocabularies) {
      for (const printed of vocabulary.counts.keys()) {
        // (Nor a word the report prints whole as the start of its doer's noun: "chair" in "Chairman".)
        if (printed.startsWith(word) && isDoerOf(printed, word)) return typed;
        if (printed[0] === word[0] && printed.length >= MIN_TYPO_LETTERS - 1 && oneEditApart(word, printed)) near.add(printed);
      }
    }
    const [only, ...more] = near;
    return only !== undefined && more.length === 0 ? only : typed;
  });
}

/** An initialism stands for a phrase the report prints at least this often. */
const MIN_INITIALISM_PRINTS = 2;
/**
 * A clipped compound stands for a phrase the report prints at least this often: staff clip the
 * phrases a report keeps using ("capital expenditure"); two words that merely begin with the parts of
 * some other word ("grade" → "graphite deposits") meet once or twice.
 */
const MIN_CLIPPED_PRINTS = 3;

/**
 * Shortened forms staff type for a report's phrases, read as the phrase the report prints. Only a
 * word the report never prints itself, in two shapes:
 * - an initialism typed in capitals ("PBT", "D&A"), or letters joined by "&" or "/" in any case ("pp&e", "a/p"): a printed run of words whose first letters spell
 *   it ("profit before tax"), "&" standing for "and" ("depreciation and amortization");
 * - a clipped compound in lower case ("capex", "opex"): two printed words in a row that begin with
 *   its two parts ("capital expenditures").
 * A phrase opening or closing on a function word ("of comprehensive income") is no such phrase, nor
 * one the report abbreviates longer (the "discussion and analysis" of a printed "MD&A" is no "D&A").
 * The phrase printed most often wins (plurals counted with their singular); a tie, or too few
 * prints, leaves the word as typed.
 */
export function spelledOut(
  question: string,
  texts: () => Iterable<string>,
  vocabularies: readonly Vocabulary[],
  isStopWord: (word: string) => boolean,
): string {
  if (vocabularies.length === 0) return question;
  const printed = (word: string) => vocabularies.some((v) => v.counts.has(word.toLowerCase()));
  return question.replace(/\b[A-Za-z](?:\/[A-Za-z]){1,3}\b|\b[A-Za-z]+(?:&[A-Za-z]+)*\b/gu, (asTyped, at: number) => {
    // Letters joined by "&" are an initialism in any case ("pp&e", "r&d"): no word is spelled so. So
    // are single letters joined by "/" ("a/p", "a/r"), read as the letters in capitals.
    const typed = asTyped.includes('/') ? asTyped.replace(/\//gu, '').toUpperCase() : asTyped.includes('&') && asTyped.length <= 6 ? asTyped.toUpperCase() : asTyped;
    const letters = typed.replace(/&/gu, '');
    // ("D&A" is printed as such or not at all: its letters alone, "da", may be some other word.)
    // (Printed as such, it is read in the report's own case: "md&a" as "MD&A".)
    // (So is "a/p": printed as "A/P" it is read so; its letters alone, "AP", may be some other code.)
    const slashed = asTyped.includes('/');
    if (slashed && printedWhole(escapeRegExp(asTyped.toUpperCase()), texts())) return asTyped.toUpperCase();
    if (!slashed && (typed.includes('&') ? printedWhole(typed, texts()) : printed(letters))) return typed;
    // (A question that spells the initialism out itself, "net revenue retention (NRR)", has said what it means.)
    const spelledInQuestion = (form: string) => initialismPattern(form).test(question);
    const twoLetters = LOWER_INITIALISM_PAIR.test(typed);
    const lowerInitialism = (twoLetters || LOWER_INITIALISM.test(typed)) && !isStopWord(typed) && !spelledInQuestion(typed.toUpperCase());
    if (lowerInitialism) {
      const term = printedTerm(typed.toUpperCase(), texts(), isStopWord, !twoLetters);
      if (term !== undefined) return term;
    }
    const initialism = /^[A-Z&]{2,6}$/u.test(typed) && letters.length >= 2 && letters.length <= 5;
    const clipped = /^[a-z]{4,8}$/u.test(typed);
    if (!initialism && !clipped) return asTyped;
    if (initialism && spelledInQuestion(typed)) return asTyped;
    // (A cut is tried only when the report prints words beginning with both parts: most typed words
    // have none, and their question is not read through the whole report.)
    const begins = (part: string) => vocabularies.some((v) => {
      for (const word of v.counts.keys()) if (word.startsWith(part)) return true;
      return false;
    });
    // (A clip that begins a printed word is that one word clipped — "recon" of "reconciliation" — and
    // is read as such (see `unclipped`), not as two words that begin with its halves.)
    if (clipped && begins(typed)) return asTyped;
    const cuts = initialism ? [] : Array.from({ length: typed.length - 3 }, (_, i) => i + 2).filter((cut) => begins(typed.slice(0, cut)) && begins(typed.slice(cut)));
    if (!initialism && cuts.length === 0) return asTyped;
    const patterns = initialism
      ? [initialismPattern(typed)]
      : cuts.map((cut) => new RegExp(`\\b${typed.slice(0, cut)}[a-z]*\\s+${typed.slice(cut)}[a-z]*\\b`, 'giu'));
    const longer = new Map<string, boolean>();
    const longerPrinted = (form: string): boolean => {
      let known = longer.get(form);
      if (known === undefined) longer.set(form, (known = printedWhole(form, texts())));
      return known;
    };
    const counts = new Map<string, { count: number; forms: Map<string, number> }>();
    // Phrases opening on a stop word, and whether one was printed as a label (see `opensLabel`).
    const opensOnStopWord = new Map<string, boolean>();
    for (const text of texts()) {
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const phrase = match[0].toLowerCase().replace(/\s+/gu, ' ');
          const words = phrase.split(' ');
          if (isStopWord(words.at(-1) ?? '')) continue;
          if (isStopWord(words[0] ?? '')) {
            const key = phrase.replace(/s$/u, '');
            opensOnStopWord.set(key, (opensOnStopWord.get(key) ?? false) || opensLabel(text, match.index, match[0]));
          }
          // (The word before, with the typed letters, spelling an initialism the report prints: "MD&A".)
          const before = /([A-Za-z])[A-Za-z'’]*\s+$/u.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[1];
          if (initialism && before !== undefined && longerPrinted(`${before.toUpperCase()}${typed}`)) continue;
          const key = phrase.replace(/s$/u, '');
          const entry = counts.get(key) ?? { count: 0, forms: new Map<string, number>() };
          entry.count += 1;
          entry.forms.set(phrase, (entry.forms.get(phrase) ?? 0) + 1);
          counts.set(key, entry);
        }
      }
    }
    for (const [key, labelled] of opensOnStopWord) if (!labelled) counts.delete(key);
    // The phrase printed beside the question's own neighbour decides first ("trade a/p" is the printed
    // "trade accounts payable", however often "accounting principles" is printed); else the commonest.
    const enough = initialism ? MIN_INITIALISM_PRINTS : MIN_CLIPPED_PRINTS;
    const besideNeighbour = printedBesideNeighbour([...counts.values()].filter((c) => c.count >= enough), besideWords(question, at, asTyped.length, isStopWord), texts);
    if (besideNeighbour) return commonestForm(besideNeighbour) ?? asTyped;
    const [best, second] = [...counts.values()].sort((a, b) => b.count - a.count);
    if (!best || best.count < enough || (second !== undefined && second.count >= best.count)) return asTyped;
    return commonestForm(best) ?? asTyped;
  });
}

/**
 * A phrase opening on a stop word is a term only when the report prints it as a label: capitalised at
 * the start of a line, as a statement prints its rows ("Other glaze reserves", "Other
 * receivables"). Mid-sentence the same words are a preposition's or determiner's run ("of
 * glaze reserves", "other costs incurred"), and a line wrapped before "of" starts in lower case.
 */
function opensLabel(text: string, at: number, printed: string): boolean {
  return /^[A-Z]/u.test(printed) && (at === 0 || /\n[ \t]*$/u.test(text.slice(Math.max(0, at - 8), at)));
}

/**
 * A lower-case word of three or four letters may be an initialism typed without capitals ("cfo"). Two
 * letters are as often a unit or an abbreviation ("sq ft", "km", "eg") as initials: two consonants
 * (no word) are read only as a phrase the report keeps printing (TERM_PRINTS).
 */
const LOWER_INITIALISM = /^[a-z]{3,4}$/u;
const LOWER_INITIALISM_PAIR = /^[b-df-hj-np-tv-xz]{2}$/u;
/**
 * A phrase the report prints this often, and TERM_DOMINANCE times as often as any other its letters
 * spell, is one of its terms however it is cased ("fair value", "balance sheet"): runs of words that
 * merely begin with the letters ("the following table", "global operations") come a few times each.
 */
const TERM_PRINTS = 10;
const TERM_DOMINANCE = 2;

/**
 * The term a lower-case initialism stands for: a phrase whose first letters spell it, printed at least
 * MIN_INITIALISM_PRINTS times, once at least with every word capitalised — as a report prints its
 * terms in headings and titles ("Chief Operating Officer", "Statements of Cash Flows") — when
 * `capitalisedEnough`; or printed TERM_PRINTS times and TERM_DOMINANCE times as often as any other. A
 * run of words that merely begin with the letters ("global operations", "the following table") is
 * neither, and the word stays as typed; nor is the tail of a longer name. The phrase printed most
 * often wins; a tie leaves the word.
 */
function printedTerm(letters: string, texts: Iterable<string>, isStopWord: (word: string) => boolean, capitalisedEnough: boolean): string | undefined {
  const phrases = new Map<string, { count: number; capitalised: boolean; forms: Map<string, number> }>();
  const pattern = initialismPattern(letters);
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const words = match[0].split(/[\s,]+/u).filter(Boolean);
      if (isStopWord(words[0]?.toLowerCase() ?? '') || isStopWord(words.at(-1)?.toLowerCase() ?? '')) continue;
      const phrase = words.join(' ').toLowerCase();
      const key = phrase.replace(/s$/u, '');
      const entry = phrases.get(key) ?? { count: 0, capitalised: false, forms: new Map<string, number>() };
      entry.count += 1;
      // (Capitalised as a tail of a longer name, "Freedonia Pacific Pty Ltd", it is that name's, no term.)
      const before = /([A-Za-z]+)\s+$/u.exec(text.slice(Math.max(0, (match.index ?? 0) - 40), match.index))?.[1];
      const tail = before !== undefined && /^[A-Z]/u.test(before) && !isStopWord(before.toLowerCase());
      entry.capitalised ||= !tail && words.every((w) => /^[A-Z]/u.test(w));
      entry.forms.set(phrase, (entry.forms.get(phrase) ?? 0) + 1);
      phrases.set(key, entry);
    }
  }
  const [top, runnerUp] = [...phrases.values()].sort((a, b) => b.count - a.count);
  if (top && top.count >= TERM_PRINTS && (!runnerUp || top.count >= TERM_DOMINANCE * runnerUp.count)) return commonestForm(top);
  if (!capitalisedEnough) return undefined;
  const terms = [...phrases.values()].filter((p) => p.capitalised && p.count >= MIN_INITIALISM_PRINTS).sort((a, b) => b.count - a.count);
  const [best, second] = terms;
  if (!best || (second !== undefined && second.count >= best.count)) return undefined;
  return commonestForm(best);
}

/** Whether a text prints `form` as a word of its own ("D&A", not the tail of "MD&A"). */
function printedWhole(form: string, texts: Iterable<string>): boolean {
  const pattern = new RegExp(`(?<![A-Za-z&])${form}(?![A-Za-z&])`, 'u');
  for (const text of texts) if (text.includes(form) && pattern.test(text)) return true;
  return false;
}

/** Words whose first letters spell the initialism, in order (a comma may follow a word: "research, development and engineering"); "&" between two letters is "and" (or "&") between their words. */
function initialismPattern(typed: string): RegExp {
  const parts: string[] = [];
  let joinedByAnd = false;
  for (const ch of typed) {
    if (ch === '&') {
      joinedByAnd = true;
      continue;
    }
    const word = `${ch.toLowerCase()}[a-z]+`;
    parts.push(parts.length === 0 ? word : `${joinedByAnd ? ',?\\s+(?:and|&)\\s+' : ',?\\s+'}${word}`);
    joinedByAnd = false;
  }
  return new RegExp(`\\b${parts.join('')}\\b`, 'giu');
}

/** Letters a clipped word keeps: its first, then consonants only ("stmt", "qtr", "mgmt", "yrs"). */
const SKELETON = /^[a-z][b-df-hj-np-tv-xz]{1,5}$/u;
/** A word's first letters, three to six, maybe with a plural "s": "rev", "bal", "divs", "equivs". */
const CLIPPED_START = /^[a-z]{3,7}$/u;
/** The word a skeleton stands for is printed at least this often… */
const MIN_SKELETON_PRINTS = 3;
/** …and this many times as often as any other word it could stand for. */
const SKELETON_DOMINANCE = 2;

/**
 * A clipped word read as the printed word it clips, when the report never prints the typed form, in
 * two shapes:
 * - clipped to its consonants ("stmt", "qtr", "mgmt", "accts", "yr"): one printed word (with its other
 *   forms: plural, inflection) holds its letters in order, begins with its first letter and ends with
 *   its last, or the letter before a silent final "e" ("avg" for "average", "pkg" for "package"; a
 *   typed plural "s" ends a printed plural). No vowel after the first letter is what
 *   tells a skeleton from a word ("big" is no "billing");
 * - clipped to its start ("rev", "bal", "divs", "equivs"): one printed word begins with it (a typed
 *   plural "s" after three letters or more asks a printed plural).
 * The word stood for is printed at least MIN_SKELETON_PRINTS times and SKELETON_DOMINANCE times as
 * often as any other it could be; a word the report prints (in that or another form), a stop word, an initialism the report
 * spells out (its letters begin printed words in a row: "tsr" for "total shareholder return"), or a
 * clipping more than one printed word could stand for stays as typed.
 */
export function unclipped(
  question: string,
  texts: () => Iterable<string>,
  vocabularies: readonly Vocabulary[],
  isStopWord: (word: string) => boolean,
  stem: (word: string) => string,
): string {
  if (vocabularies.length === 0) return question;
  return question.replace(/\b[A-Za-z]+\b/gu, (typed, at: number) => {
    const word = typed.toLowerCase();
    const skeleton = SKELETON.test(word);
    if ((!skeleton && !CLIPPED_START.test(word)) || isStopWord(word) || vocabularies.some((v) => v.counts.has(word))) return typed;
    // A word typed in capitals ("QXR") is an initialism, read elsewhere: a clipped word is typed in lower case.
    if (typed.length > 1 && typed === typed.toUpperCase()) return typed;
    // A word the report prints only in another form of its own ("fee" where it prints "fees") is that
    // word, not a clipping of a longer one ("feedback").
    if (printsOtherForm(word, vocabularies, stem)) return typed;
    // ("tsr": letters that begin printed words in a row are an initialism, read elsewhere — unless
    // the word they would clip is printed many times as often as that phrase: "yr" is "year", not
    // "yet reported".)
    const last = word.at(-1) ?? '';
    // A clipped start keeps the word's first letters, and a plural "s" of its own ("divs", "equivs"):
    // "rev" is no plural of "re".
    const start = word.length >= 4 && last === 's' ? word.slice(0, -1) : word;
    // (A skeleton may also be a word's first letters: "exp" for "expenses".)
    const stands = (printed: string) =>
      (skeleton && printed[0] === word[0] && (printed.at(-1) === last || (printed.endsWith('e') && printed.at(-2) === last)) && holdsInOrder(printed, word)) ||
      (printed.startsWith(start) && (start === word || printed.endsWith('s')));
    const families = printedFamilies(vocabularies, (printed) => printed.length >= word.length + 2 && stands(printed), stem);
    const [best, second] = [...families].sort((a, b) => b.count - a.count);
    // (Counted only as far as it decides: past the prints at which the initialism outweighs the word.)
    const phrasePrints = skeleton ? printedPhraseCount(word, texts(), isStopWord, Math.max(MIN_INITIALISM_PRINTS, best ? Math.floor(best.count / SKELETON_DOMINANCE) + 1 : 0)) : 0;
    // The word printed beside the question's own neighbour decides first ("accrued employee comp" is
    // the printed "employee compensation", however often "company" is printed); else the commonest.
    const besideNeighbour = phrasePrints >= MIN_INITIALISM_PRINTS ? undefined : printedBesideNeighbour(families, besideWords(question, at, typed.length, isStopWord), texts);
    if (besideNeighbour) return commonestForm(besideNeighbour) ?? typed;
    if (phrasePrints >= MIN_INITIALISM_PRINTS && (!best || best.count < SKELETON_DOMINANCE * phrasePrints)) return typed;
    if (!best || best.count < MIN_SKELETON_PRINTS || (second !== undefined && best.count < SKELETON_DOMINANCE * second.count)) return typed;
    return commonestForm(best) ?? typed;
  });
}

/** A clipped pair reads as a phrase the report prints at least this often… */
const MIN_PAIR_PRINTS = 2;
/** …and this many times as often as any other pair of words it could clip. */
const PAIR_DOMINANCE = 2;
/** The first word of a clipped pair is at most this long ("op", "mkt", "accum"). */
const MAX_CLIPPED_LETTERS = 5;

/**
 * Two clipped words in a row read as the two printed words they clip, as a report keeps printing them
 * together: "mkt val" as "market value", "op hours" as "operating hours". Each typed word (in lower
 * case, the first of two to five letters) is its printed word, begins it, or holds its letters in
 * order from the same first letter to the same last ("mkt" in "market"); one of them at least the
 * report never prints. The pair printed most often wins, printed MIN_PAIR_PRINTS times and
 * PAIR_DOMINANCE times as often as the next; else the words stay as typed, for `unclipped` to read
 * one by one. (The report's text is read only for a pair whose both words clip some printed word.)
 */
export function unclippedPairs(question: string, texts: () => Iterable<string>, vocabularies: readonly Vocabulary[], isStopWord: (word: string) => boolean): string {
  if (vocabularies.length === 0) return question;
  const printed = (word: string) => vocabularies.some((v) => v.counts.has(word));
  // (A typed word may be whole: "op hours" is the printed "operating hours".)
  const clips = (typed: string, word: string) =>
    word === typed || (word.length > typed.length && word[0] === typed[0] && (word.startsWith(typed) || (word.at(-1) === typed.at(-1) && holdsInOrder(word, typed))));
  // (Read once per typed word: a word is tried as the second of one pair and the first of the next.)
  const clipping = new Map<string, boolean>();
  const clipsAPrintedWord = (typed: string): boolean => {
    let known = clipping.get(typed);
    if (known === undefined) {
      known = vocabularies.some((v) => {
        for (const word of v.counts.keys()) if (clips(typed, word)) return true;
        return false;
      });
      clipping.set(typed, known);
    }
    return known;
  };
  const reading = (first: string, second: string): string | null => {
    if (isStopWord(first) || isStopWord(second) || (printed(first) && printed(second))) return null;
    if (!clipsAPrintedWord(first) || !clipsAPrintedWord(second)) return null;
    const pattern = new RegExp(String.raw`\b(${first[0] ?? ''}[a-z]+)[ \t]+(${second[0] ?? ''}[a-z]+)\b`, 'giu');
    const counts = new Map<string, number>();
    for (const text of texts()) {
      for (const match of text.matchAll(pattern)) {
        const [one = '', two = ''] = [match[1]?.toLowerCase(), match[2]?.toLowerCase()];
        if (clips(first, one) && clips(second, two)) counts.set(`${one} ${two}`, (counts.get(`${one} ${two}`) ?? 0) + 1);
      }
    }
    const [best, next] = [...counts].sort((a, b) => b[1] - a[1]);
    return !best || best[1] < MIN_PAIR_PRINTS || (next !== undefined && best[1] < PAIR_DOMINANCE * next[1]) ? null : best[0];
  };
  // (Pairs overlap — "new op hours" holds "new op" and "op hours" — so each word is tried with the
  // next, left to right; a pair read takes both its words.)
  const words = [...question.matchAll(/\b[a-z]{2,12}\b/gu)];
  let out = '';
  let at = 0;
  for (let i = 0; i + 1 < words.length; i += 1) {
    const [first, second] = [words[i], words[i + 1]];
    if (!first || !second || first.index < at || first[0].length > MAX_CLIPPED_LETTERS) continue;
    const between = question.slice(first.index + first[0].length, second.index);
    if (!/^[ \t]+$/u.test(between)) continue;
    const read = reading(first[0], second[0]);
    if (read === null) continue;
    out += `${question.slice(at, first.index)}${read}`;
    at = second.index + second[0].length;
    i += 1;
  }
  return out + question.slice(at);
}

/** Letters an inflection adds to a word ("-s", "-es", "-ed", "-ing"). */
const MAX_INFLECTION_LETTERS = 3;

/** Whether the report prints a word of the same stem a few letters longer: its plural, its past, its -ing form. */
function printsOtherForm(word: string, vocabularies: readonly Vocabulary[], stem: (word: string) => string): boolean {
  const own = stem(word);
  return vocabularies.some((v) => {
    for (const printed of v.counts.keys()) {
      if (printed.length > word.length && printed.length <= word.length + MAX_INFLECTION_LETTERS && printed.startsWith(word) && stem(printed) === own) return true;
    }
    return false;
  });
}

/** A word read as another form of a printed word is at least this long, and keeps all but its last two letters. */
const MIN_DERIVED_LETTERS = 6;
const DERIVED_ENDING_LETTERS = 2;

/**
 * A word the report never prints, read as the printed word of its family that stands beside the
 * question's own neighbour: "share registry" is the printed "share register", "quill renewal" the
 * printed "quill renewals". The two share all but the typed word's last two letters (six at least):
 * words of one root told apart by their endings (-ry, -er, -ion, -y). Only beside the neighbour:
 * alone, a root's printed words are as likely other things ("registration").
 */
export function derivedAsPrinted(
  question: string,
  texts: () => Iterable<string>,
  vocabularies: readonly Vocabulary[],
  isStopWord: (word: string) => boolean,
  stem: (word: string) => string,
): string {
  if (vocabularies.length === 0) return question;
  return question.replace(/\b[A-Za-z]+\b/gu, (typed, at: number) => {
    const word = typed.toLowerCase();
    if (word.length < MIN_DERIVED_LETTERS || isStopWord(word) || vocabularies.some((v) => v.counts.has(word))) return typed;
    const root = word.slice(0, Math.max(MIN_DERIVED_LETTERS, word.length - DERIVED_ENDING_LETTERS));
    const families = printedFamilies(vocabularies, (printed) => printed.startsWith(root), stem);
    // (One family of the root is enough: it still has to stand beside the neighbour.)
    const besideNeighbour = printedBesideNeighbour(families, besideWords(question, at, typed.length, isStopWord), texts, 1);
    return besideNeighbour ? (commonestForm(besideNeighbour) ?? typed) : typed;
  });
}

/** A printed word's family: its forms (plural, inflections: one stem) and how often each is printed. */
interface PrintedFamily extends Reading {
  count: number;
  forms: Map<string, number>;
}

/** The printed words `stands` accepts, grouped into families by stem. */
function printedFamilies(vocabularies: readonly Vocabulary[], stands: (printed: string) => boolean, stem: (word: string) => string): PrintedFamily[] {
  const families = new Map<string, PrintedFamily>();
  for (const vocabulary of vocabularies) {
    for (const [printed, count] of vocabulary.counts) {
      if (!stands(printed)) continue;
      const key = stem(printed);
      const family = families.get(key) ?? { count: 0, forms: new Map<string, number>() };
      family.count += count;
      family.forms.set(printed, (family.forms.get(printed) ?? 0) + count);
      families.set(key, family);
    }
  }
  return [...families.values()];
}

/**
 * How often the report prints its most printed phrase of words in a row whose first letters spell
 * `letters`, counted up to `enough`: one phrase printed again and again is a term ("total shareholder return"); many phrases
 * that happen to share their initials are none ("year reported", "years running").
 */
function printedPhraseCount(letters: string, texts: Iterable<string>, isStopWord: (word: string) => boolean, enough: number): number {
  const pattern = initialismPattern(letters.toUpperCase());
  const prints = new Map<string, number>();
  let most = 0;
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const words = match[0].toLowerCase().split(/[\s,&]+/u).filter(Boolean);
      if (isStopWord(words[0] ?? '') || isStopWord(words.at(-1) ?? '')) continue;
      const phrase = words.join(' ');
      const count = (prints.get(phrase) ?? 0) + 1;
      prints.set(phrase, count);
      most = Math.max(most, count);
      if (most >= enough) return most;
    }
  }
  return most;
}

/** The question's words right before and after the one at `at`, when they are no stop words: [before?, after?] as pairs. */
function besideWords(question: string, at: number, length: number, isStopWord: (word: string) => boolean): Array<{ before?: string; after?: string }> {
  const before = /([A-Za-z]+)\s+$/u.exec(question.slice(0, at))?.[1]?.toLowerCase();
  const after = /^\s+([A-Za-z]+)/u.exec(question.slice(at + length))?.[1]?.toLowerCase();
  const out: Array<{ before?: string; after?: string }> = [];
  if (before !== undefined && !isStopWord(before)) out.push({ before });
  if (after !== undefined && !isStopWord(after)) out.push({ after });
  return out;
}

/** A phrase or word a short form may stand for, with the forms it is printed in and how often each. */
interface Reading {
  forms: ReadonlyMap<string, number>;
}

/** The form a reading is printed in most. */
function commonestForm(reading: Reading): string | undefined {
  return [...reading.forms].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Of `minReadings` readings or more (two unless told), the one the texts print beside the question's
 * neighbouring word more often than any other ("trade accounts payable" for "trade a/p"), or
 * undefined: no neighbour, or no reading printed beside it more than the rest.
 */
function printedBesideNeighbour<R extends Reading>(
  readings: readonly R[],
  beside: ReadonlyArray<{ before?: string; after?: string }>,
  texts: () => Iterable<string>,
  minReadings = 2,
): R | undefined {
  if (beside.length === 0 || readings.length < minReadings) return undefined;
  const together = readings.map((reading) => ({ reading, prints: printedBeside([...reading.forms.keys()], beside, texts()) }));
  const [first, next] = together.sort((a, b) => b.prints - a.prints);
  return first && first.prints > 0 && (next === undefined || first.prints > next.prints) ? first.reading : undefined;
}

/** A neighbour of three letters or more may itself be clipped ("admin" of "admin exp"): a printed word it begins stands for it. */
const MIN_CLIPPED_NEIGHBOUR = 3;
const neighbourPattern = (word: string): string => (word.length >= MIN_CLIPPED_NEIGHBOUR ? `${escapeRegExp(word)}[a-z]*` : escapeRegExp(word));

/** How often the texts print one of `forms` right after a `before` word or right before an `after` word. */
function printedBeside(forms: readonly string[], beside: ReadonlyArray<{ before?: string; after?: string }>, texts: Iterable<string>): number {
  const alternatives = forms.map(escapeRegExp).join('|');
  const patterns = beside.map(({ before, after }) =>
    before !== undefined ? new RegExp(`\\b${neighbourPattern(before)}\\s+(?:${alternatives})\\b`, 'giu') : new RegExp(`\\b(?:${alternatives})\\s+${neighbourPattern(after ?? '')}\\b`, 'giu'),
  );
  let prints = 0;
  for (const text of texts) for (const pattern of patterns) prints += [...text.matchAll(pattern)].length;
  return prints;
}

/** Whether the letters of `short` stand in `long` in order. */
function holdsInOrder(long: string, short: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at += 1;
  return at === short.length;
}

/**
 * The words of a question that name something in the reports: a place, a business, a person, a
 * product — words the reports capitalise mid-sentence and never print in lower case. A figure stated
 * for the whole does not answer a question about one named part of it ("revenue in Freedonia").
 */
export function namesIn(question: string, vocabularies: readonly Vocabulary[], isStopWord: (word: string) => boolean): string[] {
  const words = new Set((question.match(/[A-Za-z]+/gu) ?? []).map((w) => w.toLowerCase()));
  // (A month is capitalised as a name is, but says when, not which part.)
  return [...words].filter((w) => !isStopWord(w) && !isMonthName(w) && vocabularies.some((v) => v.names.has(w)));
}
