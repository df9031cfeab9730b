import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ParsedTable } from '../store/shapes.js';
import { layoutTable, TABLE_STYLE, type Align, type RowBox, type TableImageOptions, type TablePageLayout, type TextBlock, type TextRole } from './layoutTable.js';
import { reportFontFamily } from './reportFontFamily.js';
import type { MeasureText } from './wrapText.js';

export type { TableImageOptions } from './layoutTable.js';

const COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  note: '#57606a',
  headerFill: '#e6ebf2',
  zebraFill: '#f6f8fa',
  rule: '#c9d1d9',
  /** Heavier rule under the header and round the grid, as printed tables have. */
  frame: '#8c959f',
} as const;

const WEIGHT: Record<TextRole, number> = { caption: 700, header: 700, cell: 400, note: 400 };

function cssFont(role: TextRole, family: string): string {
  // sans-serif only catches characters Noto Sans SC lacks (rare symbols); it never replaces CJK.
  return `${WEIGHT[role]} ${TABLE_STYLE.fontSize[role]}px "${family}", sans-serif`;
}

/**
 * The table as PNG images for chat, where a code block misaligns Chinese: caption, shaded bold header,
 * ruled grid with zebra rows, wrapped cells, the 数据来源 note and a source line underneath. A table
 * taller than `maxHeight` is split over several images, each repeating caption and header.
 */
export async function renderTablePngs(table: ParsedTable, options: TableImageOptions = {}): Promise<Buffer[]> {
  const family = reportFontFamily();
  const scratch = createCanvas(1, 1).getContext('2d');
  const measureFor = (role: TextRole): MeasureText => {
    const font = cssFont(role, family);
    const cache = new Map<string, number>();
    return (text) => {
      let width = cache.get(text);
      if (width === undefined) {
        scratch.font = font;
        width = scratch.measureText(text).width;
        cache.set(text, width);
      }
      return width;
    };
  };
  const pages = layoutTable(table, options, measureFor);
  // One image at a time: each holds a full-size surface, and concurrent native encodes gain nothing here.
  const images: Buffer[] = [];
  for (const page of pages) images.push(await drawPage(page, family));
  return images;
}

/** The first (usually only) image of `renderTablePngs`; a table cut over several images loses its later rows. */
export async function renderTablePng(table: ParsedTable, options: TableImageOptions = {}): Promise<Buffer> {
  const [first] = await renderTablePngs(table, options);
  if (first === undefined) throw new Error(`table ${table.id} produced no image`);
  return first;
}

function drawPage(page: TablePageLayout, family: string): Promise<Buffer> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, page.width, page.height);

  drawBlock(ctx, page.caption, family, 'center', page.gridX, page.gridWidth, COLOURS.text);

  const gridTop = page.header?.y ?? page.rows[0]?.y ?? page.caption.y;
  const lastRow = page.rows[page.rows.length - 1] ?? page.header;
  const gridBottom = lastRow ? lastRow.y + lastRow.height : gridTop;
  if (page.header) {
    ctx.fillStyle = COLOURS.headerFill;
    ctx.fillRect(page.gridX, page.header.y, page.gridWidth, page.header.height);
  }
  page.rows.forEach((row, i) => {
    if ((page.firstRow + i) % 2 === 1) {
      ctx.fillStyle = COLOURS.zebraFill;
      ctx.fillRect(page.gridX, row.y, page.gridWidth, row.height);
    }
  });

  // Rules sit on half pixels so a 1 px line covers one pixel row instead of blurring over two.
  ctx.strokeStyle = COLOURS.rule;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const row of page.rows) {
    ctx.moveTo(page.gridX, row.y + 0.5);
    ctx.lineTo(page.gridX + page.gridWidth, row.y + 0.5);
  }
  for (const x of page.columnX.slice(1)) {
    ctx.moveTo(x + 0.5, gridTop);
    ctx.lineTo(x + 0.5, gridBottom);
  }
  ctx.stroke();
  ctx.strokeStyle = COLOURS.frame;
  ctx.lineWidth = 2;
  ctx.strokeRect(page.gridX, gridTop, page.gridWidth, gridBottom - gridTop);
  if (page.header) {
    ctx.beginPath();
    ctx.moveTo(page.gridX, page.header.y + page.header.height);
    ctx.lineTo(page.gridX + page.gridWidth, page.header.y + page.header.height);
    ctx.stroke();
  }

  if (page.header) drawRow(ctx, page.header, page.align, family, 'header');
  for (const row of page.rows) drawRow(ctx, row, page.align, family, 'cell');
  drawBlock(ctx, page.notes, family, 'left', page.gridX, page.gridWidth, COLOURS.note);
  return encodeKeepingAlive(canvas);
}

/**
 * @napi-rs/canvas 0.1.x (the version pdf-parse pins) does not hold the surface during an async encode:
 * a canvas collected while its PNG is encoded on the thread pool is a use-after-free and a segfault
 * (upstream canvas#1312, fixed in 1.0.x). The canvas is referenced after the await so it stays
 * reachable until the encode is done.
 */
async function encodeKeepingAlive(canvas: Canvas): Promise<Buffer> {
  const png = await canvas.encode('png');
  // Read after the await: the async frame, and so the canvas, stays alive until here.
  if (canvas.width <= 0) throw new Error('canvas lost its surface while encoding');
  return png;
}

function drawRow(ctx: SKRSContext2D, row: RowBox, align: readonly Align[], family: string, role: 'header' | 'cell'): void {
  const lineHeight = TABLE_STYLE.lineHeight[role];
  ctx.font = cssFont(role, family);
  ctx.fillStyle = COLOURS.text;
  ctx.textBaseline = 'middle';
  row.cells.forEach((cell, c) => {
    // Vertically centred: a one-line cell beside a three-line one reads as belonging to the row.
    const top = cell.y + (cell.height - cell.lines.length * lineHeight) / 2;
    const right = align[c] === 'right';
    ctx.textAlign = right ? 'right' : 'left';
    const x = right ? cell.x + cell.width - TABLE_STYLE.padX : cell.x + TABLE_STYLE.padX;
    cell.lines.forEach((line, i) => ctx.fillText(line, x, top + i * lineHeight + lineHeight / 2));
  });
}

function drawBlock(ctx: SKRSContext2D, block: TextBlock, family: string, align: 'left' | 'center', x: number, width: number, colour: string): void {
  const lineHeight = TABLE_STYLE.lineHeight[block.role];
  ctx.font = cssFont(block.role, family);
  ctx.fillStyle = colour;
  ctx.textBaseline = 'middle';
  ctx.textAlign = align;
  const at = align === 'center' ? x + width / 2 : x;
  block.lines.forEach((line, i) => ctx.fillText(line, at, block.y + i * lineHeight + lineHeight / 2));
}
