import type { ParsedTable } from '../store/shapes.js';
import { maxContentWidth, minContentWidth, wrapText, type MeasureText } from './wrapText.js';

/** Which font a piece of text is set in; the renderer maps each to a CSS font. */
export type TextRole = 'caption' | 'header' | 'cell' | 'note';

/** Sizes in output pixels (the image is drawn 1:1, sized for Discord's full-size view). */
export const TABLE_STYLE = {
  margin: 36,
  fontSize: { caption: 30, header: 24, cell: 24, note: 20 },
  lineHeight: { caption: 42, header: 34, cell: 34, note: 28 },
  padX: 14,
  padY: 10,
  captionGap: 16,
  noteGap: 14,
  /** Below this the caption and notes wrap into a narrow ribbon, so small tables are widened to it. */
  minContentWidth: 420,
  /** A column is never squeezed below this to fit one long unbroken word: the word is cut instead. */
  maxMinColumnWidth: 240,
} as const;

export const DEFAULT_MAX_WIDTH = 1600;
/** Tall images are fine on Discord when opened; past this, skia memory and upload size grow for no gain. */
export const DEFAULT_MAX_HEIGHT = 16000;

export interface TableImageOptions {
  /** Image width cap in pixels (default 1600); narrower tables give narrower images. */
  maxWidth?: number;
  /** Image height cap in pixels (default 16000); more rows go to further images, each repeating the header. */
  maxHeight?: number;
  /** Caption above the grid; default "表 2-4 蓝鲸湾基地设备清单" from the table's id and title. */
  title?: string;
  /** Small line at the bottom, e.g. "报告 · 2024 · 第 13–15 页"; default the table's pages. */
  sourceLine?: string;
}

export type Align = 'left' | 'right';

export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface RowBox {
  y: number;
  height: number;
  cells: CellBox[];
}

export interface TextBlock {
  y: number;
  lines: string[];
  role: TextRole;
}

/** Everything one image needs, in pixels; drawing is a straight walk over it. */
export interface TablePageLayout {
  width: number;
  height: number;
  /** Left edge and width of the grid. */
  gridX: number;
  gridWidth: number;
  columnX: number[];
  columnWidth: number[];
  align: Align[];
  caption: TextBlock;
  /** Null when the table has no header row. */
  header: RowBox | null;
  rows: RowBox[];
  /** Index in `table.rows` of this page's first row (for zebra parity across pages). */
  firstRow: number;
  notes: TextBlock;
}

const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?\s*[%‰]?$/u;

/**
 * Lays the table out into one or more images no larger than the caps: column widths from content,
 * cells wrapped, rows packed into pages that each repeat the caption and header.
 */
