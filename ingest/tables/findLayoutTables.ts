import { bodyFontSize } from '../layout/bodyStyle.js';
import { isYearNumber, parseAmount } from '../../src/text/amounts.js';
import { unitLine } from '../../src/text/unitLines.js';
import { tableCaption, figureCaption, isChoiceLine, isSourceNote } from '../structure/lineShapes.js';
import { leadsInto, numberedShape } from '../structure/headingShapes.js';
import type { CleanLine, LineGeometry, Segment } from '../types.js';

/**
 * Tables found from where text sits on the page, ruled or not: runs of lines whose pieces line up in
 * shared columns. Only the positions pdf.js already gave are used (no second parse of a page's
 * drawing operators). The method is the classic one for text-positioned tables:
 *
 * 1. A run of consecutive lines that are either split into several segments or short enough to be a
 *    single cell is a table candidate; prose lines, headings, captions and wide vertical gaps end it.
 * 2. Column separators are the x positions that lie in a gap between segments on (nearly) every line
 *    of the run that reaches across them — a projection profile of the gaps.
 * 3. Lines become rows: a line that fills only columns its row has left empty joins it (a label
 *    printed beside values that are centred on it), a line set close under its row that only
 *    continues cells already filled is their wrapped text, anything else starts a new row.
 *
 * Thresholds are in units of the font size or shares of the lines, never in points of one layout.
 */

export interface GridRow {
  cells: string[];
  page: number;
  /** Document indexes of the lines this row was built from. */
  lines: number[];
}

export interface LayoutTable {
  /** Document line indexes of the rows (first to last, inclusive). */
  lineStart: number;
  lineEnd: number;
  /** Single-cell lines just above the first row (a unit line, a title, a preparer): context, not rows. */
  preamble: number[];
  /** Of those, the lines right above the rows that head groups of value columns; `lineStart` is the first of them. */
  groupLines: number[];
  columns: Array<{ x0: number; x1: number }>;
  rows: GridRow[];
}

/** Lines further apart than this (× font size) on one page do not belong to one table. */
const MAX_ROW_GAP = 3.2;
/** A single-segment line narrower than this share of the page's text width may be a table cell. */
const CELL_WIDTH = 0.5;
/** Single lines between two tables in one run: a title and the period it covers. */
const MIN_TITLE_LINES = 2;
/** A line in a font this much larger than the body is a heading, not a row. */
const HEADING_SIZE = 1.08;
/** Separator positions: a segment may cover them on at most this share of the lines reaching across. */
const SEPARATOR_COVER = 0.15;
/** How far (× font size) a line may start left of the first column and still be in it. */
const ALIGN_SLACK = 0.25;
/** A single line ending left of this share of the text width may be a long row label. */
const LABEL_REACH = 0.7;
/** How far right of a table's left edge (share of the text width) its indented row labels may start. */
const LABEL_ZONE = 0.25;
/** A line starting this far (× font size) right of the text's left edge is no prose line: paragraphs indent less. */
const VALUE_COLUMN_INDENT = 6;
/** A table's name in Chinese: a short run of words ending in 表, after an optional number. */
const TABLE_NAME = /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*)?[\p{Script=Han}（）()]{2,18}表$/u;
/** Numbering styles that divide a report into parts: their headings are never table cells. */
const DIVIDING_KINDS: ReadonlySet<string> = new Set(['note', 'item', 'part', 'chapter', 'exhibit']);
/** A gap this wide (× font size) separates columns even where only one line reaches across it. */
const STRONG_GAP = 3;
/** Wrapped lines of one cell are set closer than rows; the closer class must stay under this (× size). */
const MAX_WRAP_LEADING = 1.9;
/** Two classes of line gaps are told apart only when they differ by at least this ratio. */
const GAP_CLASS_RATIO = 1.25;
/** The closer class of gaps (wrapped lines) may be at most this share of the gaps: rows are the rule. */
const WRAP_SHARE = 0.6;
/** A single line centred on the text block within this share of its width is a title, not a cell. */
const CENTRED = 0.08;
/** A centred line shorter than this many characters is not taken for a title. */
const MIN_TITLE_CHARS = 4;

/** A gap of up to this many of the run's row pitches is a blank row inside the table (statements space their sections so). */
const BLANK_ROW_PITCHES = 2.3;

interface Candidate {
  index: number;
  line: CleanLine;
  geometry: LineGeometry;
  multi: boolean;
}

export interface FindTablesOptions {
  /** Pages that are a table of contents: their aligned page numbers are not a table. */
  skipPages?: ReadonlySet<number>;
}

