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

/** The stem of a lower-case word; anything that is not a plain Latin word comes back unchanged. */
export function stemWord(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  let stem = memo.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
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
