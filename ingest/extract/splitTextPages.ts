import type { PageText } from '../../src/store/shapes.js';

/** A printed page-number footer: "第 20 页", "第20页 共110页". */
const FOOTER = /^第\s*(\d+)\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/u;
/** The older extractor marks (most) page starts with exactly one ASCII space; wider indents are prose. */
const PAGE_START_MARK = /^ (?=\S)/u;
/** Ends a sentence or a clause: a line that stops here is not a wrapped printed line. */
const LINE_END = /[。！？!?；;：:…”’」』）)]$/u;

/**
 * Pages of a text export of a report. Three forms:
 * - form feeds (`\f`, as pdftotext writes) separate the pages; numbered 1, 2, … in order;
 * - the "older extractor" form, a blank line after every printed line: the blank lines go, and a
 *   page starts at a line with one leading space (dropped) or right after a "第 N 页" footer line,
 *   which also re-anchors the numbering at N + 1;
 * - anything else (plain text, Markdown): blank lines stay, collapsed to one, so paragraph breaks
 *   survive; a page ends only after a "第 N 页" footer line. No footer: one page.
 * Footer lines stay in the page text: the clean stage drops repeated running lines itself.
 */
export function splitTextPages(text: string): PageText[] {
  const normalised = text.replace(/\r\n?/gu, '\n');
  if (normalised.includes('\f')) {
    const chunks = normalised.split('\f');
    // pdftotext ends every page, the last one included, with a form feed.
    if ((chunks[chunks.length - 1] ?? '').trim() === '') chunks.pop();
    const doubleSpaced = isDoubleSpaced(normalised.split(/[\n\f]/u));
    return chunks.map((chunk, index) => ({ page: index + 1, text: tidyLines(chunk.split('\n'), doubleSpaced).join('\n') }));
  }
  const lines = normalised.split('\n');
  return isDoubleSpaced(lines) ? splitDoubleSpaced(lines) : splitAtFooters(lines);
}

/**
 * True when nearly every printed line is followed by a blank one, and most printed lines stop
 * mid-sentence (wrapped lines). The second test keeps Markdown written one paragraph per line, which
 * also has a blank line after nearly every line, from losing its paragraph breaks.
 */
function isDoubleSpaced(lines: readonly string[]): boolean {
  let gaps = 0;
  let blankGaps = 0;
  let printed = 0;
  let wrapped = 0;
  let previous: number | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    printed++;
    if (!LINE_END.test(line.trimEnd())) wrapped++;
    if (previous !== null) {
      gaps++;
      if (index - previous > 1) blankGaps++;
    }
    previous = index;
  });
  return gaps >= 3 && blankGaps >= 0.75 * gaps && wrapped >= 0.5 * printed;
}

function splitDoubleSpaced(lines: readonly string[]): PageText[] {
  const pages: PageText[] = [];
  let current: { page: number; lines: string[] } | null = null;
  let nextNumber = 1;
  let afterFooter = false;
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    if (current === null || afterFooter || PAGE_START_MARK.test(raw)) {
      if (current) pages.push(toPage(current));
      current = { page: nextNumber, lines: [] };
      nextNumber++;
      afterFooter = false;
    }
    const line = raw.replace(PAGE_START_MARK, '').trimEnd();
    current.lines.push(line);
    const footer = FOOTER.exec(line.trim());
    if (footer) {
      // The footer names this page and so the next. Numbers only move forward: when the count ran
      // ahead (an indented line that was no page start), the footer's lower number is ignored.
      current.page = Math.max(current.page, Number(footer[1]));
      nextNumber = current.page + 1;
      afterFooter = true;
    }
  }
  if (current) pages.push(toPage(current));
  return pages;
}

function splitAtFooters(lines: readonly string[]): PageText[] {
  const pages: PageText[] = [];
  let current: string[] = [];
  let nextNumber = 1;
  for (const line of lines) {
    current.push(line);
    const footer = FOOTER.exec(line.trim());
    if (!footer) continue;
    const number = Math.max(nextNumber, Number(footer[1]));
    pages.push({ page: number, text: tidyLines(current, false).join('\n') });
    current = [];
    nextNumber = number + 1;
  }
  const rest = tidyLines(current, false);
  if (rest.length > 0 || pages.length === 0) pages.push({ page: nextNumber, text: rest.join('\n') });
  return pages;
}

function toPage(page: { page: number; lines: string[] }): PageText {
  return { page: page.page, text: page.lines.join('\n') };
}

/** Trailing spaces off; blank lines dropped (double-spaced) or collapsed to one; none at either end. */
function tidyLines(lines: readonly string[], dropBlank: boolean): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (!dropBlank && out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(line);
  }
  if (out[out.length - 1] === '') out.pop();
  return out;
}
