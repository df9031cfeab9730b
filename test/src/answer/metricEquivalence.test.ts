import { describe, expect, it } from 'vitest';
import { namesPartOfList, sameFigure, sameQuantity } from '../../../src/answer/metricEquivalence.js';
import type { MetricEntry } from '../../../src/store/shapes.js';

const entry = (name: string, value: string, unit = '%', evidence = `${name} ${value}${unit}`): MetricEntry => ({ name, value, unit, qualifier: '', section: { id: '2.1', path: [] }, page: 9, evidence });

describe('one quantity or two', () => {
  it('takes names that share most of their words as one quantity', () => {
    expect(sameQuantity(entry('glimmer expense for 2031 was', '21.8'), entry('glimmer expense in 2031 was', '20.5'))).toBe(true);
  });

  it('never takes English names that each hold a content word the other lacks as one quantity', () => {
    expect(sameQuantity(entry('glimmer margin before harbour levy', '8,120'), entry('glimmer margin after harbour levy', '5,310'))).toBe(false);
    // (Words that say nothing of the quantity are no such word: "for" and "in".)
    expect(sameQuantity(entry('glimmer margin for 2031 was', '8,120'), entry('glimmer margin in 2031 was', '8,100'))).toBe(true);
  });

  it('takes an English name with a word set into the other\'s phrase as a part of it, not the same quantity', () => {
    expect(sameQuantity(entry('Cash paid for federal vorn levies was', '29.4', 'million'), entry('Cash paid for vorn levies was', '37.4', 'million'))).toBe(false);
    // Words that add only the whole or the period keep it one quantity.
    expect(sameQuantity(entry('Total glimmer expense for fiscal 2031 was', '21.8'), entry('glimmer expense for 2031 was', '20.5'))).toBe(true);
  });

  it('never takes figures named alike whose sentences go on to say which each is, in words the other lacks, as one quantity', () => {
    const glimmer = entry('Kilns cost', '4,120,000', '', 'Kilns cost £4,120,000 in the year, paid from the glimmer works.');
    const glitter = entry('Kilns cost', '2,900,000', '', 'Kilns cost £2,900,000 in the year, paid from the glitter works.');
    const restated = entry('Kilns cost', '4,100,000', '', 'Kilns cost £4,100,000 in the year to 31 December.');
    expect([sameQuantity(glimmer, glitter), sameQuantity(glimmer, restated)]).toEqual([false, true]);
  });

  it('never takes figures of sentences naming different years as one quantity', () => {
    const at = entry('outstanding on the quill revolver', '275.0', 'million', 'As of December 31, 2031, we had $275.0 million outstanding on the quill revolver.');
    const later = entry('outstanding on the quill revolver', '290.0', 'million', 'In January 2032, we borrowed more, bringing the outstanding on the quill revolver to $290.0 million.');
    const same = entry('outstanding on the quill revolver', '280.0', 'million', 'At year end 2031 the outstanding on the quill revolver was $280.0 million.');
    expect([sameQuantity(at, later), sameQuantity(at, same)]).toEqual([false, true]);
  });

  it('never takes a change and a level as one quantity, in either language', () => {
    expect(sameQuantity(entry('glimmer expense for 2031 increased … to', '10.9'), entry('glimmer expense for 2031 was', '21.8'))).toBe(false);
    expect(sameQuantity(entry('琉璃收入同比增长', '8.2'), entry('琉璃收入占比', '31.5'))).toBe(false);
  });
});

describe('one figure or two', () => {
  it('takes a figure printed with more decimals as the same figure, a hedge or another unit as another', () => {
    const f = (value: string, unit = 'million', qualifier = '') => ({ value, unit, qualifier });
    expect([sameFigure(f('275'), f('275.0')), sameFigure(f('1,204'), f('1204')), sameFigure(f('91', '%', '超'), f('95', '%', '以上')), sameFigure(f('275'), f('275', 'thousand'))]).toEqual([true, true, false, false]);
  });
});

describe('namesPartOfList', () => {
  it('is a part when the question names some of the things a metric name lists, not all', () => {
    const name = '销售各类钻井机、抽水机及配件';
    expect(namesPartOfList(name, '去年抽水机卖了多少台')).toBe(true);
    expect(namesPartOfList(name, '钻井机、抽水机及配件一共销售多少台')).toBe(false);
    // (A question naming none of the items, and a name that lists nothing, are no part.)
    expect(namesPartOfList(name, '去年销售了多少台')).toBe(false);
    expect(namesPartOfList('销售各类抽水机', '去年抽水机卖了多少台')).toBe(false);
    // (Items told apart by their last three characters: 钻井机 is not 打井机.)
    expect(namesPartOfList('钻井机及汽轮机', '打井机销量')).toBe(false);
  });
});
