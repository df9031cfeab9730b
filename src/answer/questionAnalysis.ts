import stopword from 'stopword';
import { escapeRegExp, normalizeForMatch } from '../text/normalize.js';
import { splitWordsAndBigrams, type Tokenizer } from '../text/tokenize.js';

/**
 * What a question asks for, read from its shape: language, years, the section or table it names,
 * whether it wants a figure, a sum or a count, a comparison between years — and its content tokens,
 * with question words removed so they do not count as evidence.
 */

export type Language = 'zh' | 'en';

export interface QuestionAnalysis {
  text: string;
  norm: string;
  language: Language;
  /** Years named in the question ("2024年", "2024 graduates"). */
  years: number[];
  /** A section, case or table the question names: "前言", "2.4.1", "案例 4-2", "表 3-4". */
  sectionMention: string | null;
  tableMention: string | null;
  /** Asks for an amount (多少, 几, 比例, how many…). */
  wantsFigure: boolean;
  /** Asks to add up or count several items (加起来, 一共, 合计, combined…). */
  wantsAggregate: boolean;
  /** Asks to compare years (同比, 比去年, 增长…). */
  wantsComparison: boolean;
  /** Content tokens (words and bigrams), question words removed, deduplicated. */
  tokens: string[];
  /**
   * The text to match against the report: the question without the words that only point at a
   * place ("前言里提到", "表3-4", "案例4-2里"), and — for an English question that quotes Chinese terms —
   * only those terms, since English words cannot match a Chinese text.
   */
  matchText: string;
}

const MODAL_WORDS: ReadonlySet<string> = new Set(['能', '能够', '可以', '做到', '打算', '想要']);
// Words that make a question a question; they say nothing about which passage answers it.
const QUESTION_WORDS = [
  '多少', '几个', '几门', '几项', '几家', '几所', '几名', '几位', '几', '是什么', '什么', '哪些', '哪个', '哪家', '哪所', '哪里', '哪',
  '是否', '有没有', '请问', '一下', '咱们', '我们', '今年', '本年度', '当年', '年度', '是', '的', '了', '吗', '呢',
  '有', '在', '里', '中', '和', '跟', '与', '谁', '拿', '到', '共', '总共', '一共', '加起来', '合计', '分别', '大概', '情况', '报告',
  '告诉', '说', '叫', '那', '那么', '现在', '目前', '个', '都', '呀', '啊', '么', '吧', '给', '为', '对', '把', '被', '还', '又',
  // Modal verbs ("能做到多少", "可以拿到") and 做到, "do/achieve" standing for whatever verb the
  // report prints, and the verbs of intention ("打算做到多少", "想要卖出多少"), which a plan the report
  // prints words as 预计 or 计划: they say how the figure is asked, not what it is of.
  ...MODAL_WORDS,
  // The speaker's "last year" is the report's own year (a report is read the year after it covers; see
  // factAnswerer), a period resolved apart like 今年 — no word a passage prints ("报告期内"); so is
  // the speaker's "the year before last", the report's prior year.
  '去年', '前年',
  // "How much money": the kind of answer asked (an amount, AMOUNT_ASK), not what it is of.
  '多少钱', '钱',
];
const QUESTION_WORD_SET = new Set(QUESTION_WORDS);
const QUANTITY_CONTRASTS: ReadonlySet<string> = new Set(['before', 'after']);
export const EN_STOP_WORDS: ReadonlySet<string> = new Set([
  // A maintained English stop list (the "natural" project's), and the pronouns and nouns of a staff
  // question ("what's our …", "… do we have", "the report") that point at nothing in the report.
  // (Less 'before' and 'after': they tell two quantities apart — profit before tax, profit after tax.)
  ...stopword.eng.filter((word) => !QUANTITY_CONTRASTS.has(word)),
  // ("When" asks for a date as "where" asks for a place, which the stop list holds: the asking word
  // names the kind of answer, a date the sentence prints, not a word of it.)
  ...'what which who when how many much was were is are the a an of in on at to for did does do by with and or from this that its it report year we us our ours have has had s i my you your they their'.split(' '),
  // Hedges say how exact the asker expects the figure to be, not what it is of (as 大概 in Chinese).
  ...'roughly approximately approx around nearly almost circa'.split(' '),
  // Latin abbreviations that close or open a list of examples ("lottery, bill pay etc", "e.g.", "i.e."):
  // they stand for more of the same, no word of what is asked.
  ...'etc eg ie viz'.split(' '),
  // A question word contracted with "is" and typed without the apostrophe ("whats", "wheres"), as
  // chat is typed; and "off", a particle of phrasal verbs ("netted off", "written off") that the
  // stop list lacks: the verb carries the meaning.
  ...'whats wheres whos hows whens thats theres heres off'.split(' '),
  // The chat spellings of function words the list holds ("thru", "r" for "are", "u", "ur", "tho"), and
  // "vs" / "versus", the preposition that sets two things side by side ("the margin vs the index
  // rate"): the things compared are named around it, as around "than".
  ...'thru tho altho r u ur coz cuz vs versus'.split(' '),
  // Light verbs, which name no action of their own but join the noun or particle that does ("bring
  // in revenue", "get from selling", "came in from", "make a payment"): a report states the thing,
  // not the verb a speaker wraps it in.
  ...'get gets got gotten getting bring brings brought bringing come comes came coming make makes made making take takes took taken taking give gives gave given giving'.split(' '),
  // So do the verbs of stance used as "be" ("a quill balance sitting in reserves", "debt stood at 4%"):
  // where a figure sits or stands is said by the noun after them.
  ...'sit sits sat sitting stand stands stood standing'.split(' '),
]);

