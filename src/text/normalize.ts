/**
 * Matching form of report text. Display text is never normalised: answers quote the report as printed,
 * and only comparisons go through here.
 */

const CJK = '\\p{Script=Han}';
// pdf text layers put a space between a number and the CJK word around it ("1260 个", "2031 年"), and
// sometimes inside CJK runs; readers do not see those spaces, so matching must not either.
const SPACE_BETWEEN_CJK_AND_DIGIT = new RegExp(`(?<=[${CJK}\\d%．.，。；：、（）()“”])\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+(?=[\\d${CJK}（(“])`, 'gu');

export function normalizeForMatch(text: string): string {
  const nfkc = text.normalize('NFKC');
  // Text with no Han character (most of an English report) has no such spaces: skip the lookarounds.
  const joined = HAN.test(nfkc) ? nfkc.replace(SPACE_BETWEEN_CJK_AND_DIGIT, '') : nfkc;
  return joined.replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** Strips every space: the comparison used for "is this figure/phrase in that text". */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s,，]/g, '');
}

/** Text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
