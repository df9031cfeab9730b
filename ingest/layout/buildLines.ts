import type { LaidLine, LineGeometry, PdfPageItems, PositionedItem, Segment } from '../types.js';
import { mostCommon } from './bodyStyle.js';

/**
 * Printed lines of a PDF page from pdf.js's text items, top to bottom. Items whose baselines are
 * within a fraction of the font size belong to one line (a superscript stays with its line). Along a
 * line, a gap wider than about a character splits it into segments — the cells of a table row, a
 * label and its value — and a narrower visible gap is a space. All thresholds are in units of the
 * font size, so they hold for any page size and type size.
 */

/** Baselines closer than this (× font size) are one line. */
const SAME_LINE = 0.45;
/** A gap wider than this (× font size) starts a new segment. */
const SEGMENT_GAP = 1.0;
/** A gap wider than this (× font size) is a space between words. */
const SPACE_GAP = 0.15;
/** Two items of the same text this close (× font size) are one run printed twice (fake bold). */
const DOUBLE_PRINT = 0.2;
/** An item within this (× font size) of a longer item's ends on its baseline lies inside it. */
const INSIDE_SLACK = 0.2;

export function buildLines(page: PdfPageItems): LaidLine[] {
  const items = withoutDoublePrints([...page.items].sort((a, b) => a.y - b.y || a.x - b.x));
  const rows: PositionedItem[][] = [];
  let row: PositionedItem[] = [];
  let rowY = 0;
  let rowSize = 0;
  for (const item of items) {
    if (row.length > 0 && item.y - rowY <= SAME_LINE * Math.max(rowSize, item.size)) {
      row.push(item);
      continue;
    }
    if (row.length > 0) rows.push(row);
    row = [item];
    rowY = item.y;
    rowSize = item.size;
  }
  if (row.length > 0) rows.push(row);
  return rows.map((r) => lineOf(page, r));
}

function withoutDoublePrints(sorted: PositionedItem[]): PositionedItem[] {
  return withoutRedraws(withoutTwins(sorted));
}

function withoutTwins(sorted: PositionedItem[]): PositionedItem[] {
  const out: PositionedItem[] = [];
  for (const item of sorted) {
    const near = DOUBLE_PRINT * item.size;
    let twin = false;
    // Sorted by baseline: only the items just before can be this one's twin.
    for (let i = out.length - 1; i >= 0 && item.y - (out[i]?.y ?? 0) < near; i -= 1) {
      const seen = out[i];
      if (seen && seen.text === item.text && Math.abs(seen.x - item.x) < near) twin = true;
    }
    if (!twin) out.push(item);
  }
  return out;
}

/**
 * A run drawn again in pieces over itself, as some producers fake bold type or a signature's ink
 * ("On behalf of the Wardens", then "n behal", "f", "of", "he Wa" on the same baseline inside it): a
 * piece that lies inside a longer run on its baseline and has no letter the run lacks is that run
 * drawn again — text cannot stand inside other text and be read. (A name typed over a signature
 * line of underscores has letters the line lacks, and stays.)
 */
function withoutRedraws(sorted: PositionedItem[]): PositionedItem[] {
  const inside = (item: PositionedItem, run: PositionedItem): boolean => {
    const slack = INSIDE_SLACK * run.size;
    return (
      run.width > item.width &&
      Math.abs(run.y - item.y) < DOUBLE_PRINT * run.size &&
      item.x >= run.x - slack &&
      item.x + item.width <= run.x + run.width + slack &&
      lettersOf(item.text).every((letter) => run.text.includes(letter))
    );
  };
  return sorted.filter((item, i) => {
    const near = DOUBLE_PRINT * item.size;
    // Sorted by baseline: only the items just before and after can hold this one.
    for (let j = i - 1; j >= 0 && item.y - (sorted[j]?.y ?? 0) < near; j -= 1) if (inside(item, sorted[j] as PositionedItem)) return false;
    for (let j = i + 1; j < sorted.length && (sorted[j]?.y ?? 0) - item.y < near; j += 1) if (inside(item, sorted[j] as PositionedItem)) return false;
    return true;
  });
}

const lettersOf = (text: string): string[] => [...text.replace(/\s+/gu, '')];

function lineOf(page: PdfPageItems, row: PositionedItem[]): LaidLine {
  const items = [...row].sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  const chars = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const item of items) {
    const size = item.size;
    const x1 = item.x + Math.max(0, item.width);
    // A currency sign after an amount, or after a percentage, opens the next column's amount ("4,210 $
    // 3,875", "84.7 % $ 3,633,023": a share of the year beside the next year's amount).
    const opensAmount = current !== null && CURRENCY_ONLY.test(item.text.trim()) && /\d\)?(?:\s?%)?$/u.test(current.text.trim());
    if (current && !opensAmount && item.x - current.x1 <= SEGMENT_GAP * size) {
      const gap = item.x - current.x1;
      const needsSpace = gap > SPACE_GAP * size && !current.text.endsWith(' ') && !item.text.startsWith(' ');
      current.text += needsSpace ? ` ${item.text}` : item.text;
      current.x1 = Math.max(current.x1, x1);
      current.pieces.push({ text: item.text, x0: item.x, x1 });
    } else {
      current = { text: item.text, x0: item.x, x1, pieces: [{ text: item.text, x0: item.x, x1 }] };
      segments.push(current);
    }
    const count = item.text.replace(/\s+/gu, '').length;
    chars.set(item.font, (chars.get(item.font) ?? 0) + count);
    const rounded = Math.round(size * 10) / 10;
    sizes.set(rounded, (sizes.get(rounded) ?? 0) + count);
  }
  for (const segment of segments) segment.text = segment.text.replace(/\s+/gu, ' ').trim();
  const kept = withCurrencyJoined(segments.filter((s) => s.text !== ''));
  const geometry: LineGeometry = {
    y: Math.max(...row.map((i) => i.y)),
    x0: kept[0]?.x0 ?? 0,
    x1: Math.max(...kept.map((s) => s.x1)),
    size: mostCommon(sizes) ?? row[0]?.size ?? 0,
    font: mostCommon(chars) ?? row[0]?.font ?? '',
    segments: kept,
    pageWidth: page.width,
    pageHeight: page.height,
  };
  return { page: page.page, text: kept.map((s) => s.text).join(' '), geometry };
}

/**
 * Accounting layouts set the currency sign apart from its amount ("$      6,402"): a segment that is
 * only a currency sign belongs with the amount after it.
 */
const CURRENCY_ONLY = /^(?:[$€£¥￥]|US\$|HK\$|A\$|RMB|CNY|USD|EUR|GBP)$/u;

function withCurrencyJoined(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (segment && next && CURRENCY_ONLY.test(segment.text) && /^[(\-−–]?\d/u.test(next.text)) {
      out.push({ text: `${segment.text} ${next.text}`, x0: segment.x0, x1: next.x1, pieces: [...segment.pieces, ...next.pieces] });
      i += 1;
    } else if (segment) out.push(segment);
  }
  return out;
}