// (English also asks for a figure by a measuring noun heading what is measured: "the amount of the levy", "the number of branches".)
const FIGURE_ASK = /多少|几[个门项家所名位次人届年天篇本]?|比例|比率|占比|[^\p{Script=Han}]率|率是|金额|数量|人数|总数|规模|how (?:many|much|big|large|high|low|long)|what (?:percentage|share|proportion|rate|number)|(?:what|多少)\s*[%％]|\brate\b|\bratio\b|\b(?:amount|number|value|cost|price|total|sum|level|size|area|length|height|weight|capacity)\s+of\b/iu;
/** The parent company on its own, beside the group: "Parent 2031 $", "母公司资产负债表". A group's report answers for the group; the parent's own figures only when asked for. */
export const PARENT_ONLY = /\bparent\b|母公司/iu;
/**
 * The parent together with its subsidiaries ("母公司加子公司", "母公司和主要子公司", "the parent and its
 * subsidiaries") is the group, not the parent alone.
 */
const PARENT_AND_SUBSIDIARIES = /母公司\s*(?:加上?|和|及|与|跟|连同|、|\+)\s*(?:主要|下属|各)?子公司|\bparent\s+(?:company\s+)?(?:and|plus|with)\s+(?:its\s+|the\s+)?subsidiaries\b/iu;
/** Whether a question asks for the parent company's own figures, apart from the group's. */
export const asksParentOnly = (question: string): boolean => PARENT_ONLY.test(question) && !PARENT_AND_SUBSIDIARIES.test(question);
/**
 * A statement or column of the parent alone: named so, or titled "Company Statement of …" as a UK
 * report titles the parent's statements beside the "Consolidated" (group) ones.
 */
export const PARENT_STATEMENT = /\bparent\b|母公司|^\s*company\s+statements?\b/iu;

/** The question asks for a rate, a ratio or a share (English by whole words: "operate" holds "rate"). */
export const RATE_ASK = /比例|比率|比重|占比|百分|率|\bpercent(?:age)?\b|\bpct\b|\ban?\s*[%％]\s*of\b|\brates?\b|\bratios?\b|\bshare of\b|(?:what|多少)\s*[%％]/iu;
/**
 * Words naming a part of a year: a half, a quarter, an interim period. A figure for the whole year
 * does not answer for a part of it, however alike the rest of the words.
 */
export const PART_OF_YEAR = /\bhalf[- ]?year|\b(?:six|three|nine) months\b|\b(?:first|second) half\b|\bH[12]\b|\binterim\b|\bquarter(?:ly)?\b|\bQ[1-4]\b|半年|季度|季报/iu;
/** The whole an English share question is of: "percentage of <total revenue> came from licensing". */
export const SHARE_BASE = /\b(?:percent(?:age)?|share|proportion|portion)\s+of\s+(.+?)\s+(?:came|comes|come|was|were|is|are|did|does|do|from|went|goes|go)\b/iu;
/** The question asks how a figure changed (a change column answers it, a level does not). */
export const CHANGE_ASK = /增减|变动|变化|增长|下降|增幅|降幅|同比|比上年|较上年|\bchanged?\b|\bincrease[ds]?\b|\bdecrease[ds]?\b|\bgrowth\b|\bgrew\b|\bdeclin/iu;
/** The question asks when: "since when", "when was …", "on what date", "何时". */
export const WHEN_ASK = /\bwhen\b|\b(?:what|which) date\b|何时|什么时候/iu;
/** Units of measure a Chinese question asks a quantity in: weight, area, volume, length, energy ("多少吨", "几公顷"). */
export const CN_MEASURE_UNITS = '吨|千克|公斤|克|公顷|亩|平方米|平方公里|立方米|千米|公里|米|千瓦时|千瓦|兆瓦|度电|标准煤';
/**
 * The question asks a quantity in a unit of measure: "多少吨", "几公顷", "how many tonnes". Such a
 * quantity is never money, and asks for a number. (The Chinese unit asked is group 1.)
 */
export const MEASURE_ASK = new RegExp(String.raw`(?:多少|几)\s*(?:十|百|千|万|亿)?\s*(${CN_MEASURE_UNITS})|\bhow many\s+(?:tonnes|tons|kilograms|kg|hectares|acres|square\s+(?:feet|metres|meters|miles|kilometres|kilometers)|cubic\s+\w+|barrels|litres|liters|gallons|megawatts|kilowatt[- ]hours|miles|kilometres|kilometers)\b`, 'iu');
/** The question asks an amount ("how much of" asks a share). */
export const AMOUNT_ASK = /\bhow much\b(?!\s+of\b)|多少钱/iu;
/** What is paid for something — a price, a fee, a salary — is a figure, and never a percentage (unless a change is asked). */
export const PAYMENT_ASK = /价格|价钱|费用|薪酬|工资|\bprices?\b|\bcost(?:s|ing)?\b|\bfees?\b|\bpaid\b|\bpay(?:s|ing)?\b|\bsalar(?:y|ies)\b|\bcompensation\b|\bremuneration\b/iu;
/**
 * What was spent is an amount: money, or a bare amount whose currency the text gives elsewhere
 * ("spent 7,450 of its cash"), never a count of years or people, nor a percentage.
 */