export function findLayoutTables(lines: readonly CleanLine[], options: FindTablesOptions = {}): LayoutTable[] {
  const blocks = textBlocks(lines);
  const bodySize = bodyFontSize(lines);
  const tables: LayoutTable[] = [];
  let run: Candidate[] = [];
  const close = () => {
    for (const part of splitAtNewHeaders(run)) {
      const table = tableFromRun(part, lines);
      if (table) tables.push(table);
    }
    run = [];
  };
  lines.forEach((line, index) => {
    const geometry = line.geometry;
    const block = blocks.get(line.page);
    const shape = geometry && block && !options.skipPages?.has(line.page) ? classify(line, geometry, block, bodySize) : 'other';
    // A short line centred on the text by chance may be the first line of a column head wrapped over
    // the header row right under it ("Less than 1" over "year" of "year | 1–5 years | Total").
    // So may a line that starts where a value cell of the line above starts: it runs on in that column
    // ("97 Quill Road" under "Registered office | 12 Glimmer Street"). A title is centred on its own
    // length, and starts on a column only by chance.
    let kind: LineKind = shape === 'centred' || shape === 'wide' ? 'other' : shape;
    if (shape === 'centred' && (headsColumnBelow(line, lines[index + 1], block) || continuesValueColumn(line, run.at(-1)))) kind = 'cell';
    if (shape === 'wide' && stopsBeforeValues(line, run)) kind = 'cell';
    if (kind === 'other' || !geometry) {
      close();
      return;
    }
    // A unit line ("单位：元", "(in thousands)") stands above a table: it opens the next one.
    if (kind === 'cell' && run.some((c) => c.multi) && unitLine(line.text) !== null) close();
    const previous = run.at(-1);
    const candidate: Candidate = { index, line, geometry, multi: kind === 'multi' };
    if (previous) {
      const samePage = previous.line.page === line.page;
      // Far below: more than a few line heights, and more than one blank row at the run's own row pitch.
      const gap = geometry.y - previous.geometry.y;
      const size = Math.max(geometry.size, previous.geometry.size);
      const farBelow =
        samePage && gap > MAX_ROW_GAP * size && gap > BLANK_ROW_PITCHES * rowPitch(run) && !(gap <= HEADER_GAP * size && headsRowBelow(previous, candidate));
      // A table carries over to the next page only with a line that fits it: a row, or a cell in its first column.
      // (A label-only row of a statement may be indented under its heading: it stays in the label zone.)
      const left = Math.min(...run.filter((c) => c.multi).map((c) => c.geometry.x0));
      const labelZone = LABEL_ZONE * ((block?.right ?? geometry.x1) - (block?.left ?? geometry.x0));
      const offOnNextPage =
        !samePage && kind === 'cell' && run.some((c) => c.multi) && (geometry.x0 < left - ALIGN_SLACK * geometry.size || geometry.x0 > left + labelZone);
      if (farBelow || offOnNextPage) close();
    }
    run.push(candidate);
  });
  close();
  return tables;
}

/** Whether a line starts, within the slack, where a cell right of the first of the run's last line starts, on the same page and right under it. */
function continuesValueColumn(line: CleanLine, previous: Candidate | undefined): boolean {
  const geometry = line.geometry;
  if (!geometry || !previous || previous.line.page !== line.page) return false;
  const above = previous.geometry;
  if (geometry.y - above.y > MAX_ROW_GAP * geometry.size || geometry.y <= above.y) return false;
  const cells = above.segments.length >= 2 ? above.segments.slice(1) : above.segments;
  return cells.some((cell) => Math.abs(cell.x0 - geometry.x0) <= ALIGN_SLACK * geometry.size);
}

/**
 * Whether a single line as wide as prose is a long row label wrapped inside the table being read: it
 * starts where the run's labels start and ends at least a space of its own size short of the run's
 * first value column on its page. Prose runs on to the margin, across the columns of figures; a label
 * stops where they begin, however far right they stand.
 */
function stopsBeforeValues(line: CleanLine, run: readonly Candidate[]): boolean {
  const geometry = line.geometry;
  if (!geometry) return false;
  const rows = run.filter((c) => c.multi && c.line.page === line.page);
  if (rows.length === 0) return false;
  const labelsLeft = Math.min(...rows.map((c) => c.geometry.x0));
  const valuesLeft = Math.min(...rows.map((c) => c.geometry.segments[1]?.x0 ?? Infinity));
  return Math.abs(geometry.x0 - labelsLeft) <= 2 * geometry.size && geometry.x1 < valuesLeft - geometry.size;
}

