/**
 * Cuts block text into the units a figure is read from, keeping offsets into the block so a figure
 * can be traced back to its printed line. Two levels: sentences (。！？；) are evidence, clauses (，：)
 * bound a metric's name — a name never reaches back across a comma.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  /** Index of the full stop-delimited sentence this belongs to: "；" items of one sentence share it. */
  period: number;
}

const PERIOD = /[。！？!?]/u;
const ITEM = /[；;]/u;
const HAN = /\p{Script=Han}/u;

/** A full stop typed as "." between Han text ("2部.实施…") ends a sentence; in "V3.6" or "No." it does not. */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (PERIOD.test(ch)) return true;
  return ch === '.' && HAN.test(text[i - 1] ?? '') && HAN.test(text[i + 1] ?? '');
}

function isClauseBreak(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (ch === '，' || ch === '：' || ch === ':') return true;
  // An ASCII comma between digits is a thousands separator ("1,749,720"), not a clause break.
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

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let period = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const ch = text[i] ?? '';
    const atEnd = i === text.length;
    const full = !atEnd && endsSentence(text, i);
    if (!atEnd && !full && !ITEM.test(ch)) continue;
    const span = trimmed(text, start, i);
    if (span) out.push({ ...span, period });
    if (full) period += 1;
    start = i + 1;
  }
  return out;
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
