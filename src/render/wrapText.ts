/** Width of a string in pixels, in whatever font the caller has set. */
export type MeasureText = (text: string) => number;

/** Characters that may break anywhere: Han, kana, Hangul, CJK punctuation and full-width forms. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Must not start a line (kept with the character before). */
const CLOSING = /^[，。、；：！？）》」』】〉”’％%,.;:!?)\]}…·]+$/u;
/** Must not end a line (kept with the character after). */
const OPENING = /^[（《「『【〈“‘(\[{]+$/u;

interface Token {
  text: string;
  space: boolean;
}

/**
 * Break points of one line: every CJK character stands alone (Chinese wraps between any two), a run of
 * other non-space characters is one word (Latin wraps between words, and "4086.73" or "2031" must not
 * be cut), whitespace is a break opportunity. Punctuation sticks to its neighbour so no line starts
 * with "，" or ends with "（".
 */
export function breakTokens(line: string): string[] {
  return tokens(line).map((token) => token.text);
}

function tokens(line: string): Token[] {
  const raw: Token[] = [];
  let word = '';
  let space = '';
  const flushWord = () => {
    if (word !== '') raw.push({ text: word, space: false });
    word = '';
  };
  const flushSpace = () => {
    if (space !== '') raw.push({ text: space, space: true });
    space = '';
  };
  for (const char of line) {
    if (/\s/u.test(char)) {
      flushWord();
      space += char;
    } else if (CJK.test(char)) {
      flushWord();
      flushSpace();
      raw.push({ text: char, space: false });
    } else {
      flushSpace();
      word += char;
    }
  }
  flushWord();
  flushSpace();

  const glued: Token[] = [];
  let carry = '';
  for (const token of raw) {
    const previous = glued[glued.length - 1];
    if (!token.space && CLOSING.test(token.text) && previous !== undefined && !previous.space && carry === '') {
      previous.text += token.text;
    } else if (!token.space && OPENING.test(token.text)) {
      carry += token.text;
    } else if (carry !== '' && !token.space) {
      glued.push({ text: carry + token.text, space: false });
      carry = '';
    } else {
      if (carry !== '') glued.push({ text: carry, space: false });
      carry = '';
      glued.push(token);
    }
  }
  if (carry !== '') glued.push({ text: carry, space: false });
  return glued;
}

/** Widest unbreakable piece of `text`: the column can shrink to this before words are cut. */
export function minContentWidth(text: string, measure: MeasureText): number {
  let widest = 0;
  for (const line of hardLines(text)) {
    for (const token of tokens(line)) if (!token.space) widest = Math.max(widest, measure(token.text));
  }
  return widest;
}

/** Width of `text` on one line per hard break: what the column needs to avoid wrapping. */
export function maxContentWidth(text: string, measure: MeasureText): number {
  return Math.max(0, ...hardLines(text).map((line) => measure(line.trim())));
}

/**
 * Lines of `text` no wider than `width`, greedy: `\n` in the cell is kept as a break, CJK wraps per
 * character and Latin per word; a word wider than the whole line is cut per character rather than
 * left to overflow the cell. Always at least one line, so an empty cell still has a height.
 */
export function wrapText(text: string, width: number, measure: MeasureText): string[] {
  const out: string[] = [];
  for (const line of hardLines(text)) out.push(...wrapLine(line.trim(), width, measure));
  return out.length > 0 ? out : [''];
}

function hardLines(text: string): string[] {
  return text.replace(/\r\n?/gu, '\n').split('\n');
}

function wrapLine(line: string, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let current = '';
  for (const token of tokens(line)) {
    if (token.space) {
      if (current !== '') current += ' ';
      continue;
    }
    const candidate = current + token.text;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current.trim() !== '') lines.push(current.trimEnd());
    current = '';
    if (measure(token.text) <= width) {
      current = token.text;
      continue;
    }
    for (const char of token.text) {
      if (current !== '' && measure(current + char) > width) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  lines.push(current.trimEnd());
  return lines;
}
