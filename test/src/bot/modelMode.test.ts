import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelAnswerer } from '../../../src/answer/model/createModelAnswerer.js';
import { MESSAGE_CONTENT_LIMIT } from '../../../src/bot/discordLimits.js';
import { silentLogger } from '../../../src/log.js';
import { messageBody, type RecordedDiscordRequest } from '../../fakes/fakeDiscord.js';
import { chatCompletionHandler, chatStreamHandler, errorHandler, startFakeOpenAI, type FakeOpenAI } from '../../fakes/fakeOpenAI.js';
import { isFollowUp, isOriginalEdit, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../../fakes/botHarness.js';
import { BUNDLED, buildFixture, type Fixture } from '../answer/reportFixture.js';

const CHAT = 'POST /v1/chat/completions';

let fixture: Fixture;
let openai: FakeOpenAI;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  openai = await startFakeOpenAI();
  fixture = await buildFixture(async () => [BUNDLED]);
  const model = createModelAnswerer({ apiKey: 'sk-test-key-for-fake', baseURL: openai.baseURL, chatModel: 'fake-chat', timeoutMs: 8_000 }, silentLogger);
  harness = await startBotHarness({ service: await fixture.service({ model }) });
});
afterAll(async () => {
  printTimings('/ask in model mode', timings);
  await harness?.close();
  await openai?.close();
  await fixture?.cleanup();
});
beforeEach(() => openai.reset());

const withEmbed = (r: RecordedDiscordRequest) => (messageBody(r).embeds?.length ?? 0) > 0;
type Embed = { description: string; footer: { text: string } };

function ask(question: string) {
  return harness.fake.slashCommand('ask', [{ name: 'question', type: 3, value: question }]);
}

describe('/ask with a model server', () => {
  it('falls back to the report text, with the service note, when the model server fails', async () => {
    openai.on(CHAT, errorHandler(500));
    const sent = ask('志愿者人数有多少？');
    const final = await sent.waitFor((r) => isOriginalEdit(r) && withEmbed(r), 20_000);
    const embed = messageBody(final).embeds?.[0] as Embed;
    expect(embed.description).toContain('**10750**');
    expect(embed.description).toContain('（模型暂时不可用，以下为原文摘录。）');
    expect(embed.footer.text).toMatch(/^原文摘录 · /u);
    expect(openai.requestsTo(CHAT).length).toBeGreaterThanOrEqual(1);
    timings.push(timing('/ask, model HTTP 500', sent, final));
  });

  it('streams the answer by editing the reply at most every 1.5 s, then edits in the checked embed', async () => {
    openai.on(CHAT, chatStreamHandler(['志愿者', '注册', '人数为 ', '10750', ' 人', '[1]', '。'], { delayMs: 550 }));
    const sent = ask('志愿者人数有多少？');
    const final = await sent.waitFor((r) => isOriginalEdit(r) && withEmbed(r), 20_000);
    const partials = sent.requests().filter((r) => isOriginalEdit(r) && !withEmbed(r));
    expect(partials.length).toBeGreaterThanOrEqual(2);
    for (const p of partials) expect(messageBody(p).content).toMatch(/ ▍$/u);
    expect(partials.map((p) => messageBody(p).content)).toContain('志愿者注册人数为 ▍');
    const times = [...partials, final].map((r) => r.at);
    for (let i = 1; i < partials.length; i += 1) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThan(1400);
    const embed = messageBody(final).embeds?.[0] as Embed;
    expect(embed.description).toBe('志愿者注册人数为 **10750** 人[1]。');
    expect(embed.footer.text).toMatch(/^模型回答 · 数字已与原文核对 · /u);
    expect(messageBody(final).content).toBe('');
    timings.push(timing('/ask, model streaming', sent, final));
  });

  it('splits an answer longer than one message at 2000 characters, sources and buttons last', async () => {
    const line = '志愿者注册人数为 10750 人[1]。';
    const text = Array.from({ length: 125 }, () => line).join('\n');
    expect(text.length).toBeGreaterThan(2500);
    openai.on(CHAT, chatCompletionHandler(() => text));
    const sent = ask('志愿者人数有多少？');
    const last = await sent.waitFor((r) => isFollowUp(r) && withEmbed(r), 20_000);
    const edits = sent.requests().filter(isOriginalEdit);
    const first = edits.at(-1);
    const parts = [messageBody(first as RecordedDiscordRequest).content ?? '', ...sent.requests().filter((r) => isFollowUp(r) && !withEmbed(r)).map((r) => messageBody(r).content ?? '')];
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LIMIT);
    expect(parts.join('\n')).toBe(text.replaceAll('10750', '**10750**'));
    expect((messageBody(last).embeds?.[0] as Embed).description).toBe('回答较长，已分 2 条消息发出（见上方）。');
    expect((messageBody(last).components ?? []).length).toBe(1);
    for (const r of [first, ...sent.requests().filter(isFollowUp)]) expect(messageBody(r as RecordedDiscordRequest).allowed_mentions).toEqual({ parse: [] });
  });
});