export function layoutTable(table: ParsedTable, options: TableImageOptions, measureFor: (role: TextRole) => MeasureText): TablePageLayout[] {
  const S = TABLE_STYLE;
  const maxWidth = options.maxWidth ?? DEFAULT_MAX_WIDTH;
  const maxHeight = options.maxHeight ?? DEFAULT_MAX_HEIGHT;
  const columnCount = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
  const pad = (row: readonly string[]) => Array.from({ length: columnCount }, (_, c) => row[c] ?? '');
  const header = table.header.length > 0 ? pad(table.header) : null;
  const rows = table.rows.map(pad);
  const measure = { caption: measureFor('caption'), header: measureFor('header'), cell: measureFor('cell'), note: measureFor('note') };

  const caption = options.title ?? `${table.id} ${table.title}`.trim();
  const notesText = [table.sourceNote, options.sourceLine ?? pagesLine(table.pages, table.page)].filter(
    (line): line is string => line !== null && line.trim() !== '',
  );

  const natural = new Array<number>(columnCount).fill(0);
  const minimum = new Array<number>(columnCount).fill(0);
  const consider = (row: readonly string[], m: MeasureText, into: number[]) =>
    row.forEach((cell, c) => {
      // Whole pixels, rounded up: a column floored below its text's width would wrap its last character.
      into[c] = Math.max(into[c] ?? 0, Math.ceil(maxContentWidth(cell, m)) + 2 * S.padX);
      minimum[c] = Math.max(minimum[c] ?? 0, Math.min(minContentWidth(cell, m), S.maxMinColumnWidth) + 2 * S.padX);
    });
  for (const row of rows) consider(row, measure.cell, natural);
  const headerNatural = new Array<number>(columnCount).fill(0);
  if (header) consider(header, measure.header, headerNatural);
  const full = natural.map((width, c) => Math.max(width, headerNatural[c] ?? 0));

  const available = Math.max(1, maxWidth - 2 * S.margin);
  const wanted = Math.max(sum(full), maxContentWidth(caption, measure.caption), S.minContentWidth);
  const contentWidth = Math.floor(Math.min(available, wanted));
  // When space is short a header may take two lines ("在校生/（人）") rather than hold a wide column
  // open over short figures while the text column next to it wraps; "序/号" would only look broken.
  const claimed =
    sum(full) <= contentWidth
      ? full
      : full.map((width, c) => {
          const label = (header?.[c] ?? '').replace(/\s/gu, '');
          return [...label].length <= 3 ? width : Math.max(natural[c] ?? 0, narrowestWidth(header?.[c] ?? '', 2, measure.header) + 2 * S.padX);
        });
  const columnWidth = integerWidths(columnWidths(claimed, minimum, contentWidth), contentWidth);
  const columnX: number[] = [];
  columnWidth.reduce((x, width) => (columnX.push(x), x + width), S.margin);
  const align: Align[] = columnWidth.map((_, c) => {
    const body = rows.map((row) => (row[c] ?? '').trim()).filter((cell) => cell !== '');
    return body.length > 0 && body.every((cell) => NUMERIC.test(cell)) ? 'right' : 'left';
  });

  const noteLines = notesText.flatMap((line) => wrapText(line, contentWidth, measure.note));
  const notesHeight = noteLines.length > 0 ? S.noteGap + noteLines.length * S.lineHeight.note : 0;
  // Reserve room for the widest page marker so every page's caption fits what pagination assumed.
  const reservedCaption = wrapText(`${caption}（99/99）`, contentWidth, measure.caption).length * S.lineHeight.caption;
  const headerCells = header ? cellLines(header, columnWidth, measure.header, Infinity) : null;
  const headerHeight = headerCells ? rowHeight(headerCells, S.lineHeight.header) : 0;
  const fixed = 2 * S.margin + reservedCaption + S.captionGap + headerHeight + notesHeight;
  const bodyRoom = maxHeight - fixed;
  const maxLines = Math.floor((bodyRoom - 2 * S.padY) / S.lineHeight.cell);
  if (maxLines < 1) throw new RangeError(`maxHeight ${maxHeight} leaves no room for a table row (needs more than ${fixed + S.padY * 2 + S.lineHeight.cell})`);

  const bodyCells = rows.map((row) => cellLines(row, columnWidth, measure.cell, maxLines));
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  bodyCells.forEach((cells, r) => {
    const height = rowHeight(cells, S.lineHeight.cell);
    if (current.length > 0 && used + height > bodyRoom) {
      pages.push(current);
      current = [];
      used = 0;
    }
    current.push(r);
    used += height;
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);

  return pages.map((rowIndexes, p) => {
    const marker = pages.length > 1 ? `（${p + 1}/${pages.length}）` : '';
    const captionLines = wrapText(caption + marker, contentWidth, measure.caption);
    let y = S.margin;
    const captionBlock: TextBlock = { y, lines: captionLines, role: 'caption' };
    y += captionLines.length * S.lineHeight.caption + S.captionGap;
    const place = (cells: string[][], lineHeight: number): RowBox => {
      const height = rowHeight(cells, lineHeight);
      const box: RowBox = {
        y,
        height,
        cells: cells.map((lines, c) => ({ x: columnX[c] ?? 0, y, width: columnWidth[c] ?? 0, height, lines })),
      };
      y += height;
      return box;
    };
    const headerBox = headerCells ? place(headerCells, S.lineHeight.header) : null;
    const rowBoxes = rowIndexes.map((r) => place(bodyCells[r] ?? [], S.lineHeight.cell));
    const notes: TextBlock = { y: y + (noteLines.length > 0 ? S.noteGap : 0), lines: noteLines, role: 'note' };
    return {
      width: contentWidth + 2 * S.margin,
      height: Math.ceil(y + notesHeight + S.margin),
      gridX: S.margin,
      gridWidth: contentWidth,
      columnX,
      columnWidth,
      align,
      caption: captionBlock,
      header: headerBox,
      rows: rowBoxes,
      firstRow: rowIndexes[0] ?? 0,
      notes,
    };
  });
}

function pagesLine(pages: readonly number[], page: number): string {
  const first = pages[0] ?? page;
  const last = pages[pages.length - 1] ?? page;
  return first === last ? `第 ${first} 页` : `第 ${first}–${last} 页`;
}

function cellLines(row: readonly string[], widths: readonly number[], measure: MeasureText, maxLines: number): string[][] {
  return row.map((cell, c) => {
    const width = (widths[c] ?? 0) - 2 * TABLE_STYLE.padX;
    const lines = balancedLines(cell, width, measure);
    return lines.length > maxLines ? truncate(lines, maxLines, width, measure) : lines;
  });
}

/**
 * Greedy wrapping at the narrowest width that still needs no more lines: "智能装备学院" in a column
 * one character too narrow becomes 智能装/备学院 rather than 智能装备学/院. Greedy line counts only fall
 * as the width grows, so a binary search finds that width.
 */
function balancedLines(text: string, width: number, measure: MeasureText): string[] {
  const greedy = wrapText(text, width, measure);
  if (greedy.length < 2) return greedy;
  return wrapText(text, narrowestWidth(text, greedy.length, measure, width), measure);
}

/** Smallest whole-pixel width at which `text` wraps to at most `lines` lines (searched up to `upTo`). */
function narrowestWidth(text: string, lines: number, measure: MeasureText, upTo = Math.ceil(maxContentWidth(text, measure))): number {
  let low = 0;
  let high = Math.floor(upTo);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wrapText(text, middle, measure).length <= lines) high = middle;
    else low = middle;
  }
  return high;
}

