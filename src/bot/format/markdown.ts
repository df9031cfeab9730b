import { neutralizeMentions } from '../chatSyntax.js';
import { MESSAGE_CONTENT_LIMIT } from '../discordLimits.js';

/**
 * Discord-markdown helpers, pure. Report text is escaped before it is shown (a `*` or `||` in a
 * passage must not turn the rest of a message bold or into a spoiler); the bot's own emphasis —
 * figures in bold — is added after escaping.
 */

const MARKDOWN_CHARS = /[\\*_~`|]/gu;

export function escapeMarkdown(text: string): string {
  return neutralizeMentions(text.replace(MARKDOWN_CHARS, (ch) => `\\${ch}`));
}

/** Back to plain text: bold markers removed, escapes undone (for thread history). */
export function stripMarkdown(text: string): string {
  return text.replace(/\u200b/gu, '').replace(/\*\*/gu, '').replace(/\\([\\*_~`|])/gu, '$1');
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** The value printed at [start, end) stands alone: not a piece of a longer number. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (isDigit(before)) return false;
  if ((before === '.' || before === ',') && isDigit(text[start - 2])) return false;
  if (isDigit(after)) return false;
  if ((after === '.' || after === ',') && isDigit(text[end + 1])) return false;
  return true;
}

/**
 * Puts every printed occurrence of the given figures in bold. Longer values win over shorter ones
 * they contain ("87.64" over "87"), and a value inside a longer number is left alone.
 */
export function boldFigures(text: string, values: readonly string[]): string {
  const unique = [...new Set(values.filter((v) => /\d/u.test(v)))].sort((a, b) => b.length - a.length);
  const spans: Array<[number, number]> = [];
  for (const value of unique) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(value, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + value.length;
      if (!standsAlone(text, at, end)) continue;
      if (spans.some(([s, e]) => at < e && end > s)) continue;
      spans.push([at, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of spans) {
    out += `${text.slice(cursor, start)}**${text.slice(start, end)}**`;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** A cut position at or before `limit` that splits no surrogate pair, escape or bold span. */
function safeCut(text: string, limit: number): number {
  let cut = Math.min(limit, text.length);
  // Prefer the end of a sentence or clause in the last stretch.
  const window = text.slice(Math.max(0, cut - 200), cut);
  const punctuation = Math.max(
    0,
    ...['。', '；', '，', '！', '？', '. ', '; ', ', ', ' '].map((p) => {
      const at = window.lastIndexOf(p);
      return at < 0 ? 0 : at + p.length;
    }),
  );
  if (cut < text.length && punctuation > 0) cut = cut - window.length + punctuation;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let backslashes = 0;
  while (text[cut - 1 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) cut -= 1;
  const bolds = text.slice(0, cut).split('**').length - 1;
  if (bolds % 2 === 1) cut = text.lastIndexOf('**', cut - 1);
  return cut > 0 ? cut : Math.min(limit, text.length);
}

/** Shortens to `limit` characters, ending in "…", without breaking an escape or a bold span. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = limit - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let backslashes = 0;
  while (text[cut - 1 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) cut -= 1;
  const bolds = text.slice(0, cut).split('**').length - 1;
  if (bolds % 2 === 1) cut = text.lastIndexOf('**', cut - 1);
  return `${text.slice(0, Math.max(0, cut)).trimEnd()}…`;
}

/**
 * Splits a message into parts of at most `limit` characters, at line boundaries where possible; a
 * line longer than a whole message is cut at a clause boundary.
 */
export function splitMessage(text: string, limit = MESSAGE_CONTENT_LIMIT): string[] {
  const parts: string[] = [];
  let current: string | null = null;
  const push = (piece: string) => {
    if (current !== null && current.length + 1 + piece.length <= limit) {
      current = `${current}\n${piece}`;
      return;
    }
    if (current !== null && current.trim() !== '') parts.push(current);
    current = piece;
  };
  for (const line of text.split('\n')) {
    let rest = line;
    while (rest.length > limit) {
      const cut = safeCut(rest, limit);
      push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    push(rest);
  }
  const last = current as string | null;
  if (last !== null && last.trim() !== '') parts.push(last);
  return parts.map((p) => p.replace(/^\n+|\n+$/gu, ''));
}
