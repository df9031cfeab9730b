import type { FoundFigure } from './findFigures.js';

/**
 * "increased its dividend from 18 cents to 21 cents", "revenue fell from $5.1 million to $4.2
 * million", "从 120 人增加到 150 人", "由 3.2% 提高至 4.1%": a change stated as a span. The figure after
 * "from" (从, 由) is where the quantity started, the earlier state; the one after "to" (到, 至) is what
 * it came to. Read as the period's figure, the start is the wrong one.
 */
const FROM_BEFORE = /(?:\bfrom|[从由])\s*$/iu;
/** Between the two figures: a few words at most, then "to" (到, 至), and the next figure right after. */
const TO_BETWEEN = /^(?:\s+[a-z]+){0,4}?\s+to\s*$|^[^，。；,;]{0,8}?(?:到|至)\s*$/iu;

/** Whether `figure` starts a "from X to Y" span: the next figure of the sentence follows "to" (到, 至). */
export function startsChangeSpan(sentence: string, figure: FoundFigure, figures: readonly FoundFigure[]): boolean {
  if (!FROM_BEFORE.test(sentence.slice(Math.max(0, figure.start - 12), figure.start))) return false;
  const next = figures.find((other) => other.start >= figure.end);
  return next !== undefined && TO_BETWEEN.test(sentence.slice(figure.end, next.start));
}

/** A question asking where a change started ("from what", "before the increase", "previous", 原来, 之前). */
export const ASKS_START = /\b(?:from\s+what|before|previous(?:ly)?|prior|original(?:ly)?|old|start(?:ed|ing)?)\b|原来|之前|此前|调整前|变更前/iu;
