import { escapeRegExp } from './normalize.js';
import { splitSentences } from './splitSentences.js';

/**
 * The noun a Chinese report calls its own organisation by: a report is about one organisation and
 * says so sentence after sentence ("公司…", "学校…"), so the two-character word that opens far more of
 * its prose sentences than any other is its subject. A question that names it ("公司一共…", "我校…")
 * asks about the report as a whole; the word is no evidence of one passage over another, just as the
 * organisation's full name is not.
 */

/** The subject opens at least this share of the prose sentences (the next word at most half as many). */
const MIN_SUBJECT_SHARE = 0.08;
/** Fewer sentences than this say too little to name a subject. */
const MIN_SENTENCES = 50;
/** Numbering, dates and brackets that open a sentence before its first word ("（二）2031年，…"). */
const LEAD = /^[\s\d年月日，、（）()〔〕【】.．一二三四五六七八九十]+/u;

/** The report's subject noun, or null when no word stands out (or the prose is not Chinese). */
export function reportSubject(prose: Iterable<string>): string | null {
  const openings = new Map<string, number>();
  let sentences = 0;
  for (const text of prose) {
    for (const sentence of splitSentences(text, { lineBreaks: true })) {
      // (A report also calls itself 本公司, 我校: the noun after 本/我/该 is the one counted.)
      const opening = /^[本我该]?(\p{Script=Han}{2})/u.exec(sentence.text.replace(LEAD, ''))?.[1];
      if (opening === undefined || sentence.text.length < 6) continue;
      sentences += 1;
      openings.set(opening, (openings.get(opening) ?? 0) + 1);
    }
  }
  if (sentences < MIN_SENTENCES) return null;
  const [first, second] = [...openings].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_SUBJECT_SHARE * sentences || (second && second[1] * 2 > first[1])) return null;
  return first[0];
}

/**
 * The question without the report's subject, as said in a question: the noun itself, or its last
 * character after 我/本/全/该 ("我校", "全校" for 学校; "本公司", "我司" for 公司).
 */
export function withoutReportSubject(text: string, subject: string | null): string {
  if (subject === null) return text;
  const last = escapeRegExp(subject.slice(-1));
  const pattern = new RegExp(`[我本全该]?${escapeRegExp(subject)}|[我本全该]${last}`, 'gu');
  return text.replace(pattern, ' ').replace(/\s+/gu, ' ').trim();
}
