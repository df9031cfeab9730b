import type { SectionRef } from '../../src/store/shapes.js';
import { displayWidth } from './lineShapes.js';
import type { HeadingKind } from './headingShapes.js';

/**
 * The report's outline as headings arrive, top to bottom: a stack of open headings. A heading closes
 * every open heading at or below its level and opens its own. The level comes from what kind of
 * heading it is:
 *
 * - numbered: a style seen before (still open) is the same level again, whatever its rank says —
 *   the report's own order wins; a new style nests under open styles that rank above it;
 * - set apart by type (larger, or another face than the body): a larger heading never nests under
 *   a smaller one, and one of the same size and face is a sibling;
 * - a named front or back part (前言, 附录): it stands alone, at the top.
 *
 * Numbers must advance plausibly ("三、" after "二、"), or the line is a list item in the text.
 */

export interface HeadingInput {
  text: string;
  /** Font size of the line; 0 when unknown (text input). */
  size: number;
  /** False when nothing may nest under it (a one-off title): the next heading closes it. */
  holds?: boolean;
  /** Font and size of a numbered heading set apart from the body text (numbered notes in one face are one list). */
  face?: string;
  /** Printed straight under the heading opened last, with no text between them. */
  directlyUnder?: boolean;
  /** Listed on the report's contents page: one of its parts. */
  listed?: boolean;
}

export type HeadingLevel =
  | { type: 'numbered'; kind: HeadingKind; rank: number; numbers: number[] }
  /** `depth`: levels above this face among the report's heading faces of its size (see faceDepth). */
  | { type: 'styled'; style: string; depth?: number }
  | { type: 'named'; id: string };

interface Open {
  holds: boolean;
  listed?: boolean;
  face?: string;
  key: string;
  level: HeadingLevel;
  size: number;
  text: string;
  id: string;
  /** What was open when it came, before it closed anything. */
  before: Open[];
}

/** Letters that are also roman numerals, by their place in the alphabet: i, v, x. */
const ROMAN_LETTERS = new Map([
  [9, 1],
  [22, 5],
  [24, 10],
]);
/** Sizes within this many points are the same size. */
const SAME_SIZE = 0.5;
/** Section ids are heading texts cut to this many CJK cells. */
const ID_WIDTH = 40;

export class Outline {
  private open: Open[] = [];
  /** Numbers of the last decimal heading ("1.2.3"); a named part starts the count afresh. */
  private decimal: number[] = [];
  /** The last number each numbering style reached, open or not, and how many headings held it. */
  private readonly lastNumber = new Map<string, { n: number; depth: number }>();

  constructor(private readonly front: SectionRef) {}

  /** The section text now belongs to: the open headings, or the front matter before the first. */
  section(): SectionRef {
    const last = this.open.at(-1);
    return last ? { id: last.id, path: this.open.map((o) => o.text) } : { id: this.front.id, path: [...this.front.path] };
  }

  /** The open headings, top down (none before the first). */
  path(): string[] {
    return this.open.map((o) => o.text);
  }

  /**
   * Closes the open heading a closing line names ("THIS CONCLUDES THE REMUNERATION REPORT" ends
   * "REMUNERATION REPORT") and everything under it; false when the line names none.
   */
  closeNamed(line: string): boolean {
    const said = line.replace(/\s+/gu, ' ').toLowerCase();
    const at = this.open.findLastIndex((o) => o.text.length >= 4 && said.includes(o.text.replace(/\s+/gu, ' ').toLowerCase()));
    if (at < 0) return false;
    // A part that says where it ends was set inside the text around it (a remuneration report inside
    // the directors' report, set as its sibling): that text resumes — the titles it interrupted at its
    // own level or above (larger, or its size and case) open again; smaller ones stay closed.
    const concluded = this.open[at] as Open;
    const resumed: Open[] = [];
    for (const o of concluded.before) {
      const above = concluded.size > 0 && o.size > concluded.size + SAME_SIZE;
      const alike = Math.abs(o.size - concluded.size) <= SAME_SIZE && inCapitals(o.text) === inCapitals(concluded.text);
      if (!above && !alike) break;
      resumed.push(o);
    }
    this.open = resumed.length > 0 ? resumed : this.open.slice(0, at);
    return true;
  }

  /** Closes the heading opened last (an item that holds nothing after its own line). */
  closeLast(): void {
    this.open.pop();
  }

