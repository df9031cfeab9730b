import { escapeRegExp } from './normalize.js';
import { CN_LEGAL_FORMS } from './legalForm.js';

/**
 * Questions name the organisation a report is about ("Lanternfield Holdings' EBITDA", "远山科技股份有限公司
 * 2031年研发费用"): that name is the subject of every question on the report, so it is no evidence of
 * which passage, row or column answers. This finds it as the question writes it — the whole name or its
 * first words ("Lanternfield Holdings" of "Lanternfield Holdings Ltd"), at least four characters,
 * with a possessive after it; a Chinese name also without its legal form — and takes it out.
 */
export function withoutOrganisation(text: string, organisation: string | undefined): string {
  if (!organisation) return text;
  for (const pattern of namePatterns(organisation)) {
    if (pattern.test(text)) return text.replace(pattern, ' ').replace(/\s+/gu, ' ').trim();
  }
  return text;
}

/** The legal form a Chinese company's name ends with. */
const CN_LEGAL_FORM = new RegExp(`(?:集团)?(?:${CN_LEGAL_FORMS})$`, 'u');

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
  // A Chinese company is named by its name less the legal form ("栖木" of "栖木股份有限公司",
  // "栖木化工" of "栖木化工股份有限公司"), maybe with "股份" or "集团" after it, and "的" after that.
  const core = organisation.trim().replace(CN_LEGAL_FORM, '');
  if (/^\p{Script=Han}{2,}$/u.test(core) && core !== organisation.trim()) patterns.push(new RegExp(`${escapeRegExp(core)}(?:股份|集团|公司)?的?`, 'u'));
  patternsByName.set(organisation, patterns);
  return patterns;
}

