import { stemmer } from 'stemmer';

/**
 * English word forms reduced to one stem with the Porter stemmer ("employed", "employs", "employ" →
 * "emploi"; "revenues", "revenue" → "revenu"), so a question and a report that inflect a word
 * differently still meet. The stem is a key, not a word to show: it need not be spelled like either.
 */

/** A Latin word worth stemming: letters only, three or more ("as", "of" stay as they are). */
const STEMMABLE = /^[a-z]{3,}$/u;
const LATIN_WORD = /[a-z]+/gu;

const memo = new Map<string, string>();
/** (Words repeat across a report; the memo is dropped whole when it grows past this.) */
const MEMO_LIMIT = 100_000;

/**
 * British spellings read as American before stemming, so a UK or Australian report and a question
 * typed the other way meet ("authorisation" and "authorizing", "labour" and "labor", "centre" and
 * "center"): the Porter stemmer was written for American English and stems the two apart. Only the
 * regular suffix patterns, each after a stem long enough that the ending is a suffix ("rise",
 * "four", "acre" stay): -ise/-yse and their forms (-isation, -ised, -ising…) → -ize/-yze, -our
 * (and its forms) → -or, -tre/-bre (and -tred) → -ter/-ber, -ogue → -og. Both sides go through it, so a word
 * spelled -ise in both Englishes ("exercise", "enterprise") only changes its key, not its matches.
 */
const BRITISH_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^([a-z]{4,}[iy])s(e|es|ed|ing|er|ers|ation|ations|ational|able)$/u, '$1z$2'],
  [/^([a-z]{3,})our(s|ed|ing|able|ably|ite|ites|ful|less)?$/u, '$1or$2'],
  [/^([a-z]{2,}[bt])re(s)?$/u, '$1er$2'],
  [/^([a-z]{2,}[bt])red$/u, '$1ered'],
  [/^([a-z]{4,})ogue(s)?$/u, '$1og$2'],
];

export function americanSpelling(word: string): string {
  for (const [ending, american] of BRITISH_ENDINGS) if (ending.test(word)) return word.replace(ending, american);
  return word;
}

/** The stem of a lower-case word; anything that is not a plain Latin word comes back unchanged. */
export function stemWord(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  let stem = memo.get(word);
  if (stem === undefined) {
    stem = stemmer(americanSpelling(word));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, stem);
  }
  return stem;
}

/** The stems of every Latin word of a text, in lower case. */
export function latinStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(LATIN_WORD) ?? []) out.add(stemWord(word));
  return out;
}

/** Whether `word` is a Latin word the stemmer reads (the others are matched as printed). */
export const isStemmable = (word: string): boolean => STEMMABLE.test(word);
