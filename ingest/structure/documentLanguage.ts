import type { CleanLine } from '../types.js';

/** The language most of a report is written in: Chinese when Han characters outnumber Latin letters a third. */
export function documentLanguage(lines: readonly CleanLine[]): 'zh' | 'en' {
  let han = 0;
  let latin = 0;
  for (const line of lines) {
    for (const ch of line.text) {
      if (/\p{Script=Han}/u.test(ch)) han += 1;
      else if (/[A-Za-z]/u.test(ch)) latin += 1;
    }
  }
  return han * 3 >= latin ? 'zh' : 'en';
}
