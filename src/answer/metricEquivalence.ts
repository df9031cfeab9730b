import { stemWord } from '../text/stem.js';
import type { MetricEntry, PrintedFigure } from '../store/shapes.js';
import { compact } from '../text/normalize.js';
import { isMonthName } from '../text/periods.js';
import { parsePrinted } from './exactArithmetic.js';
import { EN_STOP_WORDS } from './questionAnalysis.js';

/**
 * When two registry entries are one quantity (so different figures for them are a conflict the reply
 * shows), and when a restricted metric name may answer a question at all.
 */

/** A name that says a figure changed ("sales increased … to", "收入同比增长"): a change, not a level. */
const STATES_CHANGE = /增长|增加|下降|减少|提高|降低|上升|增幅|降幅|同比|\b(?:increas|decreas|ris|rose|grew|grow|fell|fall|declin|jump|drop)\w*/iu;

/** The metric's name says its figure is a change. */
export function statesChange(name: string): boolean {
  return STATES_CHANGE.test(name);
}

/** The same figure, however printed: "318" and "318.0" million are one figure, "超87%" and "90%以上" two. */
export function sameFigure(a: PrintedFigure, b: PrintedFigure): boolean {
  if (a.value === b.value && a.unit === b.unit && a.qualifier === b.qualifier) return true;
  const x = parsePrinted(a.value);
  const y = parsePrinted(b.value);
  return x !== null && y !== null && Number(x) === Number(y) && a.unit === b.unit && a.qualifier === b.qualifier;
}

/** The years a sentence names ("2022", "2023年"). */
function yearsNamed(text: string): Set<string> {
  return new Set(text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu) ?? []);
}

/** Words that open a name with the period it covers ("当年…", "2031年…"), not the quantity. */
const PERIOD_LEAD = /^(?:当年|本年度|年度|累计|今年|\d{4}年)+/u;

/** The stems of a name's English content words ("for", "in", "was" say nothing of the quantity). */
const contentStems = (name: string): Set<string> => new Set((name.toLowerCase().match(/[a-z]+/gu) ?? []).filter((w) => !EN_STOP_WORDS.has(w)).map(stemWord));

/** English words that add to a name only its period or that it is the whole ("total", "fiscal"), as stems. */
const WHOLE_OR_PERIOD = new Set('total overall whole year years annual fiscal period current quarter'.split(' ').map(stemWord));

/** The content stems an English sentence has after its figure, other than its period's (months too) and those of the figure's name. */
function stemsAfterFigure(entry: MetricEntry): Set<string> {
  const at = entry.evidence.indexOf(entry.value);
  if (at < 0 || /\p{Script=Han}/u.test(entry.evidence)) return new Set();
  const name = contentStems(entry.name);
  const words = (entry.evidence.slice(at + entry.value.length).match(/[A-Za-z]+/gu) ?? []).filter((w) => !isMonthName(w));
  return new Set([...contentStems(words.join(' '))].filter((w) => !name.has(w) && !WHOLE_OR_PERIOD.has(w)));
}

/** Two registry entries for the same quantity: compatible units and names that share most of their words. */
export function sameQuantity(a: MetricEntry, b: MetricEntry): boolean {
  const people = /^(人|名|位)$/u;
  const unitsAgree = a.unit === b.unit || (people.test(a.unit) && people.test(b.unit));
  if (!unitsAgree) return false;
  // "SG&A rose 7.4%" and "SG&A was 19.6% of revenue" are not two readings of one figure.
  if (statesChange(a.name) !== statesChange(b.name)) return false;
  // Nor are figures of two periods: "as of December 31, 2030 … $318.0 million" and "in January 2031 … $334.0 million".
  const yearsA = yearsNamed(a.evidence);
  const yearsB = yearsNamed(b.evidence);
  if (yearsA.size > 0 && yearsB.size > 0 && ![...yearsA].some((y) => yearsB.has(y))) return false;
  // English names each holding a word the other lacks name two quantities ("margin before levy",
  // "margin after levy"); one inside the other may be the same one said more fully.
  const wa = contentStems(a.name);
  const wb = contentStems(b.name);
  if (wa.size > 0 && wb.size > 0 && [...wa].some((w) => !wb.has(w)) && [...wb].some((w) => !wa.has(w))) return false;
  // One inside the other is the same only when the extra words say the period or the whole: a word
  // set into the other's phrase ("vorn levies" → "federal vorn levies") names a part of it.
  const [fewer, more] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (fewer.size > 0 && [...more].some((w) => !fewer.has(w) && !WHOLE_OR_PERIOD.has(w))) return false;
  // Named alike, two English figures whose sentences go on to say whose or which each is, each in a
  // word the other lacks ("… £4,120,000 in the year, paid from the glimmer works" and "… £2,900,000 in
  // the year, paid from the glitter works"), are two quantities.
  const ta = stemsAfterFigure(a);
  const tb = stemsAfterFigure(b);
  if (ta.size > 0 && tb.size > 0 && [...ta].some((w) => !tb.has(w)) && [...tb].some((w) => !ta.has(w))) return false;
  const strip = (name: string) =>
    compact(name)
      .replace(/[“”"'‘’《》（）()…]/gu, '')
      .replace(PERIOD_LEAD, '');
  const na = strip(a.name);
  const nb = strip(b.name);
  const [shorter, longer] = na.length <= nb.length ? [na, nb] : [nb, na];
  if (longer.includes(shorter)) {
    // "当年获证率" is the same quantity as "获证率"; "高级获证率" is a narrower one.
    const extra = longer.replace(shorter, '');
    return /^(当年|年度|本年|今年|届|\d{4}届?)*$/u.test(extra);
  }
  const grams = (s: string) => new Set([...s].slice(0, -1).map((ch, i) => ch + (s[i + 1] ?? '')));
  const ga = grams(na);
  const gb = grams(nb);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return shared / Math.min(ga.size, gb.size) >= 0.6;
}

/**
 * "当年参加蓝鲸湾基地轮训的在校生数" counts only some students: a name whose 的-modifier restricts it
 * answers a question only when the question shares some of that modifier ("在校生人数" alone does not).
 */
export function modifierCovered(name: string, question: string): boolean {
  const at = name.lastIndexOf('的');
  if (at <= 0) return true;
  const modifier = compact(name.slice(0, at))
    .replace(/[“”"（）()…、]/gu, '')
    .replace(PERIOD_LEAD, '');
  if (modifier.length < 2) return true;
  const asked = compact(question);
  for (let i = 0; i + 1 < modifier.length; i += 1) if (asked.includes(modifier.slice(i, i + 2))) return true;
  return false;
}

/**
 * Whether a Chinese metric's name lists several things ("销售各类钻井机、抽水机及配件") of which the
 * question names some, not all: the figure is their total, not the one asked ("抽水机卖了多少台" asks
 * for the part a sentence gives after "其中", not the list's total). An item is named when the question
 * holds its last three characters, its head noun ("钻井机" of "销售各类钻井机"; "钻井机" and "打井机"
 * share two), or the whole of a shorter item. A name that lists nothing, or a question naming none of
 * its items or all of them, is no part.
 */
export function namesPartOfList(name: string, question: string): boolean {
  const items = compact(name)
    .split(/[、及]|和(?=\p{Script=Han})/u)
    .map((item) => item.replace(/[“”"（）()]/gu, ''))
    .filter((item) => item.length >= 2);
  if (items.length < 2) return false;
  const asked = compact(question);
  const named = items.filter((item) => asked.includes(item.slice(-3)));
  return named.length > 0 && named.length < items.length;
}
