import { describe, expect, it } from 'vitest';
import { EvalRunError } from '../../../scripts/eval/runCli.js';
import { parseJsonl } from '../../../scripts/eval/goldSets.js';
import { GoldQuestionSchema } from '../../../scripts/eval/schemas.js';

const unanswerable = '{"id":"q136","lang":"zh","question":"学校2025年的招生计划是多少人？","answer":null,"answer_variants":[],"kind":"unanswerable","section":null,"evidence":null,"line":null}';

describe('parseJsonl', () => {
  it('reads an unanswerable question with null section and evidence as empty evidence', () => {
    const [q] = parseJsonl(`${unanswerable}\n\n`, GoldQuestionSchema, 'qa.jsonl');
    expect([q?.answer, q?.evidence, q?.answer_variants]).toEqual([null, '', []]);
  });

  it('refuses a file that repeats an id', () => {
    expect(() => parseJsonl(`${unanswerable}\n${unanswerable}`, GoldQuestionSchema, 'qa.jsonl')).toThrow('qa.jsonl:2: duplicate id q136');
  });

  it('names file and line when a line lacks the question', () => {
    expect(() => parseJsonl('{"id":"x","lang":"zh","answer":"1","kind":"k"}', GoldQuestionSchema, 'qa.jsonl')).toThrow(EvalRunError);
  });
});
