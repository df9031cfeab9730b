import { describe, expect, it } from 'vitest';
import { plainReportService } from './reportFixture.js';

/**
 * An invented report whose list of officers prints each role as a heading over the names, while its
 * prose repeats the same role words in long sentences that name other bodies.
 */
const MARKETS = ['Kettering Vale', 'Lantern Quay', 'Harrow Pike', 'Marsh Gate', 'Quill Bank', 'Dunmore Row', 'Brindle Cross', 'Vane Hill', 'Orrell Green', 'Tamsin Wharf', 'Zorblat Fold', 'Farrant Reach'];

const service = plainReportService('tarnwick-officers-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [
    { line: 'Officers and Advisers', size: 14 },
    { line: 'Wardens', bold: true },
    'Odile Farrant – Chair',
    'Piers Quenby',
    { line: 'Broker', bold: true },
    'vantor Capital Ltd',
    '3 Lantern Yard',
    { line: 'Secretary', bold: true },
    'Maren Tollefsen',
  ],
  [
    { line: 'Statement of Wardens’ responsibilities', size: 14 },
    'The Wardens are also required to prepare the accounts in accordance with the rules of the Kettering Vale Exchange for companies trading on the Lantern Market.',
    'The Wardens are responsible for keeping adequate accounting records. The Wardens confirm that the accounts give a true and fair view.',
    { line: 'Key personnel', size: 14 },
    'The Wardens of the Group and Company are considered to be the key management personnel of the Wardens’ board.',
  ],
  // Many more passages that repeat the role word, each naming some other body.
  MARKETS.flatMap((market) => [
    { line: `${market} listing`, size: 14 },
    `The Wardens report to the ${market} Exchange on the Wardens’ dealings each quarter, as the Wardens’ rules require.`,
  ]),
]);

describe('a list of officers with each role as a heading', () => {
  it('answers who holds a role from the names under its heading, not from prose that repeats the role', async () => {
    const wardens = await service().ask('who are the wardens?');
    expect(wardens.answer.split('\n')[0]).toContain('Odile Farrant');
  });

  it('reads a role heading over a name printed in lower case as a heading of its own', async () => {
    const broker = await service().ask('who is the broker?');
    expect(broker.answer.split('\n')[0]).toMatch(/^vantor Capital Ltd/u);
    // (The address above it is no part of the broker's section.)
    expect(broker.answer.split('\n')[0]).not.toContain('Piers');
  });
});
