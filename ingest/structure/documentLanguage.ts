import type { CleanLine } from '../types.js';

/** The language most of a report is written in: Chinese when Han characters outnumber Latin letters a third. */
export function documentLanguage(lines: readonly CleanLine[]): 'zh' | 'en' {
  let han = 0;
  let latin = 0;
  for (const line of lines) {
    const text = line.text;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
      else if (isHanUnit(code)) han += 1;
    }
  }
  return han * 3 >= latin ? 'zh' : 'en';
}

/**
 * Han by UTF-16 unit, counted in a loop: a regex per line allocates an array of every match, and a
 * report has tens of thousands of lines. The ranges are the CJK ideograph blocks of the Basic
 * Multilingual Plane (Extension A, Unified, Compatibility); a character beyond it counts by its high
 * surrogate in the Supplementary Ideographic Plane (U+20000–U+3FFFF), once.
 */
function isHanUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd8bf);
}
