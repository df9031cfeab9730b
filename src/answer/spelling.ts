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
}

const MIN_TYPO_LETTERS = 5;

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  const capitals = new Set<string>();
  const otherwise = new Set<string>();
  for (const text of texts) {
    for (const printed of text.match(/[A-Za-z]+/gu) ?? []) {
      const word = printed.toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      (printed.length > 1 && printed === printed.toUpperCase() ? capitals : otherwise).add(word);
    }
  }
  return { counts, capitalsOnly: new Set([...capitals].filter((w) => !otherwise.has(w))) };
}

/**
 * A short word of the question (two to six letters) that the reports print only in capitals, or
 * never print at all, read in capitals, so it can name a label by its initials ("emea" →
 * "Europe, Middle East, and Africa"); a word the reports print in lower case stays.
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
    const near = new Set<string>();
    for (const vocabulary of vocabularies) {
      for (const printed of vocabulary.counts.keys()) {
        if (printed[0] === word[0] && printed.length >= MIN_TYPO_LETTERS - 1 && oneEditApart(word, printed)) near.add(printed);
      }
    }
    const [only, ...more] = near;
    return only !== undefined && more.length === 0 ? only : typed;
  });
}