/** Column heads may stand apart from the rows under them by up to this many line heights (× font size). */
const HEADER_GAP = 2 * MAX_ROW_GAP;

/**
 * Whether a row of amounts, further below than rows stand apart, is the first row under column heads:
 * the line above it is a line of column titles, and each of the row's amounts stands under one of
 * them. Tables often set their heads off from the body by a blank line or a rule.
 */
function headsRowBelow(heads: Candidate, row: Candidate): boolean {
  if (!row.multi || !hasAmount(row) || !isHeaderLine(heads)) return false;
  const titles = heads.geometry.segments;
  return row.geometry.segments.slice(1).every((cell) => titles.some((t) => t.x0 <= cell.x1 && cell.x0 <= t.x1));
}

type LineKind = 'multi' | 'cell' | 'other';

/** Wrapped lines of one cell are set at most this far apart (× font size); a title stands further above its table. */
const WRAPPED_CELL_LEADING = 1.4;

/**
 * Whether a single line is the first line of a column head wrapped onto the line under it: that line
 * is split into columns, one of them standing right under this line's middle starts well right of
 * the text's left edge (a value column, not the labels'), and the two are set in one size as close
 * as the lines of one cell. A title centred over a table stands over its whole width, with more
 * space under it.
 */
function headsColumnBelow(line: CleanLine, next: CleanLine | undefined, block: TextBlock | undefined): boolean {
  const g = line.geometry;
  const n = next?.geometry;
  if (!g || !n || next?.page !== line.page || n.segments.length < 2 || Math.abs(n.size - g.size) > 0.5) return false;
  if (n.y - g.y > WRAPPED_CELL_LEADING * g.size) return false;
  const middle = (g.x0 + g.x1) / 2;
  const valueColumn = (s: Segment) => block !== undefined && s.x0 - block.left > VALUE_COLUMN_INDENT * g.size;
  return n.segments.some((s) => valueColumn(s) && middle >= s.x0 - g.size && middle <= s.x1 + g.size);
}

/** The run's usual distance from one line to the next on a page (its median), 0 before it has three. */
function rowPitch(run: Candidate[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < run.length; i += 1) {
    const a = run[i - 1];
    const b = run[i];
    if (a && b && a.line.page === b.line.page) gaps.push(b.geometry.y - a.geometry.y);
  }
  return gaps.length >= 3 ? quantile(gaps, 0.5) : 0;
}

/** A list item ("9. The Company …", "（1）学校…") is a label and its text, not two columns. */
function isListItem(segments: Segment[], textWidth: number): boolean {
  if (segments.length !== 2) return false;
  const [label, body] = segments as [Segment, Segment];
  // A heading's numbering set apart from its title ("Item 7. | Management's Discussion") is one too.
  if (/^(?:item|note|part)\s+[0-9IVX]{1,4}[A-C]?[.:]?$/iu.test(label.text)) return true;
  if (!/^(?:[（(]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）.、．]|[•·●○■□◆▪–-])$/u.test(label.text)) return false;
  // A long text after the label is a list item; a short one is too when it is words, not an amount
  // ("A. | Risk Factors", "3. | Segment Reporting"), while "1. | 3,200" is a row of figures.
  return body.x1 - body.x0 > 0.5 * textWidth || (parseAmount(body.text) === null && /\p{L}{2}/u.test(body.text));
}

/**
 * How a line reads for a table: a row split into columns, a single cell, a line centred on the text (a
 * title, or by chance a cell), a single line as wide as prose (prose, or a long label wrapped in a
 * table: stopsBeforeValues tells), or prose.
 */
