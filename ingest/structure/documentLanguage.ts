import type { CleanLine } from '../types.js';

/** The language most of a report is written in: Chinese when Han characters outnumber Latin letters a third. */
export function documentLanguage(lines: readonly CleanLine[]): 'zh' | 'en' {
  let han = 0;
  let latin = 0;
  for (const line of lines) {
    han += line.text.match(HAN)?.length ?? 0;
    latin += line.text.match(LATIN)?.length ?? 0;
  }
  return han * 3 >= latin ? 'zh' : 'en';
}

// Counted with one global match per line: a regex test per character costs more than the rest of structure.
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;
