import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeForMatch } from './normalize.js';
import { stemWord } from './stem.js';

/**
 * Search tokens for Chinese report text: jieba's search-mode words (which keep figures such as
 * "47.15%" whole) plus character bigrams over every Han run. Words carry meaning, bigrams catch
 * what the dictionary splits wrongly or does not know; together they beat either alone.
 */
export interface Tokenizer {
  tokens(text: string): string[];
  /** Teaches the word segmenter terms found in the report itself (quoted terms, metric names). */
  addWords(words: Iterable<string>): void;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const KEEP = /[\p{L}\p{N}]/u;
const TOKEN_CACHE_SIZE = 4096;

export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const run = match[0];
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i += 1) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** How many tokens `hanBigrams(text)` gives, counted without making them. */
export function hanBigramCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(HAN_RUN)) count += Math.max(1, match[0].length - 1);
  return count;
}

export function createTokenizer(): Tokenizer {
  // Loading the dictionary takes ~0.2 s: build one tokenizer per process and pass it in.
  const jieba = Jieba.withDict(dict);
  // Terms a report quotes are found in a text by their first two characters, not taught to the
  // segmenter: loading words into it rebuilds its whole dictionary (~0.45 s for each report ingested).
  const known = new Set<string>();
  // Keyed by the first two UTF-16 units as one number: a text is scanned position by position, and
  // a numeric key costs no substring per position.
  const byStart = new Map<number, string[]>();
  const startKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
  // One question is cut by the retriever, the local embedder and the question reader in turn;
  // segmentation is the costly part, so recent results are kept. Learning new words changes the
  // tokens: cache cleared.
  const recent = new Map<string, string[]>();
  const knownIn = (norm: string, words: readonly string[]): string[] => {
    if (byStart.size === 0) return [];
    const have = new Set(words);
    const found: string[] = [];
    for (let i = 0; i + 1 < norm.length; i += 1) {
      const starting = byStart.get(startKey(norm, i));
      if (!starting) continue;
      for (const word of starting) {
        if (!have.has(word) && norm.startsWith(word, i)) {
          have.add(word);
          found.push(word);
        }
      }
    }
    return found;
  };
  return {
    tokens(text: string): string[] {
      const cached = recent.get(text);
      if (cached) return [...cached];
      const norm = normalizeForMatch(text).toLowerCase();
      const words = jieba.cutForSearch(norm, true).filter((w) => KEEP.test(w)).map((w) => w.trim());
      const tokens = [...words, ...knownIn(norm, words), ...stemsOf(words), ...hanBigrams(norm)];
      if (recent.size >= TOKEN_CACHE_SIZE) recent.clear();
      recent.set(text, tokens);
      return [...tokens];
    },
    addWords(words: Iterable<string>): void {
      let added = false;
      for (const raw of words) {
        // (Quotes and brackets around a term are not part of it.)
        const word = normalizeForMatch(raw).replace(/\s+/g, '').replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLowerCase();
        if (word.length < 2 || word.length > 24 || known.has(word)) continue;
        known.add(word);
        const start = startKey(word, 0);
        byStart.set(start, [...(byStart.get(start) ?? []), word]);
        added = true;
      }
      if (added) recent.clear();
    },
  };
}

/**
 * An English word's stem as a token of its own beside the word ("employed" → "employed", "emploi"):
 * the report's "employed" and the question's "employ" meet on the stem, and the form as printed still
 * scores its own match on top.
 */
function stemsOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const stem = stemWord(word);
    if (stem !== word) out.push(stem);
  }
  return out;
}

/**
 * Splits `tokenizer.tokens(text)` back into segmenter words and the Han bigrams that are not also
 * words (tokens() lists the words first, then every bigram of the text). The stems added for search
 * are left out: a matcher reads the words as printed and compares stems itself.
 */
export function splitWordsAndBigrams(tokens: readonly string[], text: string): { words: string[]; bigrams: string[] } {
  const norm = normalizeForMatch(text).toLowerCase();
  const bigramCount = hanBigrams(norm).length;
  const wordPart = tokens.slice(0, Math.max(0, tokens.length - bigramCount));
  const printed = new Set(norm.match(/[a-z]+/gu) ?? []);
  const known = new Set(wordPart.filter((w) => !/^[a-z]+$/u.test(w) || printed.has(w)));
  return { words: [...known], bigrams: [...new Set(tokens.slice(wordPart.length))].filter((b) => !known.has(b)) };
}