function classify(line: CleanLine, geometry: LineGeometry, block: TextBlock, bodySize: number): LineKind | 'centred' | 'wide' {
  const text = line.text;
  const textWidth = block.right - block.left;
  // A form's answer line ("√ 适用 □ 不适用") is never a row: it stands under an item's title, between tables.
  if (tableCaption(text) || figureCaption(text) || isSourceNote(text) || isChoiceLine(text)) return 'other';
  // A note, item, part or chapter heading ("Note 31. Changes in liabilities …") is never a cell: it
  // ends the table above it, even one carried over from the page before.
  if (DIVIDING_KINDS.has(numberedShape(text)?.kind ?? '')) return 'other';
  // A short Chinese line ending in 表, its numbering aside ("7、合并所有者权益变动表"), names a table:
  // it is the next table's title, not a label-only row of the one above carried over a page.
  if (geometry.segments.length < 2 && TABLE_NAME.test(text.trim())) return 'other';
  if (bodySize > 0 && geometry.size > HEADING_SIZE * bodySize) return 'other';
  if (geometry.segments.length >= 2) return isListItem(geometry.segments, textWidth) ? 'other' : 'multi';
  const width = geometry.x1 - geometry.x0;
  // A row label may be long, but it stops short of the amount columns on the right; prose runs to the margin.
  const stopsShort = geometry.x1 < block.left + LABEL_REACH * textWidth;
  // Prose starts at the left of the text (a paragraph indent at most); a line starting far right of it
  // runs on in a value column (a long cell wrapped beside its label).
  const inValueColumn = geometry.x0 - block.left > VALUE_COLUMN_INDENT * geometry.size;
  if (width >= CELL_WIDTH * textWidth && !stopsShort && !inValueColumn) return 'wide';
  // A short line centred on the text block is a title ("CONSOLIDATED BALANCE SHEETS"), not a cell.
  const centre = (geometry.x0 + geometry.x1) / 2;
  const blockCentre = (block.left + block.right) / 2;
  const indented = geometry.x0 - block.left > 2 * geometry.size;
  // A word or two ("社", "Total") centred by chance is a wrapped cell, not a title.
  const titleLength = [...text.replace(/\s+/gu, '')].length >= MIN_TITLE_CHARS;
  return indented && titleLength && Math.abs(centre - blockCentre) < CENTRED * textWidth ? 'centred' : 'cell';
}

interface TextBlock {
  left: number;
  right: number;
}