export const SPEND_ASK = /\bsp[ae]n[dt]s?\b|\bspending\b/iu;
const AGGREGATE_ASK = /加起来|一共|总共|合计|共计|总计|加总|总和|之和|共有多少|\bcombined\b|\bin total\b|\btotal\b|\baltogether\b|\bsum\b/iu;
const COMPARE_ASK = /同比|比去年|比上年|较上年|较去年|增长了?多少|增加了?多少|减少了?多少|变化|对比|相比|compared?|increase|decrease|change from|\b(?:go|goes|went|gone) (?:up|down)\b|\b(?:rise|rose|risen|grow|grew|grown|fall|fell|fallen|drop|dropped|decline|declined)\b/iu;

const SECTION_MENTION = /(前言|附表|案例\s*\d+\s*[-－—–]\s*\d+|(?<![\d.])\d\.\d(?:\.\d)?(?![\d.%]))/u;
const TABLE_MENTION = /表\s*(\d+(?:\s*[-－—–]\s*\d+)?)/u;

/** Our users write Chinese; a text is English only when Latin letters clearly outnumber Han. */
export function languageOf(text: string): Language {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin > 0 && han * 3 < latin ? 'en' : 'zh';
}

export function analyseQuestion(question: string, tokenizer: Tokenizer): QuestionAnalysis {
  const norm = normalizeForMatch(question);
  const language = languageOf(question);
  const section = SECTION_MENTION.exec(norm)?.[1] ?? null;
  const table = TABLE_MENTION.exec(norm)?.[1] ?? null;
  const matchText = matchingText(question, language);
  // (English match text spells out the years a question types short: "FY22", "30 june 22".)
  const yearsIn = (text: string) => [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const years = [...yearsIn(norm), ...(language === 'en' ? yearsIn(matchText) : [])];
  const tokens = contentTokens(matchText, tokenizer);
  return {
    text: question,
    norm,
    language,
    years: [...new Set(years)],
    sectionMention: section ? section.replace(/\s+/g, '').replace(/^案例/, '案例 ').replace(/[－—–]/g, '-') : null,
    tableMention: table ? `表 ${table.replace(/\s+/g, '').replace(/[－—–]/g, '-')}` : null,
    wantsFigure: FIGURE_ASK.test(norm) || PAYMENT_ASK.test(norm) || (language === 'en' && asksTersely(norm, years.length > 0 || NAMES_LAST_OR_THIS_YEAR.test(norm) || NAMES_THE_YEAR.test(norm))),
    wantsAggregate: AGGREGATE_ASK.test(norm),
    wantsComparison: COMPARE_ASK.test(norm),
    tokens,
    matchText,
  };
}

/** An English question opens with an asking word, or it is a bare noun phrase. */
const EN_ASKING_START = /^\W*(?:what|which|who|whom|whose|how|where|when|why|is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|list|name|tell|give|show|describe|explain)\b/iu;
const FISCAL_PERIOD = /\b(?:FY|H[12]|Q[1-4])\s*['’]?\d{2,4}\b/iu;

/** "What was …", "what were …": a question for the value of what it names. */
const WHAT_WAS = /^\W*what\s+(?:was|were|is|are)\b/iu;

/**
 * "QX segment sales fy2031?", "glimmer margin in 2031?": a bare noun phrase with a period asks what it
 * was then — a figure; and so does "what were glimmer sales in 2031?": a thing's value in one period is
 * an amount (what a report says of a thing without a period — its goal, its policy — is words).
 */
function asksTersely(norm: string, namesYear: boolean): boolean {
  return (!EN_ASKING_START.test(norm) || WHAT_WAS.test(norm)) && (namesYear || FISCAL_PERIOD.test(norm));
}

const PLACE_WORDS = /(?:在|据|根据)?(?:前言|附表|案例\s*\d+\s*[-－—–]\s*\d+|表\s*\d+(?:\s*[-－—–]\s*\d+)?)(?:里|中|部分)?(?:说|提到|写|讲)?(?:的)?/gu;

/**
 * English wording that says where or when, or what kind of figure, rather than what is asked about.
 * Where: "as stated in the Directors' review" names the place that says it, like 前言里提到. When: a
 * day and month ("30 June", "December 31,") and "year ended" date the period, which the year alone
 * carries on into the match. Kind: "how big", "by what percentage" ask for a size or a share, which
 * the figure's own form answers (a share is checked by its % sign). Half and quarter abbreviations
 * are spelled out as reports print them ("H1" → "first half"), and a fiscal year as its year ("FY22" → "2022").
 */
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
/** Words that introduce where a figure is stated ("according to", "per the"; "per share" is no place). */
const SOURCE_LEAD = String.raw`(?:according\s+to|as\s+per|as\s+(?:stated|reported|said|shown|set\s+out|disclosed|presented)\s+in|per(?=\s+(?:the|our|its)\b))`;
/** Where the words naming a place end: a preposition or hedge starting what follows them ("… for FY22", "… approx"). */
const PLACE_END = /\s+(?:for|in|on|at|from|to|during|by|with|approx\w*|about|around|roughly)\b.*$/iu;
const EN_PLACE = new RegExp(String.raw`\b${SOURCE_LEAD}\s+([^,.;?!]*)`, 'giu');
/** The place a question names left out, and what follows it kept ("… per the MD&A for 2031" → "… for 2031"). */
export const withoutSourcePlace = (question: string): string => question.replace(EN_PLACE, (_place: string, rest: string) => ` ${PLACE_END.exec(rest)?.[0] ?? ''} `);
const EN_PLACE_FIRST = new RegExp(EN_PLACE.source, 'iu');
/**
 * The phrase of an English question that names where its figure is stated ("… per the MD&A for 2031"
 * → "MD&A", "according to the chair's letter" → "chair's letter"), or null: what the place leaves out
 * of the match text, up to a bracket or the words that follow the place, without its determiner.
 */
export function sourcePhrase(question: string): string | null {
  const rest = EN_PLACE_FIRST.exec(question)?.[1] ?? '';
  const phrase = (rest.split(/[()]/u)[0] ?? '').replace(PLACE_END, '').trim().replace(/^(?:the|our|its)\s+/iu, '').trim();
  return phrase === '' ? partPlacePhrase(question) : phrase;
}
/** Parts of a report that hold tables: a question naming one weighs its tables as anywhere (placeOfProse). */
const TABULAR_PART = String.raw`(?:note|list|table|schedule|recon|reconciliations?|roll-?forward|breakdown|summary)`;
/**
 * Nouns that name a part of a report, not anything it reports: "the glaze note", "the kiln holdings
 * list", "the lease recon", "the 5 yr summary", "the directors' report". ("notes" is no such noun: the
 * convertible notes are a debt; "register" neither: the shareholders on a register are counted.)
 */
const DOCUMENT_PART = String.raw`(?:${TABULAR_PART}|section|statements?|disclosures?|info|information|bit|report|letter|review)`;
/** A word of the name of a report's part: "loss", "before", "pp&e", "5", "directors'". */
const PART_WORD = String.raw`[A-Za-z0-9&/'’-]+`;
/**
 * "In/on/from/under the <words> <part>" — "from the kiln levy note", "on the kiln holdings
 * list" — says where the figure is printed, as "per the …" does: its words name a
 * heading. At least one word before the part noun: "in the table" alone names none.
 */
const EN_PART_PLACE = new RegExp(String.raw`\b(?:in|on|from|under|within)\s+(?:the|our|its)\s+((?:${PART_WORD}\s+){1,4}?)${DOCUMENT_PART}\b`, 'giu');
/** The same place typed after the question, as staff add where to look: "… ? share capital note", "… (tax note)". */
const EN_PART_TAIL = new RegExp(String.raw`(?<=[?(]|\s[-–—]\s)\s*((?:${PART_WORD}\s+){1,4}?)${DOCUMENT_PART}\s*\)?\s*[?.]?\s*$`, 'iu');
/** The phrase naming a part of the report, with its part noun ("kiln levy note"), or null. */
const EN_PART_PLACE_FIRST = new RegExp(EN_PART_PLACE.source, 'iu');
function partPlacePhrase(question: string): string | null {
  const match = EN_PART_PLACE_FIRST.exec(question) ?? EN_PART_TAIL.exec(question);
  if (!match) return null;
  const words = (match[1] ?? '').trim();
  const noun = match[0].slice(match[0].toLowerCase().lastIndexOf(words.toLowerCase()) + words.length).replace(/[\s)?.]+/gu, ' ').trim();
  // (A year or fiscal year in the phrase dates the figure, not the part: "the fy31 glaze recon".)
  const named = words.split(/\s+/u).filter((w) => !/^(?:FY|YE)?['’]?\d{2,4}$/iu.test(w)).join(' ');
  return named === '' ? null : `${named} ${noun}`;
}
/** A phrase naming a part of the report without its part noun, which no passage prints ("the tax note" → "the tax"). */
const withoutItsPartNoun = (place: string, words: string): string => ` ${place.slice(0, place.toLowerCase().lastIndexOf(words.toLowerCase()) + words.length)} `;
/**
 * Whether the part a question names is read for its prose: a report, letter, review or section (the
 * "MD&A", "the chairman's statement"), not a note, table, schedule, list, reconciliation or summary,
 * which hold tables.
 */
export const placeOfProse = (phrase: string): boolean => !ENDS_IN_TABULAR_PART.test(phrase.trim());
const ENDS_IN_TABULAR_PART = new RegExp(String.raw`\b${TABULAR_PART}$`, 'iu');
/** The match text without the words of the part of the report it names ("… from the kiln levy" → "… from the"). */
export const withoutPlaceWords = (text: string, phrase: string): string => {
  // (A Chinese whole goes with the words that say the part is within it: "釉料费用明细里".)
  if (/\p{Script=Han}/u.test(phrase)) return text.replace(new RegExp(`${escapeRegExp(phrase)}${ZH_WITHIN_SUFFIX}`, 'u'), ' ');
  const words = escapeRegExp(withoutPartNoun(phrase) ?? phrase).replace(/\s+/gu, String.raw`\s+`);
  return text.replace(new RegExp(String.raw`(?<![\w&])${words}(?![\w&])`, 'iu'), ' ');
};
/**
 * What follows a Chinese whole to say the part asked is within it: a word for its listing (明细, 附注,
 * 那张表), then 里 / 里面 / 当中 / 之中 ("釉料费用明细里", "合并现金流量表里面"). (Not a bare 中,
 * which closes too many words — 其中, 集中 — nor 里 after 这, 那, 哪, which make "here" and "there".)
 */
const ZH_WITHIN_SUFFIX = String.raw`的?(?:明细表?|明细账|附注|注释|那张表|这张表|那块|那项)?(?:里面|里头|里|当中|之中)的?`;
const ZH_WHOLE_THEN_PART = new RegExp(
  String.raw`(?:^|[，,。；;？?\s])(?:在|从|看)?([\p{Script=Han}A-Za-z]{2,12}?)(?<![这那哪公万千])${ZH_WITHIN_SUFFIX}(?=[，,\s]*[\p{Script=Han}A-Za-z]{2})`,
  'u',
);
/**
 * The whole a Chinese question names before the part it asks ("釉料费用明细里窑具费", "研发费用里面
 * 直接投入"): the note or statement to read, as "per the … note" is in English. The part is what is
 * asked; a figure of the whole is no answer to it. Null when the question names none.
 */
export function zhWholePhrase(question: string): string | null {
  return ZH_WHOLE_THEN_PART.exec(question)?.[1] ?? null;
}
/** The part noun that closes a phrase naming a part, left out ("kiln levy note" → "kiln levy"), or null when none closes it. */
const ENDS_IN_PART_NOUN = new RegExp(String.raw`\s+${DOCUMENT_PART}$`, 'iu');
export const withoutPartNoun = (phrase: string): string | null => {
  const shorter = phrase.replace(ENDS_IN_PART_NOUN, '');
  return shorter === phrase ? null : shorter;
};
const EN_DAY_MONTH = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b,?)`, 'giu');
/**
 * A year typed in two digits after a day and month ("30 june 22", "dec 31, 22") or after a month with
 * an apostrophe ("june '22"): the year 2022, as in a written date. (Read before the day and month go.)
 */
const EN_SHORT_YEAR_DATE = new RegExp(
  `\\b((?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?),?\\s+['’]?|(?:${MONTHS})\\s+['’])(\\d{2})\\b(?![.,]?\\d|\\s*%)`,
  'giu',
);
/**
 * "Last year" and "this year" in a staff question mean the year the latest report covers, as 去年 and
 * 今年 do: asked after the year ends, about its report. (The "prior year" of a statement is its
 * comparative column, read elsewhere.)
 */
export const EN_LAST_OR_THIS_YEAR = /\b(?:last|this)\s+(?:(?:fiscal|financial)\s+)?year\b/giu;
const NAMES_LAST_OR_THIS_YEAR = new RegExp(EN_LAST_OR_THIS_YEAR.source, 'iu');
/**
 * "for the year", "during the financial year", "at year end": the report's own period, named as a
 * statement names it ("Loss for the year"). What a thing was over a period is an amount.
 */
const NAMES_THE_YEAR = /\b(?:(?:for|in|during|over|throughout)\s+the\s+(?:(?:fiscal|financial)\s+)?year|(?:at|as\s+at)\s+(?:the\s+)?year[\s-]?end)\b/iu;
/**
 * A verb of holding a role before "as" ("who serves as chief harbour officer", "acts as company
 * secretary") says only that the role is held, as "is" does: reports print "X is …" or "X (…)".
 * (Not a bare "act": "the Companies Act as amended".)
 */
const EN_ROLE_VERB = /\b(?:serv(?:e|es|ed|ing)|act(?:s|ed|ing))\s+as\b/giu;
/**
 * "Left" after a form of "be" or "have" ("how much was left on the facility", "do we have left")
 * says the amount remains, which every balance does: no report prints the word beside it ("$3.8
 * million available under the facility"). "Left the company" keeps it.
 */
const EN_LEFT_OVER = /\b((?:is|are|was|were|have|has|had)\s+(?:(?:still|currently|now)\s+)?)left\b/giu;
const EN_PERIOD_END = /\b(?:(?:fiscal|financial)\s+)?(?:years?|periods?|quarters?|half-years?|months?)\s+end(?:ed|ing)\b/giu;
const EN_KIND = /\b(?:how\s+(?:big|large|high|low|long)|(?:by\s+)?(?:(?:roughly|approximately|about|around)\s+)?what\s+(?:percentage|per\s*cent(?:age)?|percent))\b/giu;
/**
 * "What date", "which month", "on what day": the noun names the kind of answer, a date, as "when"
 * does (WHEN_ASK) — no word a sentence prints beside the date it gives.
 */
const EN_DATE_KIND = /\b((?:what|which)\s+)(?:date|day|month)\b/giu;
/**
 * "When was it first listed", "originally founded", "initially appointed": asked when, the adverb says
 * the date asked is the first time, which is the date a report prints for the event ("was formed in
 * October 2031"); it is no word of the sentence. (Only in a question for a date: "as originally
 * reported" tells a figure from its restatement.)
 */
const EN_FIRST_TIME = /\b(?:first|originally|initially)\s+(?=[a-z]{3,}ed\b|(?:set|built|begun|began|made|become|became|founded)\b)/giu;
const HALF_OR_QUARTER: Record<string, string> = { h1: 'first half', h2: 'second half', q1: 'first quarter', q2: 'second quarter', q3: 'third quarter', q4: 'fourth quarter' };
const HALF_OR_QUARTER_TOKEN = /\b([hq][1-4])\b/giu;
/** "FY22", "FY 2022", "F.Y.'22", "YE22" (year end): reports print the year itself ("During 2031, we spent …"). */
const FISCAL_YEAR_TOKEN = /\b(?:FY|F\.Y\.|YE|CY)\s*['’]?(\d{2}|(?:19|20)\d{2})\b/giu;
/**
 * A year typed in two digits after the words that name a year's end or the year itself ("at end of
 * 21", "yr end 22", "y/e 22", "fiscal 22", "financial year 22"): the year 2021, 2022, as "FY22" is.
 * (Not before "%", a decimal or a unit of time: "end of 21%", "the end of 21 days" are no year.)
 */
const EN_SHORT_YEAR_AFTER_PERIOD = /\b((?:end\s+of|year[\s-]?end|yr\.?\s*end|y\/e|fiscal(?:\s+year)?|financial\s+year|calendar\s+year)\s+['’]?)(\d{2})\b(?![.,]?\d|\s*%|\s+(?:days?|weeks?|months?|quarters?|years?)\b)/giu;
/**
 * "At year end", "as at the end of the year": the moment a balance is asked for, a period like "at 31
 * December" (which goes too), not a topic a passage must repeat. Rows for the moment are told apart
 * by the question's own text (the opening against the close), not by these match words.
 */
const EN_AT_YEAR_END = /\b(?:at|as\s+at|as\s+of)\s+(?:the\s+)?(?:(?:financial|fiscal)\s+)?(?:year[- ]end|end\s+of\s+(?:the\s+)?(?:(?:financial|fiscal)\s+)?year)\b/giu;
/**
 * Nouns that say "the quantity of" the word before them: "the cash balance" is the cash, "the debt
 * level" the debt, "the loss figure" the loss — where "the cash rate" or "the share price" are other
 * things. After a content word such a noun is no topic a passage or label must repeat.
 */
export const QUANTITY_NOUNS: readonly string[] = ['balance', 'balances', 'amount', 'amounts', 'figure', 'figures', 'level', 'levels'];
const EN_QUANTITY_AFTER = new RegExp(String.raw`\b([a-z][a-z'’-]*)\s+(${QUANTITY_NOUNS.join('|')})\b`, 'giu');
/** "YE" without a year: the year end, spelled out as reports print it ("at ye" → "at year end"). */
const YEAR_END_TOKEN = /\bYE\b/giu;

/**
 * Contractions of an auxiliary and "not", typed with or without the apostrophe ("haven't", "havent",
 * "didnt", "won't"): function words, which a tokenizer would otherwise split into a stray "haven".
 */
const NEGATED_AUXILIARY = /\b(?:is|are|was|were|do|does|did|has|have|had|would|could|should|must|need|wo|ca)n['’]?t\b/giu;

/**
 * An alternative the asker rules out: "(not consolidated)", "… from the recon not the cf", "not the
 * company one", "（不是期末那个）", "，而不是母公司的". Its words name what is not asked, so no passage is
 * held to them. Only "not" and its kin, in brackets or before "the": "excluding fuel" and 不含 qualify
 * the figure asked, and "not recognised" is part of what is asked.
 */
const EN_RULED_OUT = /\(\s*(?:not|rather than|instead of)\b[^)]*\)|\b(?:not|rather than|instead of)\s+the\s+[^,.?;:()]*/giu;
/**
 * The unit an English question wants its amount in, typed as a currency and a scale with no number
 * ("£k", "$m", "€bn", "$000s", "£'000"): the way a statement's heading prints its unit, which says
 * how the figure reads, not what it is of. Its letter ("k", "m") is no word of any label or passage,
 * and a rare one weighs as much as the thing asked. (A number before the scale, "£150k", is a figure
 * of the question's and stays.)
 */
const EN_SCALED_CURRENCY = /(?<![\p{L}\p{N}.,])(?:(?:US|A|NZ|HK|S)?[$£€¥]|(?:USD|GBP|EUR|AUD|MYR|RMB|CNY)\s?)['’]?(?:k|m|mn|mm|bn|b|000s?)(?![\p{L}\p{N}])/giu;
const ZH_RULED_OUT = /[（(]\s*(?:不是|并非|而不是|非)[^）)]*[）)]|[，,]\s*(?:不是|并非|而不是)[^，,。？?]*/gu;

function englishMatchText(question: string): string {
  return withoutSourcePlace(question)
    .replace(EN_RULED_OUT, ' ')
    .replace(EN_SCALED_CURRENCY, ' ')
    .replace(EN_PART_PLACE, withoutItsPartNoun)
    .replace(EN_PART_TAIL, withoutItsPartNoun)
    .replace(NEGATED_AUXILIARY, ' ')
    .replace(EN_SHORT_YEAR_DATE, (_date: string, dayMonth: string, year: string) => `${dayMonth.replace(/['’]\s*$/u, '')} 20${year}`)
    .replace(EN_LAST_OR_THIS_YEAR, ' ')
    .replace(EN_ROLE_VERB, ' as ')
    .replace(EN_LEFT_OVER, '$1')
    .replace(EN_DAY_MONTH, ' ')
    .replace(EN_PERIOD_END, ' ')
    .replace(EN_KIND, ' how much ')
    .replace(EN_DATE_KIND, '$1')
    .replace(EN_FIRST_TIME, (adverb: string) => (WHEN_ASK.test(question) ? '' : adverb))
    .replace(HALF_OR_QUARTER_TOKEN, (token: string) => HALF_OR_QUARTER[token.toLowerCase()] ?? token)
    .replace(FISCAL_YEAR_TOKEN, (_token: string, year: string) => (year.length === 2 ? `20${year}` : year))
    .replace(EN_SHORT_YEAR_AFTER_PERIOD, (_phrase: string, words: string, year: string) => `${words.replace(/['’]\s*$/u, '')}20${year}`)
    .replace(YEAR_END_TOKEN, 'year end')
    .replace(EN_AT_YEAR_END, ' ')
    .replace(EN_QUANTITY_AFTER, (phrase: string, word: string) => (EN_STOP_WORDS.has(word.toLowerCase()) ? phrase : word))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A demonstrative and its classifier ("那次增资", "这笔贷款", "这个项目", "那些学生", "研发那块的费用",
 * "集团那边的"): it points at what
 * follows, as "that" does, and names nothing a passage prints; with it in the match text its
 * characters would also join their neighbours into bigrams ("次增") that no passage has.
 */
const ZH_DEICTIC = /[这那](?:个|次|些|笔|项|种|类|位|家|批|份|条|件|回|块|边)/gu;
/**
 * "去年底", "截至去年年末", "2031年末": the moment a balance is asked at, the end of the year named — a
 * period, resolved with the year (the close of the report's year is its balance-sheet date), as "at year
 * end" is in English; reports print the date ("截至 2031 年 12 月 31 日") or 期末, rarely 年底. The year
 * stays; the end goes. ("年末余额", "年末数" are column names, and stay.)
 */
const ZH_YEAR_END = /([去今前上本\d])?年年?(?:底|末)(?!余额|数|账面)/gu;

function matchingText(question: string, language: Language): string {
  const withoutPlace = question.replace(PLACE_WORDS, ' ');
  if (language === 'en') {
    const han = question.match(/[\p{Script=Han}“”《》（）()、\d.%]+/gu)?.filter((s) => /\p{Script=Han}/u.test(s)) ?? [];
    if (han.length > 0) return han.join(' ');
    const english = englishMatchText(withoutPlace);
    return /[\p{L}\p{N}]/u.test(english) ? english : withoutPlace;
  }
  return withoutPlace
    .replace(ZH_RULED_OUT, ' ')
    .replace(ZH_DEICTIC, ' ')
    .replace(ZH_YEAR_END, (_end: string, year: string | undefined) => (year === undefined ? ' ' : `${year}年`));
}

function keep(token: string): boolean {
  if (QUESTION_WORD_SET.has(token) || EN_STOP_WORDS.has(token)) return false;
  if (token.length !== 2 || !/\p{Script=Han}{2}/u.test(token)) return true;
  // A bigram made of question-word characters ("多少" parts, "是什"), or straddling a function
  // character ("的就", "率是"), says nothing about the topic.
  const chars = [...token];
  return !chars.every((ch) => QUESTION_CHARS.has(ch)) && !chars.some((ch) => FUNCTION_CHARS.has(ch));
}

const FUNCTION_CHARS = new Set([...'的是了吗呢在和跟与里几么哪谁']);

/** Tokens that carry meaning, as printed (no search stems): no question words, no bare punctuation, no English stop words. */
export function contentTokens(text: string, tokenizer: Tokenizer): string[] {
  const { words, bigrams } = contentTerms(text, tokenizer);
  return [...words, ...bigrams];
}

/**
 * A modal verb the segmenter cut out as a word of one character ("能" of "预计能做到"), unless a kept
 * word holds it: a bigram with it straddles the modal and the topic ("计能"), which no passage prints.
 * (Only the modals: other one-character question words, "到", "有", are as often the first
 * character of a term the segmenter cut wrong, "到账额".)
 */
function loneQuestionChars(words: readonly string[]): Set<string> {
  const lone = new Set(words.filter((w) => /^\p{Script=Han}$/u.test(w) && MODAL_WORDS.has(w)));
  for (const word of words) if (keep(word) && word.length > 1) for (const ch of word) lone.delete(ch);
  return lone;
}

/**
 * Content tokens split into segmenter words and cross-word bigrams. Bigrams that straddle two words
 * ("位数" in "工位数量") depend on word order and say less than a word match, so matchers weigh them lower.
 */
export function contentTerms(text: string, tokenizer: Tokenizer): { words: string[]; bigrams: string[] } {
  const { words, bigrams } = splitWordsAndBigrams(tokenizer.tokens(text), text);
  const lone = loneQuestionChars(words);
  return { words: words.filter(keep), bigrams: bigrams.filter((b) => keep(b) && ![...b].some((ch) => lone.has(ch))) };
}

const MEASURE = '(?:名|个|门|项|家|所|位|人次|人|篇|本|次|天|场|届|批|台|套|间|亩|元|万元)';
const COUNTED_AFTER = new RegExp(`(?:多少|几)${MEASURE}?((?:\\p{Script=Han}|[（）()“”])+?)(?:[？?。！!]|$)`, 'u');

/**
 * "有多少名研究生" counts 研究生: the figure's own clause must end with that noun ("…研究生数 N"),
 * or "研究生学历教师数 318 名" (teachers) would answer a question about students.
 */
export function countedNoun(question: string): string | null {
  const noun = COUNTED_AFTER.exec(question)?.[1]?.replace(/^的/u, '');
  return noun && noun.length >= 2 ? noun : null;
}

const QUESTION_CHARS = new Set([...'多少几是什么哪些个谁的了吗呢有在里中和跟与拿到共一加起来合计那么请问今年去钱我们咱']);

const HAN_QUESTION_WORDS = QUESTION_WORDS.filter((w) => /^\p{Script=Han}+$/u.test(w));
/**
 * The positions (of the question's characters, as `[...question]` lists them) that a question word
 * covers as typed: 今 of "今年", 少 of "多少" — not 今 of "现今", nor 少 of "减少". The characters of the
 * question's own asking, where they ask.
 */
export function askingPositions(question: string): ReadonlySet<number> {
  const chars = [...question];
  const out = new Set<number>();
  for (let i = 0; i < chars.length; i += 1) {
    for (const word of HAN_QUESTION_WORDS) {
      if (chars.slice(i, i + word.length).join('') !== word) continue;
      for (let j = i; j < i + word.length; j += 1) out.add(j);
    }
  }
  return out;
}

/**
 * "How many technicians …": the noun an English count asks about, read as the last word of the phrase
 * between "how many" (or "number of") and the verb or preposition that follows it.
 */
const EN_COUNTED = /\b(?:how many|number of)\s+((?:[a-z][a-z-]*\s+){0,3}?[a-z][a-z-]*)(?=\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could|work|in|at|on|of|for|as|by|during|with|from|to)\b|\s*[?.!,]|\s*$)/iu;

/** A word that looks plural: "depots", "technicians", "sales" (not "business", "status", "analysis"). */
const PLURAL_LOOKING = /^[a-z-]{2,}[^sui]s$/u;

/**
 * "What's the total budget for the …": the noun an English question asks the value of, read as the
 * last word of the noun phrase between "what is the" and the preposition that follows it. A
 * measuring word ("the amount of …", "what was the fleet worth") heads no thing: none is read.
 */
const EN_ASKED_HEAD = /\bwhat(?:['’]?s|\s+(?:is|was|are|were))\s+(?:the|our|its|their)\s+(?:[a-z][a-z-]*\s+){0,3}?([a-z][a-z-]*)\s+(?:for|of|on|in|at|from|under|with)\b/iu;
const MEASURING_NOUN = /^(?:amount|number|value|worth|total|level|size|sum|figure|percentage|proportion|share|rate|ratio|cost|price)s?$/u;

/**
 * "How much interest did we earn on …": the noun between "how much" and the question's verb is what
 * is measured, the words after the verb say of what.
 */
const EN_HOW_MUCH_HEAD = /\bhow\s+much\s+(?:[a-z][a-z-]*\s+){0,2}?([a-z][a-z-]*)\s+(?:did|do|does|was|were|is|are|has|have|had|will|would|can|could)\b/iu;

export function askedHeadEnglish(question: string): string | null {
  const head = (EN_ASKED_HEAD.exec(question) ?? EN_HOW_MUCH_HEAD.exec(question))?.[1]?.toLowerCase();
  return head && head.length >= 3 && !MEASURING_NOUN.test(head) && !EN_STOP_WORDS.has(head) ? head : null;
}

export function countedNounEnglish(question: string): string | null {
  const words = EN_COUNTED.exec(question)?.[1]?.trim().toLowerCase().split(/\s+/u) ?? [];
  // A count asks about things in the plural: the phrase's noun ends its first run of plural words,
  // whatever verb the list above does not know follows ("how many depots let members order" counts
  // depots; "how many sales associates" counts associates). Without a plural, its last word.
  const first = words.findIndex((w) => PLURAL_LOOKING.test(w));
  let end = first;
  while (first >= 0 && PLURAL_LOOKING.test(words[end + 1] ?? '')) end += 1;
  const head = first >= 0 ? words[end] : words.at(-1);
  return head && head.length >= 3 ? head : null;
}
