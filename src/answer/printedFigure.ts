import type { MetricEntry } from '../store/shapes.js';

const AFTER_NUMBER = /^(以上|以下|以内|左右|多|余)$/u;

/**
 * A registry figure as the report prints it, hedges in place: "超91%", "近6000万元", "1100余名",
 * "95%以上", "达3万多人次" (qualifier "达…多": before…after the number).
 */
export function printedFigure(entry: Pick<MetricEntry, 'value' | 'unit' | 'qualifier'>): string {
  const q = entry.qualifier;
  const [before, after] = q.includes('…') ? (q.split('…') as [string, string]) : AFTER_NUMBER.test(q) ? ['', q] : [q, ''];
  // 余/多 sit between the number and the unit ("1100余名"); 以上/左右 follow the unit ("95%以上").
  const inner = after === '余' || after === '多' ? after : '';
  const outer = inner ? '' : after;
  return `${before}${entry.value}${inner}${entry.unit}${outer}`;
}