/** Per page, where the text block sits (from the 5th to the 95th percentile of line edges). */
function textBlocks(lines: readonly CleanLine[]): Map<number, TextBlock> {
  const byPage = new Map<number, { x0: number[]; x1: number[] }>();
  for (const line of lines) {
    if (!line.geometry) continue;
    const entry = byPage.get(line.page) ?? { x0: [], x1: [] };
    entry.x0.push(line.geometry.x0);
    entry.x1.push(line.geometry.x1);
    byPage.set(line.page, entry);
  }
  const out = new Map<number, TextBlock>();
  for (const [page, { x0, x1 }] of byPage) {
    const left = quantile(x0, 0.05);
    out.set(page, { left, right: Math.max(left + 1, quantile(x1, 0.95)) });
  }
  return out;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/** A line of column titles: several segments, none of them an amount (years and dates are titles). */
function isHeaderLine(candidate: Candidate): boolean {
  const segments = candidate.geometry.segments;
  if (segments.length < 2) return false;
  // A line whose cells after the first are all dashes ("outstanding  -  -", the tail of a long label
  // wrapped over lines) prints nothing for its periods: a row, not a header.
  if (segments.slice(1).every((s) => parseAmount(s.text)?.nil === true)) return false;
  return segments.every((s) => {
    const amount = parseAmount(s.text);
    return amount === null || amount.nil || isYearNumber(s.text);
  });
}

function hasAmount(candidate: Candidate): boolean {
  return candidate.geometry.segments.some((s) => {
    const amount = parseAmount(s.text);
    return amount !== null && !amount.nil && !isYearNumber(s.text);
  });
}

/**
 * One run can hold two tables back to back (a statement, its signatures, the next statement on the
 * next page): a header line that comes after two or more single-cell lines (a title, a period
 * line), in a run that already had rows of amounts, starts the next table at the first of those
 * lines. A header printed again under amount rows (a mid-table period header, perhaps with one
 * wrapped cell above it) stays in its table.
 */
function splitAtNewHeaders(run: Candidate[]): Candidate[][] {
  const parts: Candidate[][] = [];
  let start = 0;
  let sawAmounts = false;
  for (let i = 0; i < run.length; i += 1) {
    const candidate = run[i];
    if (!candidate) continue;
    if (isHeaderLine(candidate)) {
      let first = i;
      while (first - 1 > start && run[first - 1] && !run[first - 1]?.multi) first -= 1;
      // (Single lines that run over a page break: those at the foot of the page before end the table
      // above; the new table's title lines are those on its own page.)
      while (first < i && run[first]?.line.page !== candidate.line.page) first += 1;
      // Title lines at the top of a new page start a table there even after rows without amounts (a signature block).
      const newPage = run[first]?.line.page !== run[first - 1]?.line.page;
      // A title and its period line (two lines or more) stand between the tables; one line is a
      // wrapped header cell of the same table. A line that starts in a value column (right of where the
      // rows' second cells begin) is a wrapped cell of a row, never a title — unless it stands right
      // above a header of the value columns alone, under a title at the left: it heads the new
      // table's column groups ("Note 6. Other income" / "Consolidated" / "2022 2021").
      const valueColumn = Math.min(...run.slice(start, first).filter((c) => c.multi).map((c) => c.geometry.segments[1]?.x0 ?? Infinity));
      const inValueColumn = (c: Candidate | undefined) => c !== undefined && c.geometry.x0 >= valueColumn - ALIGN_SLACK * c.geometry.size;
      let groupStart = i;
      if (inValueColumn(candidate)) while (groupStart - 1 > first && inValueColumn(run[groupStart - 1])) groupStart -= 1;
      const wrappedCell = run.slice(first, groupStart).some(inValueColumn);
      // (One line that leads into what follows with a colon, "… consists of the following:", is a
      // title too: a wrapped header cell is no clause ending on a colon.)
      const leadIn = i - first === 1 && leadsInto(run[first]?.line.text ?? '');
      if ((sawAmounts || newPage) && (i - first >= MIN_TITLE_LINES || leadIn) && !wrappedCell) {
        parts.push(run.slice(start, first));
        start = first;
        sawAmounts = false;
      }
    }
    if (hasAmount(candidate)) sawAmounts = true;
  }
  parts.push(run.slice(start));
  return parts;
}

function tableFromRun(run: Candidate[], lines: readonly CleanLine[]): LayoutTable | null {
  const firstMulti = run.findIndex((c) => c.multi);
  if (firstMulti < 0 || run.filter((c) => c.multi).length < 2) return null;
  // Lines above the first row on an earlier page are the end of that page, not this table's title.
  const firstPage = run[firstMulti]?.line.page;
  const preamble = run.slice(0, firstMulti).filter((c) => c.line.page === firstPage).map((c) => c.index);
  let body = run.slice(firstMulti);
  const multi = body.filter((c) => c.multi);
  const size = Math.min(...multi.map((c) => c.geometry.size));
  // Headings over groups of columns ("Performance-based remuneration – STI" over its "2022" and "2021")
  // reach across the gaps between the columns under them: where the lines with figures (and the
  // line of years over them) part into more columns than all lines do, those columns are the
  // table's, and the headings span them.
  const periodLine = (c: Candidate) => c.geometry.segments.filter((s) => isYearNumber(s.text.trim())).length >= 2;
  const withFigures = multi.filter((c) => hasAmount(c) || periodLine(c));
  const everyLine = findColumns(multi.map((c) => c.geometry.segments), size);
  const figureLines = withFigures.length >= 2 ? findColumns(withFigures.map((c) => c.geometry.segments), size) : [];
  const columns = figureLines.length > everyLine.length ? figureLines : everyLine;
  if (columns.length < 2) return null;
  // Single-cell lines after the last multi-segment line belong to the table only when they start where
  // its first column starts (label-only rows of a statement); others are the text after it.
  const lastMulti = body.map((c) => c.multi).lastIndexOf(true);
  const firstColumn = columns[0];
  let end = lastMulti;
  // (In type larger than the rows', such a line is a heading over the text after the table.)
  // (Reaching over the value columns, it runs across the table: a note under it, and what follows is text too.)
  const rowSize = Math.max(...multi.map((c) => c.geometry.size));
  const valuesFrom = columns[1]?.x0 ?? Infinity;
  for (let i = lastMulti + 1; i < body.length; i += 1) {
    const candidate = body[i];
    if (!candidate || !firstColumn || candidate.geometry.x0 > firstColumn.x1 || candidate.geometry.x0 < firstColumn.x0 - ALIGN_SLACK * candidate.geometry.size) break;
    if (candidate.geometry.size > rowSize + 0.5) break;
    if (candidate.geometry.x1 > valuesFrom) break;
    end = i;
  }
  body = body.slice(0, end + 1);
  const rows = buildRows(body, columns);
  if (rows.length < 2) return null;
  const used = columns.map((_, c) => rows.some((r) => (r.cells[c] ?? '') !== ''));
  const keptColumns = columns.filter((_, c) => used[c]);
  const keptRows = rows.map((r) => ({ ...r, cells: r.cells.filter((_, c) => used[c]) }));
  if (keptColumns.length < 2) return null;
  // Lines right above the rows and over the value columns only ("Consolidated", "Year Ended
  // December 31,") head groups of columns: they are the table's, not a heading or text above it.
  // A column title centred over its column may start a little left of the column's figures: it is
  // over the value columns when it starts clear of the label column and its middle is over them, and
  // it is not centred on the whole table (as a title is).
  const valueStart = keptColumns[1]?.x0 ?? Infinity;
  const labelEnd = keptColumns[0]?.x1 ?? 0;
  const tableMiddle = ((keptColumns[0]?.x0 ?? 0) + (keptColumns.at(-1)?.x1 ?? 0)) / 2;
  const overValues = (g: LineGeometry) => {
    const middle = (g.x0 + g.x1) / 2;
    return g.x0 >= valueStart - g.size || (g.x0 > labelEnd + g.size && middle >= valueStart && Math.abs(middle - tableMiddle) > 2 * g.size);
  };
  const groupLines: number[] = [];
  for (let i = preamble.length - 1; i >= 0; i -= 1) {
    const line = lines[preamble[i] ?? -1];
    if (!line?.geometry || !overValues(line.geometry) || (preamble[i] ?? 0) !== (groupLines[0] ?? body[0]?.index ?? 0) - 1) break;
    groupLines.unshift(preamble[i] ?? 0);
  }
  return {
    lineStart: groupLines[0] ?? body[0]?.index ?? 0,
    lineEnd: body.at(-1)?.index ?? 0,
    preamble,
    groupLines,
    columns: keptColumns,
    rows: keptRows,
  };
}

/**
 * Column ranges from the segments of a run's multi-segment lines: x positions that fall between two
 * segments on nearly every line reaching across them separate columns.
 */
export function findColumns(lines: Segment[][], size = 0): Array<{ x0: number; x1: number }> {
  if (lines.length === 0) return [];
  const left = Math.floor(Math.min(...lines.map((segments) => segments[0]?.x0 ?? Infinity)));
  const right = Math.ceil(Math.max(...lines.flatMap((segments) => segments.map((s) => s.x1))));
  const width = right - left + 1;
  if (!(width > 0) || width > 100_000) return [];
  const span = new Int32Array(width + 1);
  const cover = new Int32Array(width + 1);
  const strong = new Int32Array(width + 1);
  const addRange = (array: Int32Array, from: number, to: number) => {
    const a = Math.max(0, Math.floor(from) - left);
    const b = Math.min(width, Math.ceil(to) - left);
    if (b < a) return;
    array[a] = (array[a] ?? 0) + 1;
    array[b + 1] = (array[b + 1] ?? 0) - 1;
  };
  for (const segments of lines) {
    const first = segments[0];
    const last = segments.at(-1);
    if (!first || !last) continue;
    addRange(span, first.x0, last.x1);
    for (const s of segments) addRange(cover, s.x0, s.x1);
    for (let i = 1; i < segments.length; i += 1) {
      const before = segments[i - 1];
      const after = segments[i];
      if (before && after && size > 0 && after.x0 - before.x1 >= STRONG_GAP * size) addRange(strong, before.x1 + 1, after.x0 - 1);
    }
  }
  let spanCount = 0;
  let coverCount = 0;
  let strongCount = 0;
  const separator = new Uint8Array(width);
  for (let x = 0; x < width; x += 1) {
    spanCount += span[x] ?? 0;
    coverCount += cover[x] ?? 0;
    strongCount += strong[x] ?? 0;
    const shared = spanCount >= 2 && coverCount <= SEPARATOR_COVER * spanCount;
    separator[x] = shared || (coverCount === 0 && strongCount > 0) ? 1 : 0;
  }
  const columns: Array<{ x0: number; x1: number }> = [];
  let start: number | null = null;
  for (let x = 0; x <= width; x += 1) {
    const inColumn = x < width && separator[x] === 0;
    if (inColumn && start === null) start = x;
    if (!inColumn && start !== null) {
      columns.push({ x0: left + start, x1: left + x - 1 });
      start = null;
    }
  }
  return columns;
}

/** The column a segment belongs to: the one holding its centre, else the one it overlaps most. */
export function columnOf(segment: Segment, columns: ReadonlyArray<{ x0: number; x1: number }>): number {
  const centre = (segment.x0 + segment.x1) / 2;
  const holding = columns.findIndex((c) => centre >= c.x0 && centre <= c.x1);
  if (holding >= 0) return holding;
  let best = 0;
  let bestOverlap = -Infinity;
  columns.forEach((c, i) => {
    const overlap = Math.min(c.x1, segment.x1) - Math.max(c.x0, segment.x0);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = i;
    }
  });
  return best;
}

