import { describe, expect, it } from 'vitest';
import { marketPages, plainReportService } from './reportFixture.js';

/** An invented British report: it spells "-ise", "-our" and "-tre" as the UK does. */
const service = plainReportService('quorvex-looms-2031.pdf', [
  ['Quorvex Looms plc', 'Annual Report 2031'],
  [
    { line: 'Operations', size: 14 },
    'The Group modernised its weaving sheds during 2031 at a cost of £4,250,000, funded from reserves.',
    'The Group also opened a new dyeing centre in Freedonia, where 46 weavers now work.',
  ],
  ...marketPages(['Tweeds', 'Linens', 'Serges', 'Worsteds', 'Flannels', 'Twills']),
]);

describe('a question typed in the other English', () => {
  it('finds the sentence a British report words with its own spellings', async () => {
    const sheds = await service().ask('what did the modernization cost?');
    const weavers = await service().ask('how many weavers do the Freedonia centers employ?');
    expect([sheds.found, sheds.figures[0]?.value, weavers.found, weavers.figures[0]?.value]).toEqual([true, '4,250,000', true, '46']);
  });
});
