import { readFileSync } from 'node:fs';
import type { MetricEntry } from '../../../src/store/shapes.js';

/** One line of eval/dev/metrics.dev.jsonl. */
export interface GoldMetric {
  id: string;
  query: string;
  /** Report wording; "…" marks words the annotator left out. */
  canonical: string;
  value: string;
  unit: string;
  qualifier: string;
  section: string;
}

export function readGold(file: string): GoldMetric[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldMetric);
}

// Spaces are pdf artefacts; "…" is split on before NFKC (which would turn it into "...").
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');

/** Same figure, counted in the same unit, hedged the same way. */
export function sameFigure(entry: MetricEntry, gold: GoldMetric): boolean {
  return squash(entry.value) === squash(gold.value) && entry.unit === gold.unit && entry.qualifier === gold.qualifier;
}

/**
 * The entry's name says what the gold wording says. Either side may elide words with "…"; an entry
 * name read with its unit ("参与共同体建设共有…单位" + 家) must hold every printed part of the gold
 * wording in order, or — for a name that is a tighter cut of the same words — sit inside it.
 */
export function sameName(entry: MetricEntry, gold: GoldMetric): boolean {
  const read = squash(entry.name.split('…').join(entry.unit)) + entry.unit;
  const parts = gold.canonical.split('…').map(squash).filter((p) => p !== '');
  let from = 0;
  const inOrder = parts.every((part) => {
    const at = read.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
    return true;
  });
  const name = squash(entry.name);
  return inOrder || (name.length >= 3 && !entry.name.includes('…') && squash(gold.canonical).includes(name));
}

export interface GoldScore {
  total: number;
  /** Gold figures found with the right unit and qualifier. */
  figures: number;
  /** …and under a name that matches the gold wording. */
  named: number;
  /** …and in the gold's section. */
  placed: number;
  misses: string[];
}

export function scoreAgainstGold(entries: readonly MetricEntry[], gold: readonly GoldMetric[]): GoldScore {
  const score: GoldScore = { total: gold.length, figures: 0, named: 0, placed: 0, misses: [] };
  for (const g of gold) {
    const figures = entries.filter((e) => sameFigure(e, g));
    const named = figures.filter((e) => sameName(e, g));
    if (figures.length > 0) score.figures += 1;
    if (named.length > 0) score.named += 1;
    if (named.some((e) => e.section.id === g.section)) score.placed += 1;
    else score.misses.push(`${g.id} ${g.canonical} ${g.qualifier}${g.value}${g.unit} → ${figures.map((e) => `${e.name}@${e.section.id}`).join('; ') || 'none'}`);
  }
  return score;
}
