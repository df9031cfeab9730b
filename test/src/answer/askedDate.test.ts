import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import { createTokenizer } from '../../../src/text/tokenize.js';
import { marketPages, plainReportService } from './reportFixture.js';

const tokenizer = createTokenizer();
const match = (question: string) => analyseQuestion(question, tokenizer).matchText;

describe('the words of a question for a date', () => {
  it('leaves out the noun of "what date", "which month": it names the kind of answer, as "when" does', () => {
    expect([match('what date was the kiln fired?'), match('which month did quorvex open?')]).toEqual(['what was the kiln fired?', 'which did quorvex open?']);
  });

  it('leaves out "first", "originally", "initially" before the verb of a question for a date, and keeps them elsewhere', () => {
    expect([match('when was quorvex originally formed?'), match('what date was the kiln first fired?')]).toEqual(['when was quorvex formed?', 'what was the kiln fired?']);
    // ("As originally reported" tells a figure from its restatement; "first" before a noun is a first thing.)
    expect([match('glimmer revenue as originally reported in 2031?'), match('when is the first kiln instalment due?')]).toEqual([
      'glimmer revenue as originally reported in 2031?',
      'when is the first kiln instalment due?',
    ]);
  });
});

/** An invented report: where and when the company began, near a sentence that names its country in capitals. */
const service = plainReportService('tarnwick-kilns-2031.pdf', [
  ['Tarnwick Kilns Plc', 'Annual Report 2031'],
  [
    { line: 'Notes to the Financial Statements', size: 14 },
    { line: '1. Country of incorporation', size: 12 },
    'The Company was incorporated in the Republic of Freedonia as Brill Kilns Plc on 19 August 2005.',
    'The name of the Company was changed to Tarnwick Kilns Plc on 2 July 2013. Its registered office is 4 Osk Lane, Vantor.',
    'The Company is domiciled in the RF.',
    { line: '2. Kiln works', size: 12 },
    'The Vantor kiln works were formed in October 1994 as a brick maker and are based in Vantor, Freedonia.',
    'The kiln works fire glazed tiles for the RF building trade.',
    { line: '3. Directors', size: 12 },
    'Ada Quill serves as Chair of the Kiln Board and of its glaze committee.',
  ],
  [
    { line: '3. Restatement', size: 12 },
    'Tile revenue for 2030 as originally reported was restated after the first audit of the glaze line.',
    'The record date for the final dividend is the first business day after the meeting.',
  ],
  ...marketPages(['Tiles', 'Bricks', 'Glazes', 'Pavers', 'Slabs', 'Kerbs', 'Flues', 'Chimneys'], (topic) => `The Company sells its ${topic} from Vantor to builders across the region, and the Board reviews`),
]);

describe('questions for a date', () => {
  const firstLine = async (question: string) => {
    const result = await service().ask(question);
    return result.found ? (result.answer.split('\n')[0] ?? '') : 'not found';
  };

  it('answers "what date was it first …" with the sentence dating the event', async () => {
    expect(await firstLine('what date was the company first incorporated?')).toContain('19 August 2005');
  });

  it('reads a country typed as its initials, which the report prints in capitals, in the sentence that spells it out', async () => {
    expect(await firstLine('what date was the company first incorporated in the rf?')).toContain('19 August 2005');
  });

  it('answers "when" with no sentence that dates nothing: saying she is chair is no date she became it', async () => {
    expect(await firstLine('when did ada quill become chair of the kiln board?')).toBe('not found');
    expect(await firstLine('who is chair of the kiln board?')).toContain('Ada Quill');
  });

  it('answers "when was it originally formed" with the date the event is printed with', async () => {
    expect(await firstLine('when was vantor originally formed?')).toContain('October 1994');
  });
});
