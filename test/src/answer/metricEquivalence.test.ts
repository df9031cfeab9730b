import { describe, expect, it } from 'vitest';
import { sameQuantity } from '../../../src/answer/metricEquivalence.js';
import type { MetricEntry } from '../../../src/store/shapes.js';

const entry = (name: string, value: string, unit = '%'): MetricEntry => ({ name, value, unit, qualifier: '', section: { id: '2.1', path: [] }, page: 9, evidence: `${name} ${value}${unit}` });

describe('one quantity or two', () => {
  it('takes names that share most of their words as one quantity', () => {
    expect(sameQuantity(entry('glimmer expense for 2031 was', '21.8'), entry('glimmer expense in 2031 was', '20.5'))).toBe(true);
  });

  it('never takes a change and a level as one quantity, in either language', () => {
    expect(sameQuantity(entry('glimmer expense for 2031 increased … to', '10.9'), entry('glimmer expense for 2031 was', '21.8'))).toBe(false);
    expect(sameQuantity(entry('琉璃收入同比增长', '8.2'), entry('琉璃收入占比', '31.5'))).toBe(false);
  });
});