  /**
   * Opens the heading if it fits the outline here, closing what it ends, and returns its section;
   * null when its number does not advance plausibly (the line is then text, a list item).
   *
   * A numbered heading continues the innermost open list of its style whose number it follows
   * ("二、" after "一、"), closing whatever opened since; a style restarting at its first number
   * while open ("一、" under "一、") opens a list nested in it (an audit report's own 一、…六、 inside
   * a section's 一、, before the section's 二、 resumes the outer list).
   */
  add(given: HeadingLevel, heading: HeadingInput): SectionRef | null {
    const before = [...this.open];
    const level = this.romanOrLetter(given);
    const text = heading.text.trim();
    let key = keyOf(level);
    if (level.type === 'named' || (level.type === 'numbered' && level.kind === 'exhibit')) {
      // A named part, or a document filed with the report (its exhibits are not numbered in sequence), stands at the top.
      this.open = [];
      this.decimal = [];
    } else if (level.type === 'numbered' && level.kind === 'decimal') {
      const same = this.open.findIndex((o) => o.key === key);
      // The same number again over another title is a numbering slip in the report ("2.7 Cash …" then
      // "2.7 Share-based payments"): the next sibling, not a stray number in the text.
      const renumbered = same >= 0 && sameNumbers(this.decimal, level.numbers) && this.open[same]?.text !== text;
      if (!renumbered && !decimalAdvances(this.decimal, level.numbers)) return null;
      if (same >= 0) this.open = this.open.slice(0, same);
      else this.closeFor(level, { ...heading, text });
      this.decimal = level.numbers;
    } else if (level.type === 'numbered') {
      const n = level.numbers[0] ?? 0;
      // Notes to accounts skip numbers for notes that do not apply; other lists skip at most one.
      const reach = level.kind === 'note' ? 3 : 2;
      const follows = (o: Open) => o.level.type === 'numbered' && o.level.kind === level.kind && n > (o.level.numbers[0] ?? 0) && n <= Math.floor(o.level.numbers[0] ?? 0) + reach;
      const continued = this.open.findLastIndex(follows);
      const sameStyle = this.open.filter((o) => o.level.type === 'numbered' && o.level.kind === level.kind);
      if (continued >= 0) {
        key = this.open[continued]?.key ?? key;
        this.open = this.open.slice(0, continued);
      } else if (sameStyle.length > 0) {
        // Parts, chapters and items do not nest: the same one again is a repeated title.
        if (n !== 1 || level.rank <= 1) return null;
        key = `${level.kind}#${sameStyle.length + 1}`;
      } else {
        // A style no longer open starts again from its first numbers, or carries on its earlier
        // count (10-K items run on across PART I and PART II) where it stood, closing what came
        // between (a title set apart by type that interrupted the notes).
        const earlier = this.lastNumber.get(keyOf(level));
        const carriesOn = earlier !== undefined && n > earlier.n && n <= Math.floor(earlier.n) + reach;
        if (!(n <= 3 || carriesOn)) return null;
        if (carriesOn && n > 3 && earlier.depth <= this.open.length) this.open = this.open.slice(0, earlier.depth);
        else this.closeFor(level, { ...heading, text });
      }
      this.lastNumber.set(keyOf(level), { n, depth: this.open.length });
    } else {
      // (A listed part holds the headings set alike that the contents page does not list: it is no sibling of theirs.)
      const same = this.open.findIndex((o) => o.key === key && !(o.listed === true && heading.listed !== true));
      if (same >= 0) this.open = this.open.slice(0, same);
      else this.closeFor(level, { ...heading, text });
    }
    const id = level.type === 'named' ? level.id : level.type === 'numbered' && level.kind === 'decimal' ? level.numbers.join('.') : idOf(text);
    this.open.push({ key, level, size: heading.size, text, id, holds: heading.holds ?? true, before, ...(heading.face ? { face: heading.face } : {}), ...(heading.listed ? { listed: true } : {}) });
    return this.section();
  }

  /**
   * "(i)", "(v)", "(x)" are letters after "(h)", "(u)", "(w)" and roman numerals otherwise: the first
   * of a list "(i) … (ii) …" under a lettered heading.
   */
  private romanOrLetter(level: HeadingLevel): HeadingLevel {
    if (level.type !== 'numbered' || level.kind !== 'letter-paren') return level;
    const n = level.numbers[0] ?? 0;
    const roman = ROMAN_LETTERS.get(n);
    if (roman === undefined) return level;
    const letters = this.open.findLast((o) => o.level.type === 'numbered' && o.level.kind === 'letter-paren');
    const before = letters?.level.type === 'numbered' ? (letters.level.numbers[0] ?? 0) : 0;
    if (before === n - 1 || (before === 0 && (this.lastNumber.get('letter-paren')?.n ?? 0) === n - 1)) return level;
    return { type: 'numbered', kind: 'roman-paren', rank: 6.6, numbers: [roman] };
  }

  /** Closes the open headings a new one of this level ends (they are not its parents). */
  private closeFor(level: HeadingLevel, heading: HeadingInput): void {
    while (this.open.length > 0 && closes(level, heading, this.open.at(-1) as Open)) this.open.pop();
  }
}

function keyOf(level: HeadingLevel): string {
  if (level.type === 'named') return `named:${level.id}`;
  if (level.type === 'styled') return `styled:${level.style}`;
  return level.kind === 'decimal' ? `decimal:${level.numbers.length}` : level.kind;
}

