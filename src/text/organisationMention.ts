import { escapeRegExp } from './normalize.js';

/**
 * Questions name the organisation a report is about ("Lanternfield Holdings' EBITDA", "远山科技股份有限公司
 * 2031年研发费用"): that name is the subject of every question on the report, so it is no evidence of
 * which passage, row or column answers. This finds it as the question writes it — the whole name or its
 * first words ("Lanternfield Holdings" of "Lanternfield Holdings Ltd"), at least four characters,
 * with a possessive after it — and takes it out.
 */
export function withoutOrganisation(text: string, organisation: string | undefined): string {
  if (!organisation) return text;
  for (const pattern of namePatterns(organisation)) {
    if (pattern.test(text)) return text.replace(pattern, ' ').replace(/\s+/gu, ' ').trim();
  }
  return text;
}

/**
 * The name's forms, longest first, built once per name: every question is read against every report's
 * organisation, and an index of a hundred reports holds only a handful of names.
 */
const patternsByName = new Map<string, RegExp[]>();

function namePatterns(organisation: string): RegExp[] {
  let patterns = patternsByName.get(organisation);
  if (patterns) return patterns;
  const words = organisation
    .replace(/[.,，。]+/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
  patterns = [];
  for (let n = words.length; n >= 1; n -= 1) {
    const name = words.slice(0, n);
    if (name.join('').length < 4) break;
    patterns.push(new RegExp(`${name.map(escapeRegExp).join('[\\s.,]*')}(?:['’]s?)?`, 'iu'));
  }
  patternsByName.set(organisation, patterns);
  return patterns;
}