const CURRENCY_SIGN = /^(?:[$€£¥￥]|US\$|HK\$|A\$|RMB|CNY|USD|EUR|GBP)$/u;

interface PlacedLine {
  candidate: Candidate;
  cells: Map<number, string>;
}

function place(candidate: Candidate, columns: Array<{ x0: number; x1: number }>): PlacedLine {
  const cells = new Map<number, string>();
  const add = (column: number, text: string) => {
    const before = cells.get(column);
    cells.set(column, before ? joinCell(before, text) : text);
  };
  for (const segment of candidate.geometry.segments) {
    const column = columnOf(segment, columns);
    // Runs set closer than a segment gap can still belong to two columns ("December 31, 2022 December
    // 25, 2021" over two date columns): split where the runs' own centres fall in different columns.
    const pieceColumns = segment.pieces.map((piece) => columnOf({ ...piece, pieces: [] }, columns));
    // A currency sign belongs to the amount after it, wherever the gap before the amount puts it.
    for (let i = pieceColumns.length - 2; i >= 0; i -= 1) {
      if (CURRENCY_SIGN.test(segment.pieces[i]?.text.trim() ?? '')) pieceColumns[i] = pieceColumns[i + 1] ?? column;
    }
    if (pieceColumns.every((c) => c === column) || segment.pieces.length < 2) {
      add(column, segment.text);
      continue;
    }
    let text = '';
    let at = pieceColumns[0] ?? column;
    segment.pieces.forEach((piece, i) => {
      const c = pieceColumns[i] ?? column;
      if (c !== at) {
        add(at, text.trim());
        text = '';
        at = c;
      }
      text = text === '' ? piece.text : joinCell(text, piece.text);
    });
    if (text.trim() !== '') add(at, text.trim());
  }
  return { candidate, cells };
}

