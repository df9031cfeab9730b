import { describe, expect, it } from 'vitest';
import { ctcDecode } from '../../../ingest/ocr/ctcDecode.js';

/** Scores for a sequence of most-likely classes, each step one-hot at `p` over 5 classes. */
function steps(classes: number[], p = 0.9): Float32Array {
  const out = new Float32Array(classes.length * 5).fill((1 - p) / 4);
  classes.forEach((c, i) => (out[i * 5 + c] = p));
  return out;
}

describe('ctcDecode', () => {
  const dictionary = ['甲', 'b', '7'];

  it('collapses repeats, drops blanks, and keeps a repeat the blank separates', () => {
    expect(ctcDecode(steps([1, 1, 0, 1, 2, 2, 0, 0, 3]), 0, 9, 5, dictionary).text).toBe('甲甲b7');
  });

  it('says the time step each character was read at', () => {
    expect(ctcDecode(steps([1, 1, 0, 1, 2, 2, 0, 0, 3]), 0, 9, 5, dictionary).steps).toEqual([0, 3, 4, 8]);
  });

  it('reads the class after the dictionary as a space', () => {
    expect(ctcDecode(steps([2, 4, 3]), 0, 3, 5, dictionary).text).toBe('b 7');
  });

  it('gives the mean probability of the characters kept, 0 when none', () => {
    const scores = steps([1, 0, 2]);
    scores[5 * 2 + 2] = 0.5;
    expect(ctcDecode(scores, 0, 3, 5, dictionary).confidence).toBeCloseTo(0.7, 6);
    expect(ctcDecode(steps([0, 0]), 0, 2, 5, dictionary)).toEqual({ text: '', confidence: 0, steps: [] });
  });

  it('reads one item of a batch from its offset', () => {
    const batch = new Float32Array([...steps([0, 0]), ...steps([3, 1])]);
    expect(ctcDecode(batch, 10, 2, 5, dictionary).text).toBe('7甲');
  });
});
