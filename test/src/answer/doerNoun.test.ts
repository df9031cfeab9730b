import { describe, expect, it } from 'vitest';
import { doerNounsIn, doerStems } from '../../../src/answer/namedAnswer.js';
import { plainReportService } from './reportFixture.js';

/**
 * An invented report that prints a role only as the doer's noun ("Chairwoman", "Inspectors"), never
 * as the verb a question asks with ("who chairs…", "who inspects…"), and whose prose repeats the
 * question's other words in passages that name no one.
 */
const MARKETS = ['Kettering Vale', 'Lantern Quay', 'Harrow Pike', 'Marsh Gate', 'Quill Bank', 'Dunmore Row', 'Brindle Cross', 'Vane Hill', 'Orrell Green', 'Tamsin Wharf'];

const service = plainReportService('tarnwick-doers-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [
    { line: 'Officers and Advisers', size: 14 },
    { line: 'Stewards', bold: true },
    'Odile Farrant – Chairwoman',
    'Piers Quenby',
    { line: 'Inspectors', bold: true },
    'Brightmoor Jansen LLP',
  ],
  MARKETS.flatMap((market) => [
    { line: `${market} listing`, size: 14 },
    `The stewards report to the ${market} Exchange on the mill's looms each quarter, as the stewards' rules require.`,
  ]),
  // ("chain" is one letter from "chair", which the report never prints alone.)
  [{ line: 'Supply', size: 14 }, 'The supply chain of the mill runs through Kettering Vale and Lantern Quay.'],
]);

describe('a "who" question answered by the doer noun the report prints', () => {
  it('reads the report words formed from the asked verb with an agent ending, not the verb’s own forms', () => {
    const words = ['chair', 'chairs', 'chairwoman', 'chairmen', 'chairmanship', 'inspectors', 'inspector', 'inspect', 'stewards'];
    expect(doerNounsIn('who chairs the stewards?', words)).toEqual(['chairwoman']);
    expect(doerNounsIn('who inspects the looms?', words)).toEqual(['inspectors', 'inspector']);
    expect(doerNounsIn('what chairs the stewards?', words)).toEqual([]);
  });

  it('takes the other words of a question for a name as roles a doer noun may print', () => {
    expect(doerStems('who is the chair?')).toEqual(['chair']);
    expect(doerStems('who chairs the stewards?')).toEqual(['chair', 'steward']);
    expect(doerStems('what is the chair allowance?')).toEqual([]);
  });

  it('reads a role typed as its stem as the role the report prints, not as a printed word one letter away', async () => {
    const chair = await service().ask('who is the chair?');
    expect(chair.answer.split('\n')[0]).toMatch(/^Odile Farrant/u);
  });

  it('finds the name under the role though the question only has the verb', async () => {
    const chair = await service().ask('who chairs the stewards?');
    expect(chair.answer.split('\n')[0]).toMatch(/^Odile Farrant/u);
  });
});
