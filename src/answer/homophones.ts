import { pinyin } from 'pinyin-pro';

/**
 * Chinese typos of sound: staff type by pinyin, and the input method offers a character that sounds
 * like the one meant ("营业收如" for 营业收入, "现金留量" for 现金流量). A character of the question whose
 * two-character neighbourhoods the report never prints, with exactly one character of the same
 * pinyin (tones aside) that makes a neighbourhood the report prints, is read as that character — when,
 * read so, it also stands in a run of three characters the report prints (现金流 for "现今流", 毛利率
 * for "毛利律"). A character that fits its neighbours as typed stays, and so does one no printed
 * character sounds like: the question's own words ("咱们") are not the report's, and are no typos.
 * (A pair says little: staff type abbreviations and chat words the report never prints (证代, 那块,
 * 单季), and some same-sounding character nearly always pairs with one neighbour — 的政, 会的 — so a
 * pair alone would rewrite right words. A typo sits inside the report's own term, which goes on past
 * the pair: the run of three is that term's evidence.)
 */

/** What the answer side knows of a report's printed text: how many passages hold a term, and its terms. */
export interface PrintedTerms {
  documentFrequency(term: string): number;
  vocabulary(): readonly string[];
}

/** A neighbourhood (two characters) must be printed in at least this many passages to stand for what a typo meant. */
const MIN_PASSAGES = 2;
const HAN = /\p{Script=Han}/u;
/**
 * Characters that join words (及, 与, 和, 或, 并, 之, 其, 的): one of them stands beside any word of a
 * report, so a same-sounding one fits some neighbour in nearly every question ("公司给…" as 公司及,
 * "单季经营" as 单及经营). A typo is of a character of the term, never read as one of these.
 */
const CONNECTIVES: ReadonlySet<string> = new Set([...'及与和或并之其的而以']);

/** Toneless readings of a character ("率" → lü, shuai). */
function readings(char: string): string[] {
  return pinyin(char, { toneType: 'none', type: 'array', multiple: true }).filter((r) => r !== '');
}

/** The report's characters by each toneless reading, read once per report. */
const soundIndexes = new WeakMap<PrintedTerms, Map<string, Set<string>>>();

function soundIndex(report: PrintedTerms): Map<string, Set<string>> {
  let index = soundIndexes.get(report);
  if (index) return index;
  index = new Map();
  const chars = new Set<string>();
  for (const term of report.vocabulary()) for (const ch of term) if (HAN.test(ch)) chars.add(ch);
  for (const ch of chars) {
    for (const reading of readings(ch)) {
      const same = index.get(reading) ?? new Set<string>();
      same.add(ch);
      index.set(reading, same);
    }
  }
  soundIndexes.set(report, index);
  return index;
}

/**
 * `asking`: the positions of the question's own asking words (多少, 今年, 的), never read as typos;
 * `printsRun`: whether the reports print a run of characters.
 */
export function homophonesAsPrinted(
  question: string,
  reports: readonly PrintedTerms[],
  asking: ReadonlySet<number>,
  printsRun: (run: string) => boolean,
): string {
  if (reports.length === 0 || !HAN.test(question)) return question;
  const printed = (term: string) => reports.reduce((sum, r) => sum + r.documentFrequency(term), 0);
  const chars = [...question];
  for (let i = 0; i < chars.length; i += 1) {
    const typed = chars[i]!;
    if (!HAN.test(typed) || asking.has(i)) continue;
    const before = HAN.test(chars[i - 1] ?? '') ? chars[i - 1]! : null;
    const after = HAN.test(chars[i + 1] ?? '') ? chars[i + 1]! : null;
    if (before === null && after === null) continue;
    const sides = (ch: string) => [before !== null ? printed(`${before}${ch}`) : 0, after !== null ? printed(`${ch}${after}`) : 0];
    const fits = (ch: string) => sides(ch).reduce((a, b) => a + b, 0);
    if (fits(typed) > 0) continue;
    const alike = new Set<string>();
    for (const report of reports) for (const reading of readings(typed)) for (const ch of soundIndex(report).get(reading) ?? []) if (ch !== typed) alike.add(ch);
    const scored = [...alike]
      .filter((ch) => !CONNECTIVES.has(ch) && Math.max(...sides(ch)) >= MIN_PASSAGES)
      .map((ch) => ({ ch, passages: fits(ch) }))
      .sort((a, b) => b.passages - a.passages);
    const [best, second] = scored;
    if (best && (second === undefined || second.passages < best.passages) && inPrintedRun(chars, i, best.ch, printsRun)) chars[i] = best.ch;
  }
  return chars.join('');
}

/** Whether `ch` at `at`, with two of its neighbours (both before, one each side, or both after), is a run the report prints. */
function inPrintedRun(chars: readonly string[], at: number, ch: string, printsRun: (run: string) => boolean): boolean {
  const read = [...chars.slice(0, at), ch, ...chars.slice(at + 1)];
  for (let start = at - 2; start <= at; start += 1) {
    const run = read.slice(Math.max(0, start), start + 3);
    if (start >= 0 && run.length === 3 && run.every((c) => HAN.test(c)) && printsRun(run.join(''))) return true;
  }
  return false;
}
