import { describe, expect, it } from 'vitest';
import { coverageOf, withInitialismsSpelled } from '../../../src/answer/extractiveAnswerer.js';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import type { RetrievedChunk } from '../../../src/retrieve/hybridRetriever.js';
import { createTokenizer } from '../../../src/text/tokenize.js';
import { marketPages, plainReportService } from './reportFixture.js';

const tokenizer = createTokenizer();
const match = (question: string) => analyseQuestion(question, tokenizer).matchText;

describe('the words of a question for a date', () => {
  it('leaves out the noun of "what date", "which month": it names the kind of answer, as "when" does', () => {
    expect([match('what date was the kiln fired?'), match('which month did quorvex open?')]).toEqual(['what was the kiln fired?', 'which did quorvex open?']);
  });

  it('leaves out "first", "originally", "initially" before the verb of a question for a date, and keeps them elsewhere', () => {
    expect([match('when was quorvex originally founded?'), match('what date was the kiln first fired?')]).toEqual(['when was quorvex founded?', 'what was the kiln fired?']);
    // ("As originally reported" tells a figure from its restatement; "first" before a noun is a first thing.)
    expect([match('glimmer revenue as originally reported in 2031?'), match('when is the first kiln instalment due?')]).toEqual([
      'glimmer revenue as originally reported in 2031?',
      'when is the first kiln instalment due?',
    ]);
  });
});

/** Passages of one invented report, each retrieved. */
const passages = (...texts: string[]): RetrievedChunk[] => {
  const chunks = texts.map((text, i) => ({ id: `c${i}`, text }));
  const report = { chunks };
  return chunks.map((chunk) => ({ chunk, report }) as unknown as RetrievedChunk);
};

describe('a short word the passages print in capitals', () => {
  const terms = [{ term: 'rf', weight: 1 }, { term: 'incorporated', weight: 1 }];

  it('is said by a sentence that spells it out in capitalised words, where the passages print it in capitals', () => {
    const spelled = withInitialismsSpelled(terms, passages('The Company is domiciled in the RF.'));
    expect(coverageOf(spelled, 'The Company was incorporated in the Republic of Freedonia in 2007.')).toBe(1);
    // (Words that merely begin with its letters in lower case spell nothing: "rising figures".)
    expect(coverageOf(spelled, 'The Company was incorporated amid rising figures.')).toBe(0.5);
  });

  it('is read as typed where no passage prints it in capitals and one passage spells it out', () => {
    const asTyped = withInitialismsSpelled(terms, passages('The Company is domiciled in Freedonia.', 'It was incorporated in the Republic of Freedonia.'));
    expect(coverageOf(asTyped, 'The Company was incorporated in the Republic of Freedonia in 2007.')).toBe(0.5);
  });
});

describe('a short word typed for a phrase the report prints in lower case', () => {
  const report = passages(
    'We run two glaze depots: one in Tarnwick of 40 thousand square feet, one in Brill.',
    'Each glaze depot holds a month of stock; we employ 310 full-time and 95 part-time kiln hands.',
    'Full-time kiln hands are paid for the time they fire.',
  );
  const covered = (term: string, sentence: string) => coverageOf(withInitialismsSpelled([{ term, weight: 1 }], report), sentence);

  it('is said by a sentence that prints the phrase, each part of a hyphenated word counting', () => {
    expect([covered('gd', 'The Brill glaze depot opened in 2031.'), covered('ft', 'We employ 310 full-time kiln hands.')]).toEqual([1, 1]);
  });

  it('is not said by a run that opens on a function word, breaks at a comma, or is printed in one passage only', () => {
    // ("for the" opens on a function word; "depot, one" crosses a comma; "part-time" is printed once.)
    expect([covered('ft', 'Kiln hands are paid for the time they fire.'), covered('do', 'Each glaze depot, one in Brill.'), covered('pt', 'We employ 95 part-time kiln hands.')]).toEqual([0, 0, 0]);
  });

  it('is read as the word it is where the passages print it in lower case', () => {
    expect(covered('two', 'The Tarnwick works opened in 2031.')).toBe(0);
  });
});

/** An invented report: where and when the company began, near a sentence that names its country in capitals. */
const service = plainReportService('tarnwick-kilns-2031.pdf', [
  ['Tarnwick Kilns Plc', 'Annual Report 2031'],
  [
    { line: 'Notes to the Financial Statements', size: 14 },
    { line: '1. Country of incorporation', size: 12 },
    'The Company was incorporated in the Republic of Freedonia as Brill Kilns Plc on 3 March 2007.',
    'The name of the Company was changed to Tarnwick Kilns Plc on 9 May 2014. Its registered office is 4 Osk Lane, Vantor.',
    'The Company is domiciled in the RF.',
    { line: '2. Kiln works', size: 12 },
    'The Vantor kiln works were founded in November 1996 as a brick maker and are based in Vantor, Freedonia.',
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
    expect(await firstLine('what date was the company first incorporated?')).toContain('3 March 2007');
  });

  it('reads a country typed as its initials, which the report prints in capitals, in the sentence that spells it out', async () => {
    expect(await firstLine('what date was the company first incorporated in the rf?')).toContain('3 March 2007');
  });

  it('answers "when" with no sentence that dates nothing: saying she is chair is no date she became it', async () => {
    expect(await firstLine('when did ada quill become chair of the kiln board?')).toBe('not found');
    expect(await firstLine('who is chair of the kiln board?')).toContain('Ada Quill');
  });

  it('answers "when was it originally founded" with the date the event is printed with', async () => {
    expect(await firstLine('when was vantor originally founded?')).toContain('November 1996');
  });
});