/**
 * The gap under which two lines of a run are wrapped lines of one row: between the two classes of
 * gaps when there are two (wrapped lines sit closer than rows), else none.
 */
function wrapLeading(placed: PlacedLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < placed.length; i += 1) {
    const a = placed[i - 1]?.candidate;
    const b = placed[i]?.candidate;
    if (a && b && a.line.page === b.line.page) gaps.push(b.geometry.y - a.geometry.y);
  }
  if (gaps.length < 2) return 0;
  const sorted = gaps.sort((x, y) => x - y);
  const size = placed[0]?.candidate.geometry.size ?? 0;
  let threshold = 0;
  let bestRatio = GAP_CLASS_RATIO;
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const low = sorted[i] ?? 0;
    const high = sorted[i + 1] ?? 0;
    // The closer class is wrapped lines of a cell only if it is as close as line leading can be, and
    // only if it is not most of the gaps (then it is the row pitch of a tightly set table).
    if (low <= 0 || low >= MAX_WRAP_LEADING * size || (i + 1) / sorted.length > WRAP_SHARE) continue;
    const ratio = high / low;
    if (ratio >= bestRatio) {
      bestRatio = ratio;
      threshold = (low + high) / 2;
    }
  }
  return threshold;
}

function buildRows(body: Candidate[], columns: Array<{ x0: number; x1: number }>): GridRow[] {
  const placed = body.map((c) => place(c, columns));
  const leading = wrapLeading(placed);
  const rows: Array<{ cells: Map<number, string>; page: number; lines: number[] }> = [];
  placed.forEach((line, i) => {
    const row = rows.at(-1);
    const previous = placed[i - 1]?.candidate;
    const tight =
      row !== undefined &&
      previous !== undefined &&
      previous.line.page === line.candidate.line.page &&
      line.candidate.geometry.y - previous.geometry.y < leading;
    if (row && tight) {
      const columnsOfLine = [...line.cells.keys()];
      const filled = columnsOfLine.filter((c) => row.cells.has(c));
      const labelOnlyRow = row.cells.size === 1 && row.cells.has(0);
      if (filled.length === 0) {
        // Complementary: values beside a label printed on their own line, or a label beside values.
        for (const [c, text] of line.cells) row.cells.set(c, text);
        row.lines.push(line.candidate.index);
        return;
      }
      // (Whole amounts under whole amounts are a row of their own — an unlabelled subtotal under the
      // last row it sums — never the wrapped end of those amounts, which a tail like "58" would be.)
      const amountsUnderAmounts = !line.cells.has(0) && columnsOfLine.every((c) => WHOLE_AMOUNT.test(line.cells.get(c) ?? '') && WHOLE_AMOUNT.test(row.cells.get(c) ?? ''));
      const continuesCells = filled.length === columnsOfLine.length && (!line.cells.has(0) || line.cells.size === 1) && !amountsUnderAmounts;
      // (A label alone in another face than the line under it is a heading over rows — "Current kiln
      // liabilities" in bold over "Glimmer leave" — not a label wrapped onto it: wrapped text keeps its face.)
      const headsRows = labelOnlyRow && previous.geometry.font !== line.candidate.geometry.font;
      if ((continuesCells || labelOnlyRow) && !headsRows) {
        // Wrapped text of cells already begun (a label's second line, a long cell's next line).
        joinWrapped(row, line);
        return;
      }
    }
    // A label that runs on past its line, set at the rows' own pitch (no closer leading tells it): the
    // row so far holds a label alone, and this line goes on with it from the same left edge or a
    // hanging indent, in words no label opens with (a lower-case word) or closing a bracket the label
    // left open.
    if (
      row &&
      previous &&
      previous.line.page === line.candidate.line.page &&
      row.cells.size === 1 &&
      line.cells.has(0) &&
      continuesFromEdge(previous.geometry, line.candidate.geometry) &&
      labelRunsOn(row.cells.get(0) ?? '', line.cells.get(0) ?? '')
    ) {
      joinWrapped(row, line);
      return;
    }
    rows.push({ cells: new Map(line.cells), page: line.candidate.line.page, lines: [line.candidate.index] });
  });
  return rows.map((r) => ({ cells: columns.map((_, c) => r.cells.get(c) ?? ''), page: r.page, lines: r.lines }));
}

