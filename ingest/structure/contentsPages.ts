import type { CleanLine } from '../types.js';

/**
 * Table-of-contents pages: their lines are entries that end with a page reference ("第二节 公司简介
 * …… 8", "Item 7. Management's Discussion | 25", "Consolidated Balance Sheets | F-6"), the page
 * references never go back, and the entries are most of the page. Such a page lists headings; it
 * is no table, and its entries are not content: structure skips them.
 */

/** "目录", "Contents", "Table of Contents", "Index" as a line of its own (a footnote mark may cling to it: "TABLE OF CONTENTS1"). */
const CONTENTS_TITLE = /^(?:目\s*录|contents|table\s+of\s+contents|index)\s*(?:\d|\*|†)?$/iu;
/** A page reference: a page number or a lettered one ("F-6", "A-1"). */
const PAGE_REFERENCE = /^(?:\d{1,3}|[A-Z]{1,2}\s?-\s?\d{1,3})$/u;
/** Leader dots or a gap, then a page reference, at the end of a line (the text before it is the entry). */
const LEADER_TAIL = /(?:\s*[.·…．_]{2,}\s*|\s+)(\d{1,3}|[A-Z]{1,2}\s?-\s?\d{1,3})$/u;
const WORDS = /[\p{Script=Han}\p{L}]/u;
/** Of the page's lines, at least this share are entries. */
const ENTRY_SHARE = 0.5;
/** At least this many entries make a contents page (fewer under a contents title). */
const MIN_ENTRIES = 5;
const MIN_ENTRIES_UNDER_TITLE = 3;

export interface Contents {
  /** Pages that are a table of contents (no table is looked for on them). */
  pages: Set<number>;
  /** Indexes of their lines from the contents title or first entry on: not content. A heading printed above stays one. */
  lines: Set<number>;
}

export function findContents(lines: readonly CleanLine[]): Contents {
  const byPage = new Map<number, number[]>();
  lines.forEach((line, i) => {
    const page = byPage.get(line.page) ?? [];
    page.push(i);
    byPage.set(line.page, page);
  });
  const found: Contents = { pages: new Set(), lines: new Set() };
  for (const [page, indexes] of byPage) {
    const titles = indexes.slice(0, 5).filter((i) => CONTENTS_TITLE.test(lines[i]?.text.trim() ?? ''));
    const references = indexes.map((i) => [i, pageReference(lines[i] as CleanLine)] as const).filter((r): r is readonly [number, number] => r[1] !== null);
    const entries = references.map(([, r]) => r);
    const titled = titles.length > 0;
    const enough = entries.length >= (titled ? MIN_ENTRIES_UNDER_TITLE : MIN_ENTRIES) && entries.length >= ENTRY_SHARE * (indexes.length - titles.length);
    const forward = entries.every((r, i) => i === 0 || r >= (entries[i - 1] ?? 0));
    if (!enough || !forward) continue;
    found.pages.add(page);
    // From its title (or first entry) down, the page is contents: part and chapter names printed
    // between the entries ("PART II") list headings too. What stands above is the page's own text.
    const continued = found.pages.has(page - 1);
    const start = continued ? (indexes[0] ?? 0) : Math.min(titles[0] ?? Infinity, references[0]?.[0] ?? Infinity);
    for (const i of indexes) if (i >= start) found.lines.add(i);
  }
  return found;
}

/** A contents line without its leader dots and page reference ("Directors' report ...... 3" → "Directors' report"). */
export function withoutPageReference(text: string): string {
  return text.trim().replace(LEADER_TAIL, '');
}

/** The page a contents entry points to (lettered references order after plain numbers), or null for any other line. */
function pageReference(line: CleanLine): number | null {
  const segments = line.geometry?.segments ?? [];
  let text: string;
  let reference: string;
  if (segments.length >= 2) {
    reference = segments.at(-1)?.text.trim() ?? '';
    text = segments.slice(0, -1).map((s) => s.text).join(' ');
    if (!PAGE_REFERENCE.test(reference)) return null;
  } else {
    const trimmed = line.text.trim();
    // Most lines do not end in a digit: no regex for them.
    if (!/\d$/u.test(trimmed)) return null;
    const m = LEADER_TAIL.exec(trimmed);
    if (!m?.[1]) return null;
    text = trimmed.slice(0, m.index);
    reference = m[1];
    if (!WORDS.test(text)) return null;
  }
  // An entry names a part of the report: its text is words, not a row of figures.
  const digits = text.replace(/[^\d]/gu, '').length;
  if (digits > 0.3 * text.replace(/\s/gu, '').length) return null;
  const lettered = /^([A-Z]{1,2})\s?-\s?(\d{1,3})$/u.exec(reference);
  if (lettered?.[1] && lettered[2]) return 10_000 * (lettered[1].charCodeAt(0) - 64) + Number(lettered[2]);
  return Number(reference);
}
