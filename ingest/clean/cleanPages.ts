import type { CleanDocument, CleanLine, LaidLine, PageLines } from '../types.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { isPeriodLine } from '../../src/text/periods.js';

/**
 * Drops running headers, footers and page numbers, found by how they repeat across pages rather than
 * by any string written here, so next year's report (or another organisation's) cleans the same way.
 */

/** How many lines at each end of a page count as its margins. */
const TOP_MARGIN = 2;
const BOTTOM_MARGIN = 3;
/** A margin line on at least this share of pages (and 3 pages) is a running header or footer. */
const REPEAT_SHARE = 0.25;
const REPEAT_MIN_PAGES = 3;
/** A running title beside a page number has at least this many characters. */
const MIN_RUNNING_TITLE_CHARS = 4;

// (A filing numbers a part's pages with its letter: "F-9" is the ninth page of the financial statements.)
const PAGE_NUMBER_SHAPES = [/^第\s*(\d+)\s*页$/u, /^[-–—]?\s*(\d+)\s*[-–—]?$/u, /^(\d+)\s*\/\s*\d+$/u, /^page\s*[|:]?\s*(\d+)(\s*of\s*\d+)?$/iu, /^(\d+)\s*of\s*\d+$/iu, /^[A-Z]\s?[-–]\s?(\d{1,3})$/u];

