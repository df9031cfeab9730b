/** Han, kana, Hangul, CJK punctuation and full-width forms: set one em wide. */
const FULL_WIDTH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

/**
 * Width of a line of text in ems, as typeset: CJK and full-width characters 1, a space 0.3, anything
 * else 0.5 (Latin letters and figures average about half an em).
 */
export function emsOf(text: string): { cjk: number; total: number } {
  let cjk = 0;
  let total = 0;
  for (const char of text) {
    if (FULL_WIDTH.test(char)) {
      cjk += 1;
      total += 1;
    } else total += /\s/u.test(char) ? 0.3 : 0.5;
  }
  return { cjk, total };
}
