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

/** A Chinese name a question types is at least this many characters: shorter runs are words. */
const MIN_HAN_NAME = 4;
/** Characters a company's full name may hold between the part a question types and its legal form ("科技" of 江苏青禾栖木新材料科技有限公司). */
const MAX_NAME_TAIL = 8;
/** The longest stretch of a name read before its legal form. */
const MAX_NAME = 24;
const BEFORE_LEGAL_FORM = new RegExp(`\\p{Script=Han}{${MIN_HAN_NAME},${MAX_NAME}}?(?=${CN_LEGAL_FORMS})`, 'gu');

/**
 * The Chinese company names a report prints, each without its legal form: the run of Han characters
 * (at most MAX_NAME) before each 有限公司, 股份有限公司…, once each. Read once per report; a question's
 * runs are then looked for among these, not in the whole text.
 */
export function companyNamesIn(printed: string): string[] {
  const names = new Set<string>();
  for (const m of printed.matchAll(BEFORE_LEGAL_FORM)) names.add(m[0]);
  return [...names];
}

/**
 * The other companies a Chinese question names, as it types them: runs of the question's Han
 * characters (MIN_HAN_NAME or more, longest first, not overlapping) that stand in one of the report's
 * company names (see companyNamesIn) at most MAX_NAME_TAIL characters before its legal form
 * ("青禾栖木新材料" of 江苏青禾栖木新材料科技有限公司). A question about such a company asks that
 * company's figure, which none of the report's own rows is.
 */
export function companiesNamedIn(question: string, companyNames: readonly string[]): string[] {
  const found: string[] = [];
  if (companyNames.length === 0) return found;
  const starts = openingsOf(companyNames);
  for (const run of question.match(/\p{Script=Han}+/gu) ?? []) {
    for (let start = 0; start + MIN_HAN_NAME <= run.length; ) {
      if (!starts.has(run.slice(start, start + MIN_HAN_NAME))) {
        start += 1;
        continue;
      }
      let length = 0;
      for (let end = run.length; end - start >= MIN_HAN_NAME && length === 0; end -= 1) {
        if (inCompanyName(run.slice(start, end), companyNames)) length = end - start;
      }
      if (length > 0) found.push(run.slice(start, start + length));
      start += length > 0 ? length : 1;
    }
  }
  return found;
}

/** Every run of MIN_HAN_NAME characters in the names, read once per list: a question's run that opens with none is in no name. */
const openingsMemo = new WeakMap<readonly string[], ReadonlySet<string>>();
function openingsOf(companyNames: readonly string[]): ReadonlySet<string> {
  let runs = openingsMemo.get(companyNames);
  if (!runs) {
    const all = new Set<string>();
    for (const name of companyNames) for (let at = 0; at + MIN_HAN_NAME <= name.length; at += 1) all.add(name.slice(at, at + MIN_HAN_NAME));
    openingsMemo.set(companyNames, (runs = all));
  }
  return runs;
}

/** Whether `text` prints MIN_HAN_NAME characters of `name` together: as much of it as a question types to name it. */
export function printsPartOfName(name: string, text: string): boolean {
  for (let at = 0; at + MIN_HAN_NAME <= name.length; at += 1) if (text.includes(name.slice(at, at + MIN_HAN_NAME))) return true;
  return false;
}

function inCompanyName(part: string, companyNames: readonly string[]): boolean {
  return companyNames.some((name) => {
    const at = name.lastIndexOf(part);
    return at >= 0 && name.length - (at + part.length) <= MAX_NAME_TAIL;
  });
}
