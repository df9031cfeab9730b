/**
 * Text regions from a text detector's probability map (the DB method of PaddleOCR's detector: each
 * pixel's chance of lying inside a shrunk text kernel). Pixels above `PIXEL_THRESHOLD` are joined into
 * 4-connected regions; a region whose mean probability is below `REGION_THRESHOLD` is noise. The
 * detector was trained on kernels shrunk inward in proportion to a line's height, so each region is
 * grown back on every side by `area × 1.5 / perimeter`, as the method prescribes — except upward and
 * downward, where it is at least 0.6 of the kernel's height (the formula gives a line, much wider than
 * high, 0.75): a narrow region, such as a lone digit in a table cell, otherwise lost the top of its
 * glyph ("7" read as "("); 0.75 made a lone CJK character's box too tall. Sideways the formula
 * stands, so a box does not reach into the next cell or the table's rule. Report pages are
 * upright, so regions are axis-aligned rectangles: a cell of a table and the next cell stay apart
 * wherever the detector left a gap between them, which is what the table finder needs.
 */

const PIXEL_THRESHOLD = 0.3;
const REGION_THRESHOLD = 0.6;
const UNCLIP = 1.5;
/** Least growth up and down, × the kernel's height. */
const MIN_VERTICAL_GROW = 0.6;
/** A region thinner than this (pixels) in either direction is a speck, not text. */
const MIN_SIDE = 3;

export interface Box {
  x0: number;
  y0: number;
  /** Exclusive right and bottom edges. */
  x1: number;
  y1: number;
}

export function textBoxes(probability: Float32Array, width: number, height: number): Box[] {
  if (probability.length !== width * height) throw new RangeError(`probability map has ${probability.length} values, not ${width}×${height}`);
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const boxes: Box[] = [];
  for (let start = 0; start < probability.length; start += 1) {
    if (seen[start] === 1 || (probability[start] ?? 0) <= PIXEL_THRESHOLD) continue;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() ?? 0;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += probability[p] ?? 0;
      count += 1;
      if (x > 0) visit(p - 1);
      if (x < width - 1) visit(p + 1);
      if (y > 0) visit(p - width);
      if (y < height - 1) visit(p + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (w < MIN_SIDE || h < MIN_SIDE || sum / count < REGION_THRESHOLD) continue;
    const grow = (w * h * UNCLIP) / (2 * (w + h));
    const growUp = Math.max(grow, MIN_VERTICAL_GROW * h);
    boxes.push({
      x0: Math.max(0, Math.floor(x0 - grow)),
      y0: Math.max(0, Math.floor(y0 - growUp)),
      x1: Math.min(width, Math.ceil(x1 + 1 + grow)),
      y1: Math.min(height, Math.ceil(y1 + 1 + growUp)),
    });
  }
  return boxes;

  function visit(q: number): void {
    if (seen[q] === 1 || (probability[q] ?? 0) <= PIXEL_THRESHOLD) return;
    seen[q] = 1;
    stack.push(q);
  }
}
