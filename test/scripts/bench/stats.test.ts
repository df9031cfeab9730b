import { describe, expect, it } from 'vitest';
import { mean, median, percentile, round } from '../../../scripts/bench/stats.js';

describe('percentile', () => {
  it('takes the nearest rank, as npm run eval does', () => {
    const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(oneToTwenty, 95)).toBe(19);
    expect(percentile(oneToTwenty, 50)).toBe(10);
    expect(percentile(oneToTwenty, 100)).toBe(20);
  });

  it('does not depend on the order of the samples', () => {
    expect(percentile([30, 10, 20, 40], 50)).toBe(20);
    expect(percentile([40, 30, 20, 10], 95)).toBe(40);
  });

  it('returns NaN when there are no samples', () => {
    expect(percentile([], 95)).toBeNaN();
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle sample of an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('returns NaN when there are no samples', () => {
    expect(median([])).toBeNaN();
  });
});

describe('mean and round', () => {
  it('averages the samples', () => {
    expect(mean([1, 2, 6])).toBe(3);
  });

  it('rounds to the given decimals', () => {
    expect(round(2.345, 2)).toBe(2.35);
    expect(round(1234.5, 0)).toBe(1235);
  });
});
