import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The evaluation set stays out of the code: no question, question id, answer, metric name or table
 * text of eval/dev/ may appear in src/, ingest/ or commands/, comments and examples included. Code
 * that quotes the eval set as its example is fitted to the test, not to reports.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVAL_DIR = path.join(ROOT, 'eval', 'dev');
const CODE_DIRS = ['src', 'ingest', 'commands'] as const;

/** Ids of questions and metrics: q001, m005, en_weis_01, zh_300107_301. */
const QUESTION_ID = /^(?:[qm]\d{3}|(?:en|zh)_[A-Za-z0-9]+_\d+)$/u;
const CJK = /[\p{Script=Han}]/gu;
const LATIN_WORD = /[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?/gu;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Entry = { [key: string]: Json };

/** A fragment is distinctive enough to flag when it has 4 CJK characters or 3 Latin words. */
function distinctive(text: string): boolean {
  return (text.match(CJK)?.length ?? 0) >= 4 || (text.match(LATIN_WORD)?.length ?? 0) >= 3;
}

function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item));
  return [];
}

/** Every record of every eval/dev/*.jsonl file. */
function entries(): Entry[] {
  const files = readdirSync(EVAL_DIR).filter((name) => name.endsWith('.jsonl'));
  return files.flatMap((name) =>
    readFileSync(path.join(EVAL_DIR, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Entry),
  );
}

type Fragments = { texts: Set<string>; ids: Set<string> };

/** Every text of the eval set the code must not quote. */
function fragments(): Fragments {
  const texts = new Set<string>();
  const ids = new Set<string>();
  for (const entry of entries()) {
    const id = entry['id'];
    if (typeof id === 'string' && QUESTION_ID.test(id)) ids.add(id);
    for (const question of strings(entry['question'])) {
      const whole = question.trim().replace(/[？?。]+$/u, '').trim();
      if (whole !== '') texts.add(whole);
    }
    const quoted = [
      ...strings(entry['answer']),
      ...strings(entry['answer_variants']),
      ...strings(entry['query']),
      ...strings(entry['canonical']),
      ...strings(entry['title']),
      ...strings(entry['header']),
      ...strings(entry['rows']),
    ];
    for (const text of quoted) {
      const trimmed = text.trim();
      if (distinctive(trimmed)) texts.add(trimmed);
    }
  }
  return { texts, ids };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : [full];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

describe('the eval set stays out of the code', () => {
  const { texts, ids } = fragments();
  const files = CODE_DIRS.flatMap((dir) => sources(path.join(ROOT, dir)));

  it('reads the eval set and the code', () => {
    expect(texts.size).toBeGreaterThan(100);
    expect(ids.size).toBeGreaterThan(100);
    expect(files.length).toBeGreaterThan(50);
  });

  it('quotes no eval question, question id, answer, metric name or table text in src, ingest or commands', () => {
    const idPattern = new RegExp(`(?<![A-Za-z0-9_])(?:${[...ids].map(escape).join('|')})(?![A-Za-z0-9_])`, 'gu');
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const where = path.relative(ROOT, file).split(path.sep).join('/');
      for (const fragment of texts) if (text.includes(fragment)) offences.push(`${where}: "${fragment}"`);
      for (const match of text.matchAll(idPattern)) offences.push(`${where}: id ${match[0]}`);
    }
    expect(offences).toEqual([]);
  });
});
