import type { Turn } from './types.js';

const ELLIPTICAL_START = /^(那|那么|那个|还有|另外|再问|and\b|what about|how about|and in)/iu;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;
const HAS_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;

/**
 * Makes an elliptical follow-up ("那 2023 年呢？", "按学院分呢？") a whole question by carrying the
 * previous question's topic over: a new year replaces the old one, anything else is appended.
 */
export function resolveFollowUp(question: string, history: readonly Turn[] | undefined): string {
  const previous = history?.at(-1)?.question.trim();
  if (!previous) return question;
  const trimmed = question.trim();
  const core = trimmed.replace(/[？?！!。.\s]|呢|吗/gu, '');
  const elliptical = ELLIPTICAL_START.test(trimmed) || core.length <= 8 || /呢[？?]?$/u.test(trimmed);
  if (!elliptical) return question;
  const years = trimmed.match(YEAR);
  const rest = core.replace(ELLIPTICAL_START, '').replace(YEAR, '').replace(/年度?|的/gu, '');
  if (years && rest.length === 0) {
    const year = years[0] ?? '';
    return HAS_YEAR.test(previous) ? previous.replace(YEAR, year) : `${year}年${previous}`;
  }
  return `${previous} ${trimmed.replace(ELLIPTICAL_START, '').trim()}`;
}
