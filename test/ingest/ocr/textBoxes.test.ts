import { describe, expect, it } from 'vitest';
import { textBoxes } from '../../../ingest/ocr/textBoxes.js';

/** A probability map with `value` over each rectangle [x0, y0, x1, y1) and 0 elsewhere. */
function map(width: number, height: number, rects: Array<[number, number, number, number, number]>): Float32Array {
  const out = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, value] of rects) {
    for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) out[y * width + x] = value;
  }
  return out;
}

describe('textBoxes', () => {
  it('gives each region of likely text its own box, grown back by area × 1.5 / perimeter, and at least 0.6 of its height up and down', () => {
    // Two kernels 20×4 on one row with a gap between them: two cells, not one line.
    const boxes = textBoxes(map(100, 20, [[10, 8, 30, 12, 0.9], [50, 8, 70, 12, 0.9]]), 100, 20);

    // 20 × 4 × 1.5 / (2 × 24) = 2.5 every way (more than 0.6 × 4 = 2.4)
    expect(boxes).toEqual([
      { x0: 7, y0: 5, x1: 33, y1: 15 },
      { x0: 47, y0: 5, x1: 73, y1: 15 },
    ]);
  });

  it('grows a narrow region (a lone digit) up and down by 0.6 of its height, so its glyph stays whole', () => {
    // A 4×8 kernel: area × 1.5 / perimeter gives 2 pixels sideways; 0.6 × 8 = 4.8 up and down.
    expect(textBoxes(map(40, 40, [[18, 16, 22, 24, 0.9]]), 40, 40)).toEqual([{ x0: 16, y0: 11, x1: 24, y1: 29 }]);
  });

  it('leaves out specks thinner than 3 pixels and regions the detector is unsure of', () => {
    const boxes = textBoxes(map(60, 20, [[5, 5, 7, 15, 0.9], [20, 5, 40, 12, 0.45], [45, 5, 55, 12, 0.8]]), 60, 20);

    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.x0).toBeLessThan(45);
    expect(boxes[0]?.x1).toBeGreaterThan(55);
  });

  it('keeps boxes inside the image', () => {
    expect(textBoxes(map(20, 10, [[0, 0, 20, 4, 1]]), 20, 10)).toEqual([{ x0: 0, y0: 0, x1: 20, y1: 7 }]);
  });

  it('refuses a map whose size does not match', () => {
    expect(() => textBoxes(new Float32Array(10), 4, 4)).toThrow(RangeError);
  });
});
