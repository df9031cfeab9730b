import type { Block, MetricEntry } from '../src/store/shapes.js';

/**
 * Words the segmenter should keep whole because the report itself treats them as terms: quoted names
 * (“青岚工匠计划”, “三融计划”) and metric names. Learnt per report and stored with the index, so
 * questions are segmented the same way as the text they are matched against.
 */
const QUOTED = /[“"《]([^”"》]{2,16})[”"》]/gu;

export function deriveVocabulary(blocks: Block[], metrics: MetricEntry[]): string[] {
  const words = new Set<string>();
  for (const block of blocks) {
    for (const m of block.text.matchAll(QUOTED)) {
      const term = m[1]?.trim();
      if (term && !/[，。；、：,.;:\s]/u.test(term)) words.add(term);
    }
  }
  for (const metric of metrics) {
    const name = metric.name.replace(/\s+/g, '');
    if (name.length >= 2 && name.length <= 12 && !/[，。；、：“”《》（）…]/u.test(name)) words.add(name);
  }
  return [...words].sort();
}
