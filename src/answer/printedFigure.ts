import type { MetricEntry } from '../store/shapes.js';

const AFTER_NUMBER = /^(以上|以下|以内|左右|多|余|-plus|\+)$/u;

/**
 * A registry figure as the report prints it, hedges in place: "超87%", "近4200万元", "1100余名",
 * "90%以上", "达4万多人" (qualifier "达…多": before…after the number).
 */
export function printedFigure(entry: Pick<MetricEntry, 'value' | 'unit' | 'qualifier' | 'currency'>): string {
  const q = entry.qualifier;
  const [before, after] = q.includes('…') ? (q.split('…') as [string, string]) : AFTER_NUMBER.test(q) ? ['', q] : [q, ''];
  // 余/多 sit between the number and the unit ("1100余名"); 以上/左右 follow the unit ("90%以上").
  const inner = after === '余' || after === '多' ? after : '';
  const outer = inner ? '' : after;
  // English words keep their spaces: "approximately 17.4%", "12.5 million".
  const lead = /[A-Za-z]$/u.test(before) ? `${before} ` : before;
  // The currency stands against the number as printed ("£0.2 million"); a code keeps its space ("RMB 300").
  const currency = entry.currency ? (/[A-Za-z]$/u.test(entry.currency) ? `${entry.currency} ` : entry.currency) : '';
  const unit = /^[A-Za-z]/u.test(entry.unit) ? ` ${entry.unit}` : entry.unit;
  return `${lead}${currency}${entry.value}${inner}${unit}${outer}`;
}

/**
 * A registry name as shown: the elision mark where the figure stood goes between Chinese words
 * ("投入…建设了云端实训平台" reads 投入建设了云端实训平台) and stays, spaced, between English ones, which
 * would otherwise run together ("revenue by … to").
 */
export function shownName(name: string): string {
  return name.replace(/\s*…\s*/gu, (mark, at: number) => (/[A-Za-z0-9]/u.test(name[at - 1] ?? '') || /[A-Za-z0-9]/u.test(name[at + mark.length] ?? '') ? ' … ' : ''));
}
