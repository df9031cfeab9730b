import { splitSentences } from '../../src/text/splitSentences.js';
import { displayWidth, numberedHeading } from './lineShapes.js';

/**
 * The numbering styles reports put in front of their headings, in both languages, each with its
 * usual rank in an outline. The Chinese ranks follow the official-document convention (GB/T 9704):
 * 第X章/节 above 一、 above （一） above 1. / 1、 above （1） above 1） and ①; English filings put PART above
 * Item, and notes to the accounts are numbered on their own. The rank only orders styles that meet
 * in one outline: where a report uses them in another order, what it prints first stays on top.
 */

export type HeadingKind =
  | 'chapter'
  | 'part'
  | 'item'
  | 'cn-major'
  | 'cn-paren'
  | 'note'
  | 'decimal'
  | 'arabic-dun'
  | 'arabic-paren'
  | 'arabic-half-paren'
  | 'letter'
  | 'letter-paren'
  | 'roman-paren'
  | 'circled'
  | 'exhibit';

export interface NumberedShape {
  kind: HeadingKind;
  /** Lower ranks sit higher in the outline. */
  rank: number;
  /** The number or numbers it carries ("1.2.3" → [1, 2, 3]; "Item 1A" → [1.01]). */
  numbers: number[];
  /** The numbering as printed ("第二节", "Item 7.", "（三）"). */
  label: string;
  /** The words after the numbering; empty when the title is printed on the next line. */
  title: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  if (!/^[零〇一二三四五六七八九十百]+$/u.test(text)) return null;
  const hundred = text.split('百');
  let total = 0;
  let rest = text;
  if (hundred.length === 2) {
    total += (CN_DIGITS[hundred[0] ?? ''] ?? 1) * 100;
    rest = hundred[1] ?? '';
  }
  if (rest.includes('十')) {
    const [tens, ones] = rest.split('十');
    total += (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
  } else if (rest !== '') {
    total += [...rest].reduce((n, ch) => n * 10 + (CN_DIGITS[ch] ?? 0), 0);
  }
  return total;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanNumber(text: string): number | null {
  if (!/^[IVXL]+$/u.test(text)) return null;
  let total = 0;
  const values = [...text].map((ch) => ROMAN[ch] ?? 0);
  values.forEach((v, i) => (total += v < (values[i + 1] ?? 0) ? -v : v));
  return total;
}

/** Words start a title; a figure, a unit or a percentage after the number means the line is prose. */
const TITLE_START = /^(?:[\p{Script=Han}\p{L}“"《（(‘']|(?:19|20)\d{2}\s*年)/u;
/** A line that ends like a sentence or a clause is text, not a heading. */
const CLAUSE_END = /[。；，,;：:]$/u;
/** Headings are short: at most this many CJK cells (Latin letters count half). */
export const HEADING_MAX_WIDTH = 60;
/** A numbered title this wide (CJK cells) or less may end on a colon. */
const COLON_TITLE_WIDTH = 30;
/** An English heading title has at most this many words; more make a sentence. */
const MAX_TITLE_WORDS = 14;

const CHAPTER = /^第\s*([零〇一二三四五六七八九十百\d]{1,4})\s*([章节篇部分]{1,2})\s*(.*)$/u;
const PART = /^(PART|Part)\s+([IVXL]+|\d{1,2})\b\.?\s*[—–:-]?\s*(.*)$/u;
const ITEM = /^(ITEM|Item)\s+(\d{1,2})([A-Ca-c])?\s*[.:—–-]?\s*(.*)$/u;
const CN_MAJOR = /^([一二三四五六七八九十]{1,3})\s*[、．.]\s*(.*)$/u;
const CN_PAREN = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*[、．.]?\s*(.*)$/u;
const NOTE = /^(NOTE|Note)\s+(\d{1,2})\b\s*[.:—–-]?\s*(.*)$/u;
const ARABIC_DUN = /^(\d{1,2})\s*、\s*(.*)$/u;
const ARABIC_PAREN = /^[（(]\s*(\d{1,2})\s*[)）]\s*(.*)$/u;
const ARABIC_HALF_PAREN = /^(\d{1,2})\s*[)）]\s*(.*)$/u;
/** "A. Selected Financial Data" (20-F sections under an Item), "(a) Description of Business". */
const LETTER = /^([A-H])\.\s+(\S.*)$/u;
/** "① 权益法核算的长期股权投资": circled numbers, under （1） in Chinese reports. */
const CIRCLED = /^([\u2460-\u2473])\s*(.*)$/u;
/** "EXHIBIT 31.01", "Exhibit 10.26BH": the label at the head of a document filed with a report. */
const EXHIBIT = /^(EXHIBIT|Exhibit)\s+(\d{1,3}(?:\.\d{1,3})?[A-Z]{0,3})\s*[.:—–-]?\s*(.*)$/u;
const LETTER_PAREN = /^[（(]([a-z])[)）]\s+(\S.*)$/u;
/** "(ii) Transactions and balances": lower-case roman numerals of two letters or more ("(i)" is read as a letter). */
const ROMAN_PAREN = /^[（(]((?:x{0,3})(?:ix|iv|v?i{0,3}))[)）]\s+(\S.*)$/u;
/** "i) Share-based payments", "ii) …": lower-case roman numerals closed by a bracket only, one of the same list as "(iv)". */
const ROMAN_HALF_PAREN = /^((?:x{0,3})(?:ix|iv|v?i{0,3}))\)\s+(\S.*)$/u;

/**
 * A short title may end on a colon ("Board Members and Employees:", "1、审计委员会履职情况汇总报告："):
 * the text without it. A longer line, or a clause with a comma, that ends so introduces what follows,
 * and is returned as it is.
 */
export function withoutTitleColon(line: string): string {
  const raw = line.trim();
  return displayWidth(raw) <= COLON_TITLE_WIDTH && !/[，,；;]/u.test(raw) ? raw.replace(/[:：]$/u, '') : raw;
}

/**
 * The numbering of a heading line, or null when the line is not shaped like one: too long, ending
 * like a clause, or with a figure rather than words after its number.
 */
export function numberedShape(line: string): NumberedShape | null {
  const raw = line.trim();
  if (displayWidth(raw) > HEADING_MAX_WIDTH) return null;
  // Parts and items may end on a colon ("Item 1. Business:"), and so may a short title without a comma
  // ("1、审计委员会履职情况汇总报告："); a longer line or a clause that does introduces what follows.
  const text = /^(?:part|item)\s/iu.test(raw) ? raw.replace(/[:：]$/u, '') : withoutTitleColon(raw);
  if (CLAUSE_END.test(text)) return null;
  const shape = matchShape(text);
  if (!shape) return null;
  // A filing's item kept only by number prints its title in brackets ("Item 6. [Reserved]").
  if ((shape.kind === 'item' || shape.kind === 'part') && /^\[[A-Za-z][A-Za-z ]*\]$/u.test(shape.title)) return shape;
  if (shape.title !== '' && !TITLE_START.test(shape.title)) return null;
  // An English title starts with a capital; "(1) appointed 20 October 2021" is a footnote, "(a) to the …" a list item.
  if (/^[a-z]/u.test(shape.title)) return null;
  if (shape.title !== '' && readsAsSentence(shape.title)) return null;
  // A title is words: brackets and runs of asterisks (a redacted exhibit, a formula) are not.
  if (/[[\]]|\*\*/u.test(shape.title)) return null;
  // "1、市场风险：…" / "2. Liquidity: the Group …" is a list item that runs on after its lead-in, not a heading.
  if (/[:：]\s*\S{4,}/u.test(shape.title)) return null;
  return shape;
}

/**
 * English words that read as a sentence, not a title: a clause after a comma ("During 2031, we
 * acquired …"), many words, or a last word that cannot end a title (an article, preposition or
 * conjunction: the line breaks off mid-sentence).
 */
export function readsAsSentence(text: string): boolean {
  const t = text.trim();
  if (!/^[\x00-\x7f’‘“”–—]+$/u.test(t)) return false;
  if (t.split(/\s+/u).length > MAX_TITLE_WORDS) return true;
  if (/,\s+[a-z]/u.test(t) && !enumerates(t)) return true;
  if (/[a-z]\.$/u.test(t) && t.split(/\s+/u).length > 4) return true;
  // (In a title the last word is capitalised, so only a lower-case one breaks off.)
  return breaksOff(t);
}

/**
 * English words that open with a demonstrative standing for what came before and go on with its verb
 * ("THIS CONCLUDES THE REMUNERATION REPORT", "This is stated after charging:", "These benefits will
 * only be obtained if:"): a clause about the text above, where a title names what follows it. ("This
 * Year in Review" is a title: its demonstrative is followed by a noun, not a verb. A singular
 * demonstrative takes no plural noun, so a word after it ending in -s is its verb, unless the word
 * only looks plural: business, analysis, status.)
 */
export function refersBack(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!/^[\x00-\x7f’‘“”–—]+$/u.test(t)) return false;
  return /^(?:this|that)\s+(?![a-z]*(?:ss|is|us)\b)[a-z]+s\b(?!['’])/u.test(t) || /^(?:this|that|these|those)\s+(?:[a-z]+\s+){0,2}?(?:is|are|was|were|will|would|shall|should|can|could|may|might|must|has|have|had)\b/u.test(t);
}

/**
 * An English line that ends a sentence leading into what follows it with a colon: a clause with its
 * verb ("The glimmer provision consists of the following (in thousands):", "… was as follows:"), or
 * its last words ("summarized as follows:"). A group label over rows ends on a colon too ("Cash flows
 * from operating activities:"), but has no verb.
 */
export function leadsInto(text: string): boolean {
  const t = text.trim();
  return /^[\x00-\x7f’‘“”–—]+$/u.test(t) && /[A-Za-z)]:$/u.test(t) && /\b(?:follows|following|is|are|was|were)\b/iu.test(t);
}

/**
 * The line that signs a report or letter off in English, set in a heading's type below the signature
 * ("For and on behalf of the Board", "Signed on behalf of …", "By order of the Board"): the end of
 * the text above, naming who signed, not a title over what follows.
 */
export function signsOff(text: string): boolean {
  return /^(?:(?:for|signed)\s+(?:and\s+)?on\s+behalf\s+of|on\s+behalf\s+of|by\s+order\s+of)\b/iu.test(text.trim());
}

/**
 * Words wholly in one pair of brackets: a note on the line above — who signed as what ("(Principal
 * Glaze Officer)"), what a name is ("(Exact name of kiln as specified in its charter)"), that it was
 * audited ("（经审计）") — not a title over what follows. (A numbering mark alone, "(1)", is no such note.)
 */
export function isParenthetical(text: string): boolean {
  return /^[（(][^（()）]*\p{L}{2}[^（()）]*[)）]$/u.test(text.trim());
}

/** An English line ending on a word that cannot end a title or sentence (an article, preposition, conjunction). */
export function breaksOff(text: string): boolean {
  return /\s(?:a|an|the|and|or|of|in|to|for|with|on|by|at|from|which|that|is|are|was|were|be|should)$/u.test(text.trim());
}

/** Words per title that lists things ("Property, plant and equipment"); a longer one is a clause. */
const MAX_LIST_TITLE_WORDS = 8;

/**
 * A comma before a lower-case word starts a clause, unless the words list things the way a title
 * does: short, no figure, the last item after "and" or "or" ("Property, plant and equipment").
 */
function enumerates(text: string): boolean {
  const afterComma = text.slice(text.indexOf(',') + 1);
  return text.split(/\s+/u).length <= MAX_LIST_TITLE_WORDS && !/\d/u.test(text) && /\s(?:and|or)\s+\S+$/u.test(afterComma) && !/,\s+(?:we|it|they|the|this|these|our|its|there)\b/u.test(text);
}

function matchShape(text: string): NumberedShape | null {
  let m = EXHIBIT.exec(text);
  if (m?.[2]) return { kind: 'exhibit', rank: 0, numbers: [Number.parseFloat(m[2])], label: `${m[1]} ${m[2]}`, title: (m[3] ?? '').trim() };
  m = CHAPTER.exec(text);
  if (m?.[1] && m[2]) {
    const n = chineseNumber(m[1]);
    // 篇/部分 hold chapters, chapters hold sections.
    const rank = m[2] === '节' ? 1 : m[2] === '章' ? 0.5 : 0;
    return n === null ? null : { kind: 'chapter', rank, numbers: [n], label: `第${m[1]}${m[2]}`, title: (m[3] ?? '').trim() };
  }
  m = PART.exec(text);
  if (m?.[2]) {
    const n = romanNumber(m[2]) ?? (/^\d+$/u.test(m[2]) ? Number(m[2]) : null);
    return n === null ? null : { kind: 'part', rank: 0, numbers: [n], label: `${m[1]} ${m[2]}`, title: (m[3] ?? '').trim() };
  }
  m = ITEM.exec(text);
  if (m?.[2]) {
    const letter = m[3] ? m[3].toUpperCase().charCodeAt(0) - 64 : 0;
    return { kind: 'item', rank: 1, numbers: [Number(m[2]) + letter / 100], label: `${m[1]} ${m[2]}${m[3] ?? ''}`, title: (m[4] ?? '').trim() };
  }
  m = CN_PAREN.exec(text);
  if (m?.[1]) {
    const n = chineseNumber(m[1]);
    return n === null ? null : { kind: 'cn-paren', rank: 3, numbers: [n], label: `（${m[1]}）`, title: (m[2] ?? '').trim() };
  }
  m = CN_MAJOR.exec(text);
  if (m?.[1]) {
    const n = chineseNumber(m[1]);
    return n === null ? null : { kind: 'cn-major', rank: 2, numbers: [n], label: `${m[1]}、`, title: (m[2] ?? '').trim() };
  }
  m = NOTE.exec(text);
  if (m?.[2]) return { kind: 'note', rank: 2, numbers: [Number(m[2])], label: `${m[1]} ${m[2]}`, title: (m[3] ?? '').trim() };
  m = ARABIC_PAREN.exec(text);
  if (m?.[1]) return { kind: 'arabic-paren', rank: 6, numbers: [Number(m[1])], label: `（${m[1]}）`, title: (m[2] ?? '').trim() };
  m = ARABIC_DUN.exec(text);
  if (m?.[1]) return { kind: 'arabic-dun', rank: 4, numbers: [Number(m[1])], label: `${m[1]}、`, title: (m[2] ?? '').trim() };
  m = ARABIC_HALF_PAREN.exec(text);
  if (m?.[1]) return { kind: 'arabic-half-paren', rank: 7, numbers: [Number(m[1])], label: `${m[1]}）`, title: (m[2] ?? '').trim() };
  m = CIRCLED.exec(text);
  if (m?.[1]) return { kind: 'circled', rank: 7.5, numbers: [(m[1].codePointAt(0) ?? 0x2460) - 0x2460 + 1], label: m[1], title: (m[2] ?? '').trim() };
  m = LETTER.exec(text);
  if (m?.[1]) return { kind: 'letter', rank: 1.5, numbers: [m[1].charCodeAt(0) - 64], label: `${m[1]}.`, title: (m[2] ?? '').trim() };
  m = ROMAN_PAREN.exec(text);
  if (m?.[1] && m[1].length >= 2) {
    const n = romanNumber(m[1].toUpperCase());
    if (n !== null) return { kind: 'roman-paren', rank: 6.6, numbers: [n], label: `(${m[1]})`, title: (m[2] ?? '').trim() };
  }
  m = ROMAN_HALF_PAREN.exec(text);
  if (m?.[1]) {
    const n = romanNumber(m[1].toUpperCase());
    if (n !== null) return { kind: 'roman-paren', rank: 6.6, numbers: [n], label: `${m[1]})`, title: (m[2] ?? '').trim() };
  }
  m = LETTER_PAREN.exec(text);
  if (m?.[1]) return { kind: 'letter-paren', rank: 6.5, numbers: [m[1].charCodeAt(0) - 96], label: `(${m[1]})`, title: (m[2] ?? '').trim() };
  const decimal = numberedHeading(text);
  if (decimal) return { kind: 'decimal', rank: 4 + decimal.numbers.length / 10, numbers: decimal.numbers, label: decimal.numbers.join('.'), title: decimal.title };
  return null;
}

/** Words that stand alone as a sentence answering the heading above (pronouns, replies), never naming a topic. */
const REPLY = /^(?:none|nothing|not applicable|yes|no)$/iu;
/**
 * Words in a title run into its paragraph; a longer first sentence is the paragraph's own. (Filings'
 * topic titles run to ten words or so, "Guarantees Given to the Officers and Trustees of the
 * Quorvex Fund."; title case, checked below, is what tells them from a sentence.)
 */
const MAX_RUN_IN_WORDS = 12;
/** A word this long is capitalised in a title; shorter ones may be joiners (and, of, the, for). */
const TITLE_WORD_LETTERS = 4;

/** A title run into its paragraph, and whether a colon rather than a full stop ends it. */
export interface RunInTitle {
  title: string;
  colon: boolean;
}

/** Words after a colon looked at to tell a sentence (its words after the first in lower case) from a list. */
const SENTENCE_PROBE_WORDS = 4;

/** The words before a colon that opens a line ("Basis of Accounting: These …"), when text follows it on the line. */
const COLON_LEAD = /^(\p{Lu}[\p{L}\s,&’'-]{0,80}?)\s*:\s+(?=[“"‘(]?\p{Lu})/u;

/**
 * The title a paragraph opens with as a sentence of its own, run into its text, as filings set
 * their notes' topics ("Restricted Cash. Restricted cash includes …", "Use of Estimates. The
 * preparation of …"), or ended by a colon before a sentence that starts in capitals ("Basis of
 * Accounting: These financial statements …"): a few words in title case — every word of four
 * letters or more capitalised, the first word too — with more text after them on the line.
 * Null for any other line. A single word must be a word of four letters or more ("Postage."), not
 * an abbreviation ("Inc."), and no reply ("None."); figures, brackets or a second colon make it a
 * clause. (Whether a colon's lead-in is a topic or a form's field label — "Name: Mr …" printed for
 * each person — the caller decides from how often the report prints it.)
 */
export function runInTitle(line: string): RunInTitle | null {
  // (Only the line's opening words can be a title: the sentence is looked for there.)
  const head = line.slice(0, 120);
  const lead = COLON_LEAD.exec(head);
  // (What follows the colon is a sentence in sentence case; a list of words in capitals after it —
  // "Integrity: Be Authentic, Be Inclusive" — is a list item, a title-case value, not prose.)
  const after = lead ? head.slice(lead[0].length).split(/\s+/u).slice(1, SENTENCE_PROBE_WORDS) : [];
  if (lead?.[1] && after.filter((word) => /^\p{Ll}/u.test(word)).length >= 2) {
    const title = titleCased(lead[1].trim());
    return title === null ? null : { title, colon: true };
  }
  const firstSentence = splitSentences(head)[0];
  if (!firstSentence || firstSentence.through >= head.trimEnd().length) return null;
  if (head[firstSentence.through - 1] !== '.') return null;
  const title = titleCased(firstSentence.text.trim());
  return title === null ? null : { title, colon: false };
}

/** The words as a title: a few words in title case, not breaking off and no reply; else null. */
function titleCased(title: string): string | null {
  if (!/^\p{Lu}[\p{L}\s,&’'-]*$/u.test(title)) return null;
  const words = title.replace(/,/gu, '').split(/\s+/u);
  if (words.length > MAX_RUN_IN_WORDS) return null;
  if (words.length === 1 && (words[0] ?? '').length < TITLE_WORD_LETTERS) return null;
  const titleCase = words.every((word) => word.length < TITLE_WORD_LETTERS || /^\p{Lu}/u.test(word));
  return titleCase && !breaksOff(title) && !REPLY.test(title) ? title : null;
}