/** A cell taller than a whole image is cut with "…": the CSV carries the full text. */
function truncate(lines: string[], maxLines: number, width: number, measure: MeasureText): string[] {
  const kept = lines.slice(0, maxLines);
  let last = [...(kept[maxLines - 1] ?? '')];
  while (last.length > 0 && measure(`${last.join('')}…`) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.join('')}…`;
  return kept;
}

function rowHeight(cells: readonly string[][], lineHeight: number): number {
  return Math.max(1, ...cells.map((lines) => lines.length)) * lineHeight + 2 * TABLE_STYLE.padY;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Column widths filling `target` exactly. Columns that fit within an even share keep their natural
 * width (short columns such as 序号 or 考核等级 should never wrap); the rest share what is left in
 * proportion to their natural width, which evens out the number of lines per row. No column goes
 * below its widest unbreakable word while others have room to give.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], target: number): number[] {
  const total = sum(natural);
  if (total <= target) {
    // Spare room goes to the columns in proportion to their content so the grid spans the caption.
    return natural.map((width) => width + ((target - total) * width) / Math.max(total, 1));
  }
  const widths = [...natural];
  let open = natural.map((_, c) => c);
  let remaining = target;
  for (;;) {
    const share = remaining / Math.max(open.length, 1);
    const fitting = open.filter((c) => (natural[c] ?? 0) <= share);
    if (fitting.length === 0 || fitting.length === open.length) break;
    for (const c of fitting) remaining -= natural[c] ?? 0;
    open = open.filter((c) => !fitting.includes(c));
  }
  const openNatural = sum(open.map((c) => natural[c] ?? 0));
  for (const c of open) widths[c] = (remaining * (natural[c] ?? 0)) / Math.max(openNatural, 1);

  const deficit = sum(widths.map((width, c) => Math.max(0, (minimum[c] ?? 0) - width)));
  if (deficit === 0) return widths;
  const slack = sum(widths.map((width, c) => Math.max(0, width - (minimum[c] ?? 0))));
  if (slack < deficit) {
    // Even the unbreakable words do not fit side by side: scale them down and let words be cut.
    const minTotal = sum(minimum);
    return minimum.map((width) => (width * target) / Math.max(minTotal, 1));
  }
  return widths.map((width, c) => {
    const floor = minimum[c] ?? 0;
    return width < floor ? floor : width - ((width - floor) * deficit) / slack;
  });
}

/** Whole pixels that still add up to `target`, so grid lines land on pixel boundaries. */
function integerWidths(widths: readonly number[], target: number): number[] {
  const rounded = widths.map((width) => Math.max(1, Math.floor(width)));
  const last = rounded.length - 1;
  rounded[last] = Math.max(1, (rounded[last] ?? 0) + target - sum(rounded));
  return rounded;
}
