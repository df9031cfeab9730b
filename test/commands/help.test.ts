import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_LINES } from '../../commands/help.js';
import { messageBody } from '../fakes/fakeDiscord.js';
import { callbackType, isCallback, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { BUNDLED, buildFixture, type Fixture } from '../src/answer/reportFixture.js';

let fixture: Fixture;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  harness = await startBotHarness({ service: await fixture.service() });
});
afterAll(async () => {
  printTimings('/help', timings);
  await harness?.close();
  await fixture?.cleanup();
});

describe('/help', () => {
  it('replies at once, ephemerally, with every command and the ingested report', async () => {
    const sent = harness.fake.slashCommand('help');
    const reply = await sent.waitFor(isCallback);
    expect(callbackType(reply)).toBe(4);
    expect(messageBody(reply).flags).toBe(64);
    const embed = messageBody(reply).embeds?.[0] as { description: string; footer: { text: string } };
    expect(embed.description).toBe(HELP_LINES.join('\n'));
    for (const command of ['/ask', '/metric', '/table', '/reports', '/reingest']) expect(embed.description).toContain(command);
    expect(embed.footer.text).toBe('已导入：2024 湖南化工职业技术学院高等职业教育质量报告（2024年度）');
    expect(messageBody(reply).allowed_mentions).toEqual({ parse: [] });
    timings.push(timing('/help', sent, reply));
  });

  it('answers an unknown command ephemerally instead of leaving it unanswered', async () => {
    const sent = harness.fake.slashCommand('nonsense');
    const reply = await sent.waitFor(isCallback);
    expect(messageBody(reply)).toMatchObject({ content: '未知命令 /nonsense。', flags: 64 });
  });
});
