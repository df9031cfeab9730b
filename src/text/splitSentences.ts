/**
 * The one sentence splitter: ingest cuts chunks and reads figures with it, answering picks the
 * sentence that answers a question with it, so both sides agree on where a sentence ends. Offsets
 * point into the text, so a figure can be traced back to its printed line. Two levels: sentences
 * (。！？ and ；-items) are evidence, clauses (，：) bound a metric's name — a name never reaches back
 * across a comma.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  /** Index of the full stop-delimited sentence this belongs to: "；" items of one sentence share it. */
  period: number;
  /**
   * Where the sentence ends with its delimiter and the closing quote or bracket after it
   * ("…。”"): consecutive sentences' `[start of the text or previous through, through)` cover the text.
   */
  through: number;
}

export interface SplitOptions {
  /** A line break ends a sentence too (a chunk's lines: caption, header, table rows). */
  lineBreaks?: boolean;
}

const PERIOD = /[。！？!?]/u;
const ITEM = /[；;]/u;
const CLOSING = /[”」』’）)]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Words written with a full stop that do not end a sentence: titles, company forms, "No.", months,
 * Latin abbreviations. (A single capital, "U.S." or "J. Smith", is an initial and never ends one either.)
 */
const ABBREVIATION = /^(?:mr|mrs|ms|dr|prof|sr|jr|st|co|corp|inc|ltd|llc|plc|bros|no|nos|vol|fig|figs|ref|approx|est|dept|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|etc|al|cf|eg|ie|pp|pty)$/iu;
/**
 * An English sentence ends with "." after a word or a number, before a capitalised word ("…period. We…",
 * "…period.We…" as pdf text runs them together, "…2031.Harrowgate Pike…") — or before "A" or "I",
 * the words of one capital letter ("…income. A loss of …").
 */
const NEXT_STARTS_SENTENCE = /^\s*[“"‘'(]?(?:\p{Lu}[\p{Ll}\p{Lu}]|[AI]\s)/u;

/**
 * A full stop typed as "." between Han text ("2部.实施…") ends a sentence, and in English after a word
 * of two or more letters (or a number) before a capitalised word; in "V3.6", "No. 5", "Inc. and" or "U.S. Treasury" it does not.
 */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (PERIOD.test(ch)) return true;
  if (ch !== '.') return false;
  if (HAN.test(text[i - 1] ?? '') && HAN.test(text[i + 1] ?? '')) return true;
  // (A percent sign, closing bracket or quote between the word and the stop changes nothing: "…was 21.8%. Sales…".)
  const word = /(?:[A-Za-z]+|\d[\d.,]*\d|\d)$/u.exec(text.slice(Math.max(0, i - 12), i).replace(/[%％)）”’"']+$/u, ''))?.[0] ?? '';
  if (word.length < 2 || ABBREVIATION.test(word) || (/^[A-Z]+$/u.test(word) && word.length <= 3 && text[i - word.length - 1] === '.')) return false;
  return NEXT_STARTS_SENTENCE.test(text.slice(i + 1, i + 8));
}

function isClauseBreak(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (ch === '，' || ch === '：' || ch === ':') return true;
  // An ASCII comma between digits is a thousands separator ("2,318,406"), not a clause break.
  if (ch === ',') return !(/\d/u.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/u.test(text.slice(i + 1)));
  return false;
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e -= 1;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : null;
}

/** Sentences without their delimiters, trimmed; `through` includes the delimiter run and a closing quote. */
export function splitSentences(text: string, options: SplitOptions = {}): Sentence[] {
  const out: Sentence[] = [];
  let period = 0;
  let start = 0;
  let i = 0;
  while (i <= text.length) {
    const ch = text[i] ?? '';
    const atEnd = i === text.length;
    const full = !atEnd && endsSentence(text, i);
    const lineBreak = !atEnd && options.lineBreaks === true && ch === '\n';
    if (!atEnd && !full && !lineBreak && !ITEM.test(ch)) {
      i += 1;
      continue;
    }
    // A run of delimiters ("！！", "。；") and one closing quote after it belong to this sentence.
    let through = atEnd ? i : i + 1;
    let sentenceEnds = full;
    while (through < text.length && (endsSentence(text, through) || ITEM.test(text[through] ?? ''))) {
      sentenceEnds ||= endsSentence(text, through);
      through += 1;
    }
    if (!atEnd && !lineBreak && CLOSING.test(text[through] ?? '')) through += 1;
    const span = trimmed(text, start, i);
    if (span) out.push({ ...span, period, through });
    else if (out.length > 0) {
      const last = out[out.length - 1];
      if (last) last.through = through;
    }
    if (sentenceEnds || lineBreak) period += 1;
    start = through;
    i = Math.max(through, i + 1);
  }
  return out;
}

/** Each sentence as printed with its delimiter ("比例 47.15%；"), trimmed. */
export function sentenceTexts(text: string, options: SplitOptions = {}): string[] {
  let from = 0;
  const out: string[] = [];
  for (const sentence of splitSentences(text, options)) {
    const piece = text.slice(Math.max(from, sentence.start), sentence.through).trim();
    if (piece.length > 0) out.push(piece);
    from = sentence.through;
  }
  return out;
}

/**
 * The text cut after each sentence's delimiter, nothing dropped: the pieces joined give the text back,
 * so packing them into chunks never loses or splits a figure.
 */
export function cutAfterSentences(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const sentence of splitSentences(text)) {
    if (sentence.through <= from) continue;
    pieces.push(text.slice(from, sentence.through));
    from = sentence.through;
  }
  if (from < text.length) {
    const rest = text.slice(from);
    if (pieces.length > 0 && rest.trim() === '') pieces[pieces.length - 1] += rest;
    else pieces.push(rest);
  }
  return pieces.length > 0 ? pieces : [text];
}

export function splitClauses(text: string, within: Span): Span[] {
  const out: Span[] = [];
  let start = within.start;
  for (let i = within.start; i <= within.end; i += 1) {
    const atEnd = i === within.end;
    if (!atEnd && !isClauseBreak(text, i)) continue;
    const span = trimmed(text, start, i);
    if (span) out.push(span);
    start = i + 1;
  }
  return out;
}
