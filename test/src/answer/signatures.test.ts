import { describe, expect, it } from 'vitest';
import type { PdfBlock } from '../../fixtures/pdfs.js';
import { marketPages, plainReportService } from './reportFixture.js';

/** A signature line of a filing: the conformed signature, the signer's titles, the date. */
const signed = (signature: string, title: string): PdfBlock => ({
  placed: [
    { text: signature, x: 60 },
    { text: title, x: 230 },
    { text: 'March 1, 2032', x: 470 },
  ],
  advance: 22,
});

/** An invented filing's signature page, each signature typed as "/s/" and the name in capitals. */
const service = plainReportService('quorvex-glazes-2031.pdf', [
  ['Quorvex Glazes Inc.', 'Annual Report on Form 10-K for the fiscal year ended December 31, 2031'],
  [
    { line: 'SIGNATURES', size: 14 },
    'Pursuant to the requirements of the Act, this report has been signed below by the following persons on behalf of the registrant.',
    { placed: [{ text: 'Signature', x: 60 }, { text: 'Title', x: 230 }, { text: 'Date', x: 470 }], advance: 22 },
    signed('/s/ ADA QUILL', 'Chief Glaze Officer'),
    signed('/s/ ORRIN VALE', 'Chief Kiln Officer'),
    signed('/S/Maren Tollefsen', 'Principal Firing Officer'),
  ],
  ...marketPages(['Tiles', 'Bricks', 'Glazes', 'Pavers', 'Slabs', 'Kerbs']),
]);

describe('a conformed signature', () => {
  it('answers who holds a title with the name signed, without the "/s/" that marks a typed signature', async () => {
    const glaze = await service().ask('who is the chief glaze officer?');
    const firing = await service().ask('who is the principal firing officer?');
    expect([glaze.answer, firing.answer].map((answer) => answer.split('\n')[0]?.split(' (')[0])).toEqual([
      'Chief Glaze Officer: ADA QUILL',
      'Principal Firing Officer: Maren Tollefsen',
    ]);
  });
});
