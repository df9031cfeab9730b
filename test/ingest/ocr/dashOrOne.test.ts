import { describe, expect, it } from 'vitest';
import { dashesReadAsOne } from '../../../ingest/ocr/dashOrOne.js';

/** A white line image 200 × 48 (values 1) with black horizontal bars (−1), 3 pixels thick, at row 24. */
function line(bars: Array<{ from: number; to: number }>): Float32Array {
  const plane = new Float32Array(200 * 48).fill(1);
  for (const { from, to } of bars) for (let y = 23; y <= 25; y += 1) for (let x = from; x <= to; x += 1) plane[y * 200 + x] = -1;
  return plane;
}

describe('a bar read as 一', () => {
  // 4 ems of text in a 200-pixel box with 0.6 em of margins: one em is 200 / 4.6 ≈ 43.5 pixels.
  // 25 time steps over 200 pixels: step 7 is read at x = 60, step 18 at x = 148.
  it('stays 一 when it spans most of an em, and is a dash when shorter', () => {
    const plane = line([{ from: 45, to: 75 }, { from: 129, to: 167 }]);

    expect(dashesReadAsOne('一一', [7, 18], 25, plane, 200, 48, 4)).toBe('－一');
  });

  it('bridges a gap of a pixel or two in a bar blurred by resampling', () => {
    const plane = line([{ from: 129, to: 145 }, { from: 147, to: 167 }]);

    expect(dashesReadAsOne('一', [18], 25, plane, 200, 48, 4)).toBe('一');
  });

  it('leaves every other character alone, and a 一 with no ink under it', () => {
    expect(dashesReadAsOne('甲乙一', [2, 5, 18], 25, line([]), 200, 48, 4)).toBe('甲乙一');
  });
});