/** Whether a new heading ends the open one above it (they are not parent and child). */
function closes(level: HeadingLevel, heading: HeadingInput, open: Open): boolean {
  const { size, face, text } = heading;
  if (open.level.type === 'named' || !open.holds) return true;
  // A caption heads only the text under it: it nests under whatever is open and closes nothing that holds.
  if (level.type === 'styled' && level.style.startsWith(CAPTION_STYLE)) return false;
  // In notes to the accounts, a numbered title set apart in the same face as an open numbered note is
  // the next note ("23 Issued capital" after "22. Share-based payments"). Parts, items and chapters
  // share their face with the headings under them, so this holds for notes alone.
  const note = open.level.type === 'numbered' && (open.level.kind === 'note' || (open.level.kind === 'decimal' && open.level.numbers.length === 1));
  if (level.type === 'styled' && note && face !== undefined && open.face === face) return true;
  const smaller = size > 0 && open.size > 0 && open.size < size - SAME_SIZE;
  const notLarger = size === 0 || open.size === 0 || open.size <= size + SAME_SIZE;
  if (level.type === 'styled') {
    // A heading set apart by type: siblings and anything in smaller type close. At one size, capitals
    // stand above mixed case ("DIRECTORS' REPORT" holds "Principal activities").
    // At one size, a title in capitals also stands above a numbered heading in mixed case under the
    // parts and items ("REPORT OF INDEPENDENT REGISTERED PUBLIC ACCOUNTING FIRM" after "Note 13 Leases").
    if (open.level.type !== 'styled') {
      // (A filing's lettered sections under an item — "A. Operating Results" — divide the form as its
      // items do: a title in capitals inside one is under it.)
      const belowItems = open.level.type === 'numbered' && open.level.rank > 1 && open.level.kind !== 'letter';
      return smaller || (belowItems && Math.abs(open.size - size) <= SAME_SIZE && inCapitals(text) && !inCapitals(open.text));
    }
    const sameSize = Math.abs(open.size - size) <= SAME_SIZE;
    // Set alike, a part the contents page lists holds the headings it does not list ("Directors'
    // report" over "Principal activities"); a listed one closes them and the part before it.
    if (sameSize && open.listed === true && heading.listed !== true) return false;
    if (sameSize && isCaps(open.level.style) !== isCaps(level.style)) return isCaps(level.style);
    // Two levels set in one size, told apart by the face: the upper one holds the lower.
    if (sameSize && (open.level.depth ?? 0) < (level.depth ?? 0)) return false;
    return notLarger;
  }
  // Parts, chapters and items (PART II, 第二节, Item 7) divide the whole report: no heading set
  // apart by type alone (a cover title, a running statement title) holds them.
  if (open.level.type === 'styled') {
    if (level.type === 'numbered' && level.rank <= 1) return true;
    // A title printed straight over the first heading of a numbered list, no larger than itself,
    // introduces the list ("NOTES TO THE FINANCIAL STATEMENTS" over "Note 1 Summary of …", "Basis of
    // preparation" over "(a) Statement of compliance"): it holds it. (The list's next numbers continue
    // it under the title.)
    const notSmaller = size > 0 && open.size >= size - SAME_SIZE;
    if (level.type === 'numbered' && heading.directlyUnder === true && notSmaller && level.numbers.every((n) => n === 1)) return false;
    return notLarger && size > 0;
  }
  if (level.type !== 'numbered') return true;
  // A heading in larger type than this one holds it, whatever their numbering.
  if (size > 0 && open.size > size + SAME_SIZE) return false;
  return smaller || open.level.rank >= level.rank;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** "2.1" after "1.3.5" is fine when it opens the next chapter; a stray "3.2 …" in prose is not a heading. */
function decimalAdvances(current: number[], next: number[]): boolean {
  const depth = next.length;
  const parent = next.slice(0, depth - 1);
  const last = next[depth - 1] ?? 0;
  if (current.length === 0) return next.every((n) => n === 1) || depth === 1;
  const sameParent = parent.every((n, i) => current[i] === n);
  if (sameParent) {
    const sibling = current[depth - 1] ?? 0;
    return last > sibling && last <= sibling + 2;
  }
  const parentAdvances = parent.length > 0 && parent.slice(0, -1).every((n, i) => current[i] === n) && (parent.at(-1) ?? 0) === (current[parent.length - 1] ?? 0) + 1;
  return parentAdvances && last === 1;
}

function idOf(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (displayWidth(clean) <= ID_WIDTH) return clean;
  let out = '';
  for (const ch of clean) {
    if (displayWidth(out + ch) > ID_WIDTH - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** The mark on the style of a caption: a sentence set alone in its own face over the text it introduces. */
export const CAPTION_STYLE = 'caption:';

/** The mark on a style that sets its lines apart by capitals alone, in the body's face and size. */
export const CAPITALS_STYLE = 'caps:';

/** Latin words set in capitals only ("NOTES TO THE FINANCIAL STATEMENTS"). */
function inCapitals(text: string): boolean {
  return /[A-Z]{2,}\S*\s+\S*[A-Z]{2,}/u.test(text) && !/[a-z]/u.test(text);
}

function isCaps(style: string): boolean {
  return style.startsWith(CAPITALS_STYLE);
}
