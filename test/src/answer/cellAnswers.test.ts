import { describe, expect, it } from 'vitest';
import { cellAnswers } from '../../../src/answer/answerService.js';

describe('a table cell as an answer', () => {
  const zh = (text: string) => ({ text, language: 'zh' as const });
  const en = (text: string) => ({ text, language: 'en' as const });

  it('is never an empty cell or a dash', () => {
    expect([cellAnswers('', en('What is the glimmer note?')), cellAnswers('—', zh('栖木工程的备注是什么？'))]).toEqual([false, false]);
  });

  it('answers a question for a number only when it reads as one, in either language', () => {
    expect([cellAnswers('金总额', zh('栖木专户今年净收了多少？')), cellAnswers('282.52', zh('栖木专户今年净收了多少？')), cellAnswers('仓储泵', zh('仓储泵有几台？'))]).toEqual([false, true, false]);
    expect([cellAnswers('(Unmanned)', en('How many quorvex drones?')), cellAnswers('$ 1,204', en('How much glimmer revenue?'))]).toEqual([false, true]);
    // A question for words takes words.
    expect([cellAnswers('林小禾', zh('栖木工程的负责人是谁？')), cellAnswers('Harbour Lane', en('Where is the glimmer office?'))]).toEqual([true, true]);
  });
});