/**
 * An amount printed whole: grouped in thousands or with decimals ("2,048,117", "(3,017)", "$ 41.60",
 * "-7.25%"), so no part of one broken over two lines ("2,048,117," and "306.42").
 */
const WHOLE_AMOUNT = /^\s*[(（]?\s*[-‐–−]?\s*(?:[$£€¥]\s?)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\s*%?\s*[)）]?\s*$/u;

/** A wrapped label's next line starts under its first, or indented by at most this many ems (a hanging indent). */
const HANGING_INDENT_EMS = 3;

/** Whether a line starts where a label's line above it does, or a hanging indent right of it. */
function continuesFromEdge(above: LineGeometry, line: LineGeometry): boolean {
  const indent = line.x0 - above.x0;
  return indent > -above.size && indent <= HANGING_INDENT_EMS * above.size;
}

/** A line's cells joined to the row's as their wrapped text. */
function joinWrapped(row: { cells: Map<number, string>; lines: number[] }, line: PlacedLine): void {
  for (const [c, text] of line.cells) row.cells.set(c, joinCell(row.cells.get(c) ?? '', text));
  row.lines.push(line.candidate.index);
}

/**
 * Whether `next` goes on with the label `label`: it opens in lower case (a row's label opens as a
 * name does; "tax asset" after "… not recognised as a deferred"), the label stops on a word no phrase
 * ends with, `next` is only a bracketed qualifier ("(pence per quill)"), or it closes a bracket the
 * label left open ("… of 19% (2021:" / "19%)"). A label ending in a colon announces rows of its own,
 * unless its bracket is still open.
 */
function labelRunsOn(label: string, next: string): boolean {
  // (Round brackets only: a title's 《》 around them, "…通知》（财会", closes nothing of the label's.)
  const open = (label.match(/[(（]/gu) ?? []).length > (label.match(/[)）]/gu) ?? []).length;
  if (open) return /^[^(（]*[)）]/u.test(next);
  // (A lower-case list marker, "a." or "ii)", opens an item of its own.)
  if (/^(?:[a-z]|[ivx]+)[.)]\s/u.test(next)) return false;
  // (A line that is nothing but a bracketed qualifier, "(pence per quill)", names no row of its own:
  // it qualifies the label it stands under.)
  return !/[:：]\s*$/u.test(label) && (/^[a-z]/u.test(next) || UNFINISHED_ENGLISH.test(label) || /^[(（][^()（）]+[)）]$/u.test(next.trim()));
}

/**
 * An English label cut after an article, a preposition or a conjunction ("… for the audit of the") is
 * unfinished whatever the next line opens with: no phrase ends on such a word.
 */
const UNFINISHED_ENGLISH = /\b(?:a|an|the|of|for|to|in|on|at|by|with|from|into|and|or|than)\s*$/iu;

/** Wrapped cell text joined as printed: no space inside CJK, one between Latin words. */
export function joinCell(before: string, after: string): string {
  if (before === '') return after;
  return /[A-Za-z0-9,.;:%)]$/u.test(before) && /^[A-Za-z0-9(]/u.test(after) ? `${before} ${after}` : `${before}${after}`;
}
