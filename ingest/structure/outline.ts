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
}

export type HeadingLevel =
  | { type: 'numbered'; kind: HeadingKind; rank: number; numbers: number[] }
  | { type: 'styled'; style: string }
  | { type: 'named'; id: string };

interface Open {
  key: string;
  level: HeadingLevel;
  size: number;
  text: string;
  id: string;
}

/** Sizes within this many points are the same size. */
const SAME_SIZE = 0.5;
/** Section ids are heading texts cut to this many CJK cells. */
const ID_WIDTH = 40;

export class Outline {
  private open: Open[] = [];
  /** Numbers of the last decimal heading ("1.2.3"); a named part starts the count afresh. */
  private decimal: number[] = [];
  /** The last number each numbering style reached, open or not. */
  private readonly lastNumber = new Map<string, number>();

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

  /** Whether the line may open a heading of this level here (numbers advance plausibly). */
  accepts(level: HeadingLevel): boolean {
    if (level.type !== 'numbered') return true;
    if (level.kind === 'decimal') return decimalAdvances(this.decimal, level.numbers);
    const n = level.numbers[0] ?? 0;
    const same = this.open.findLast((o) => o.key === keyOf(level));
    // A style no longer open starts again from its first numbers, or carries on its earlier count
    // (10-K items run on across PART I and PART II).
    const earlier = this.lastNumber.get(keyOf(level));
    if (!same || same.level.type !== 'numbered') return n <= 3 || (earlier !== undefined && n > earlier && n <= Math.floor(earlier) + 2);
    const previous = same.level.numbers[0] ?? 0;
    // Notes to accounts skip numbers for notes that do not apply; other lists skip at most one.
    const reach = level.kind === 'note' ? 3 : 2;
    return n > previous && n <= Math.floor(previous) + reach;
  }

  /** Opens a heading (after `accepts`): closes what it ends and returns its section. */
  add(level: HeadingLevel, heading: HeadingInput): SectionRef {
    const key = keyOf(level);
    const text = heading.text.trim();
    if (level.type === 'named') {
      this.open = [];
      this.decimal = [];
    } else {
      const same = this.open.findIndex((o) => o.key === key);
      if (same >= 0) this.open = this.open.slice(0, same);
      else while (this.open.length > 0 && closes(level, heading.size, this.open.at(-1) as Open)) this.open.pop();
    }
    if (level.type === 'numbered' && level.kind === 'decimal') this.decimal = level.numbers;
    if (level.type === 'numbered') this.lastNumber.set(key, level.numbers[0] ?? 0);
    const id = level.type === 'named' ? level.id : level.type === 'numbered' && level.kind === 'decimal' ? level.numbers.join('.') : idOf(text);
    this.open.push({ key, level, size: heading.size, text, id });
    return this.section();
  }
}

function keyOf(level: HeadingLevel): string {
  if (level.type === 'named') return `named:${level.id}`;
  if (level.type === 'styled') return `styled:${level.style}`;
  return level.kind === 'decimal' ? `decimal:${level.numbers.length}` : level.kind;
}

/** Whether a new heading ends the open one above it (they are not parent and child). */
function closes(level: HeadingLevel, size: number, open: Open): boolean {
  if (open.level.type === 'named') return true;
  const smaller = size > 0 && open.size > 0 && open.size < size - SAME_SIZE;
  const notLarger = size === 0 || open.size === 0 || open.size <= size + SAME_SIZE;
  if (level.type === 'styled') {
    // A heading set apart by type: siblings and anything in smaller type close.
    return open.level.type === 'styled' ? notLarger : smaller;
  }
  // Parts, chapters and items (PART II, 第二节, Item 7) divide the whole report: no heading set
  // apart by type alone (a cover title, a running statement title) holds them.
  if (open.level.type === 'styled') return (level.type === 'numbered' && level.rank <= 1) || (notLarger && size > 0);
  if (level.type !== 'numbered') return true;
  // A heading in larger type than this one holds it, whatever their numbering.
  if (size > 0 && open.size > size + SAME_SIZE) return false;
  return smaller || open.level.rank >= level.rank;
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
