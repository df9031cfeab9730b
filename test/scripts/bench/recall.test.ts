import { describe, expect, it } from 'vitest';
import { strictRecall, tieAwareRecall } from '../../../scripts/bench/recall.js';

const exact = [
  { index: 4, score: 0.9 },
  { index: 7, score: 0.8 },
  { index: 2, score: 0.7 },
];
const scores = new Map([
  [4, 0.9],
  [7, 0.8],
  [2, 0.7],
  [9, 0.7],
  [5, 0.1],
]);
const scoreOf = (i: number) => scores.get(i) ?? -1;

describe('strictRecall', () => {
  it('counts the exact top k rows the search returned', () => {
    expect(strictRecall([4, 5, 2], exact, 3)).toBeCloseTo(2 / 3);
  });

  it('counts a row returned twice once', () => {
    expect(strictRecall([4, 4, 4], exact, 3)).toBeCloseTo(1 / 3);
  });
});

describe('tieAwareRecall', () => {
  it('credits a different row that scores as high as the exact k-th', () => {
    // Row 9 ties row 2 at 0.7: an equally good answer, so full recall.
    expect(tieAwareRecall([4, 7, 9], exact, 3, scoreOf)).toBe(1);
    expect(strictRecall([4, 7, 9], exact, 3)).toBeCloseTo(2 / 3);
  });

  it('does not credit a row below the exact k-th', () => {
    expect(tieAwareRecall([4, 7, 5], exact, 3, scoreOf)).toBeCloseTo(2 / 3);
  });

  it('counts a row returned twice once', () => {
    expect(tieAwareRecall([4, 4, 7], exact, 3, scoreOf)).toBeCloseTo(2 / 3);
  });

  it('is 1 when there is nothing to find', () => {
    expect(tieAwareRecall([], [], 10, scoreOf)).toBe(1);
  });
});
