import type { CleanLine } from '../types.js';

/**
 * How the body text of a report is set: the font size and face most of its characters use. Headings
 * stand out from it by a larger size or another face; table titles larger than it are not rows.
 */
export interface BodyStyle {
  size: number;
  font: string;
}

export function bodyStyle(lines: readonly CleanLine[]): BodyStyle {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const line of lines) {
    if (!line.geometry) continue;
    const size = Math.round(line.geometry.size * 10) / 10;
    sizes.set(size, (sizes.get(size) ?? 0) + line.text.length);
    fonts.set(line.geometry.font, (fonts.get(line.geometry.font) ?? 0) + line.text.length);
  }
  return { size: mostCommon(sizes) ?? 0, font: mostCommon(fonts) ?? '' };
}

/** The font size most of the document's characters are set in (0 for text input). */
export function bodyFontSize(lines: readonly CleanLine[]): number {
  return bodyStyle(lines).size;
}

/** The key with the largest count (the first such when several tie). */
export function mostCommon<K>(counts: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