function pageNumberIn(line: string): number | null {
  for (const shape of PAGE_NUMBER_SHAPES) {
    const m = shape.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

/** Same line whatever the page: digits masked, spaces ignored. */
function repeatKey(line: string): string {
  return normalizeForMatch(line).replace(/\s+/g, '').replace(/\d+/g, '#');
}

function marginIndexes(count: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(TOP_MARGIN, count); i += 1) out.add(i);
  for (let i = Math.max(0, count - BOTTOM_MARGIN); i < count; i += 1) out.add(i);
  return [...out];
}

export function cleanPages(pages: PageLines[]): CleanDocument {
  const pageLines = pages.map((p) => ({ page: p.page, lines: p.lines.filter((l) => l.text.trim().length > 0) }));

  const pagesWithKey = new Map<string, Set<number>>();
  // Pages printing the line amid their text, away from the margins, where no running line prints.
  const pagesWithKeyInText = new Map<string, Set<number>>();
  for (const { page, lines } of pageLines) {
    const margins = new Set(marginIndexes(lines.length).filter((i) => inOuterBand(lines[i])));
    lines.forEach((line, i) => {
      const key = repeatKey(line.text);
      if (key.length === 0 || (!margins.has(i) && inOuterBand(line))) return;
      const counts = margins.has(i) ? pagesWithKey : pagesWithKeyInText;
      const seen = counts.get(key) ?? new Set<number>();
      seen.add(page);
      counts.set(key, seen);
    });
  }
  // A line a form repeats in its text ("□ 适用 √ 不适用" under each disclosure) lands in a margin on
  // some pages; a running header or footer prints there on more pages than anywhere else.
  for (const [key, seen] of pagesWithKey) if ((pagesWithKeyInText.get(key)?.size ?? 0) >= seen.size) pagesWithKey.delete(key);
  const threshold = Math.max(REPEAT_MIN_PAGES, Math.ceil(pages.length * REPEAT_SHARE));
  // A part's title printed atop each of its pages (a directors' report of nine pages in a report of
  // sixty) repeats on fewer pages than the whole report's header, but on a run of pages in a row.
  // Its first page prints it as the part's own title, which stays; the pages after repeat it.
  const running = new Set([...pagesWithKey].filter(([, seen]) => seen.size >= threshold).map(([key]) => key));
  const partTitleFirstPages = new Map<string, Set<number>>();
  for (const [key, seen] of pagesWithKey) {
    if (running.has(key) || key.length < MIN_RUNNING_TITLE_CHARS || /#/u.test(key) || longestRun(seen) < PART_RUN_PAGES) continue;
    running.add(key);
    partTitleFirstPages.set(key, new Set([...seen].filter((page) => !seen.has(page - 1))));
  }

  const folios = folioOffsets(pageLines);
  const first = dropRepeats(pageLines, running, pagesWithKey, true, folios, partTitleFirstPages);
  // A short document whose every line repeats on every page ("Hello world" on three pages) has no
  // running header: the repeated line is its content. Only page numbers go.
  const { lines, dropped } = first.lines.length > 0 ? first : dropRepeats(pageLines, running, pagesWithKey, false, folios, partTitleFirstPages);
  const partTitles = first.lines.length > 0 ? findPartTitles(pageLines, running, pagesWithKey, pages.length) : new Map<number, string>();
  return { lines, pageCount: pages.length, droppedRepeats: [...dropped], partTitles };
}

/** A line atop at least this many pages in a row is a running title of the part they make up. */
const PART_RUN_PAGES = 5;

/** The most pages in a row among the given pages. */
function longestRun(pages: ReadonlySet<number>): number {
  let best = 0;
  for (const page of pages) {
    if (pages.has(page - 1)) continue;
    let length = 1;
    while (pages.has(page + length)) length += 1;
    best = Math.max(best, length);
  }
  return best;
}

/** A running line on at least this share of the pages names the report (or its publisher), not a part of it. */
const WHOLE_REPORT_SHARE = 0.8;
/** "(continued)", "Continued", "（续）" after a running title. */
const CONTINUED_SUFFIX = /\s*(?:[(（]\s*(?:continued|cont'?d|续)\s*[)）]|continued)$/iu;

/**
 * The running title at the top of each page that names a part of the report: a running header that
 * repeats on many pages but not on nearly all (the report's own title does), has words, and is no
 * page number or date. Reports set the part they are in there ("Directors' report", "Notes to the
 * financial statements"), so where it changes a new part begins even when no heading prints.
 */
function findPartTitles(
  pageLines: ReadonlyArray<{ page: number; lines: LaidLine[] }>,
  running: ReadonlySet<string>,
  pagesWithKey: ReadonlyMap<string, ReadonlySet<number>>,
  pageCount: number,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const { page, lines } of pageLines) {
    for (let i = 0; i < Math.min(TOP_MARGIN, lines.length); i += 1) {
      const line = lines[i];
      if (!line || !inOuterBand(line)) continue;
      const text = line.text.trim();
      const key = repeatKey(text);
      if (!running.has(key) || (pagesWithKey.get(key)?.size ?? 0) >= WHOLE_REPORT_SHARE * pageCount) continue;
      if (pageNumberIn(text) !== null || isPeriodLine(text) || /\d/u.test(text)) continue;
      if ((text.match(/[\p{L}\p{Script=Han}]/gu) ?? []).length < MIN_RUNNING_TITLE_CHARS) continue;
      out.set(page, text.replace(CONTINUED_SUFFIX, '').trim());
      break;
    }
  }
  return out;
}

/**
 * The offsets between PDF page and printed folio that the report keeps: a page's first or last line
 * that is only a page number, numbered the PDF page minus a fixed offset (cover and contents
 * unnumbered), on at least a quarter of the pages. "23" on PDF page 24, "24" on page 25, … is a folio
 * sequence; a lone figure ending one page is not.
 */
function folioOffsets(pageLines: ReadonlyArray<{ page: number; lines: LaidLine[] }>): Set<string> {
  const counts = new Map<string, number>();
  for (const { page, lines } of pageLines) {
    for (const line of [lines[0], lines.at(-1)]) {
      const text = line?.text.trim() ?? '';
      const number = pageNumberIn(text);
      if (number !== null && number <= page) {
        const key = folioKey(text, page - number);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  // (A part numbered with its letter, "F-1" on, runs over that part's pages only: three pages in
  // step are enough, since a line "F-9" ending pages in step with the PDF's numbering is no chance.)
  const needed = Math.max(REPEAT_MIN_PAGES, Math.ceil(pageLines.length * REPEAT_SHARE));
  return new Set([...counts].filter(([key, n]) => n >= (LETTERED_FOLIO.test(key) ? REPEAT_MIN_PAGES : needed)).map(([key]) => key));
}

/** A folio's letter (the part it numbers, "F" of "F-9"), if any. */
const LETTERED_FOLIO = /^[A-Z]:/u;
/** A folio sequence: its part letter and its offset from the PDF's page numbers ("F:97", ":2"). */
function folioKey(text: string, offset: number): string {
  const letter = /^([A-Z])\s?[-–]/u.exec(text)?.[1] ?? '';
  return `${letter}:${offset}`;
}

/** Share of the page height at the top and at the bottom where running headers and footers print. */
const OUTER_BAND = 0.12;

function inOuterBand(line: LaidLine | undefined): boolean {
  const g = line?.geometry;
  if (!g) return true;
  return g.y < OUTER_BAND * g.pageHeight || g.y > (1 - OUTER_BAND) * g.pageHeight;
}

function dropRepeats(
  pageLines: Array<{ page: number; lines: LaidLine[] }>,
  running: Set<string>,
  pagesWithKey: Map<string, Set<number>>,
  useRepeats: boolean,
  folioOffsets: ReadonlySet<string>,
  partTitleFirstPages: ReadonlyMap<string, ReadonlySet<number>>,
): { lines: CleanLine[]; dropped: Set<string> } {
  const folioAt = (text: string, page: number) => {
    const number = pageNumberIn(text);
    return number !== null && folioOffsets.has(folioKey(text, page - number));
  };
  const dropped = new Set<string>();
  const lines: CleanLine[] = [];
  for (const { page, lines: raw } of pageLines) {
    const drop = new Set<number>();
    const pageNumberLines = new Set<number>();
    // From a PDF, a running line also sits in the page's outer band; text merely near the end of the
    // page's lines (a table's source note above an empty half page) does not.
    // A page's first or last line that continues the report's folio sequence is its folio wherever it
    // prints (a report rendered from a web page prints it right after the text, mid-page).
    const margins = marginIndexes(raw.length).filter((i) => inOuterBand(raw[i]) || ((i === 0 || i === raw.length - 1) && folioAt(raw[i]?.text ?? '', page)));
    for (const i of margins) {
      const text = raw[i]?.text ?? '';
      // A page number that matches the page it stands on is a footer even when only a few pages kept
      // one (the older extractor's output has stray footers on a handful of pages).
      const number = pageNumberIn(text);
      if (number !== null && (Math.abs(number - page) <= 1 || folioOffsets.has(folioKey(text, page - number)))) {
        drop.add(i);
        pageNumberLines.add(i);
      } else if (useRepeats) {
        const key = repeatKey(text);
        if (running.has(key) && !partTitleFirstPages.get(key)?.has(page)) drop.add(i);
      }
    }
    // A stray footer's companion (the wrapped running title just above a dropped page number) repeats
    // on fewer pages than the threshold; drop margin lines that repeat and sit next to a dropped one.
    for (const i of useRepeats ? margins : []) {
      if (drop.has(i)) continue;
      const text = raw[i]?.text ?? '';
      const seen = pagesWithKey.get(repeatKey(text))?.size ?? 0;
      // A running title has words; a character or two beside the page number is the end of a wrapped cell.
      const titleLike = text.replace(/\s+/gu, '').length >= MIN_RUNNING_TITLE_CHARS;
      if (titleLike && seen >= 2 && (pageNumberLines.has(i + 1) || pageNumberLines.has(i - 1))) drop.add(i);
    }
    raw.forEach((line, i) => {
      const text = line.text.trim();
      if (drop.has(i)) {
        dropped.add(text);
        return;
      }
      lines.push({ page, text, norm: normalizeForMatch(text), geometry: line.geometry });
    });
  }
  return { lines, dropped };
}

/** Han, kana and full-width forms: a script that wraps between any two characters, with no spaces. */
const WRAPS_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Joins printed lines of one paragraph. Where CJK is printed a line breaks anywhere, even inside a
 * number ("63.9" / "3%"), so the break was only a wrap and adds nothing — except between two Latin
 * words. Text without CJK breaks only at spaces, so each break is one ("was" / "123." is "was 123."),
 * except after a hyphen ("well-" / "known") or before closing punctuation.
 */
export function joinWrapped(parts: string[]): string {
  let out = '';
  let wrapsAnywhere = false;
  for (const part of parts) {
    wrapsAnywhere ||= WRAPS_ANYWHERE.test(part);
    if (out.length === 0) {
      out = part;
      continue;
    }
    const needsSpace = wrapsAnywhere ? /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(part) : !/[\s-]$/.test(out) && !/^[\s.,;:!?)\]%]/.test(part);
    out += needsSpace ? ` ${part}` : part;
  }
  return out;
}
