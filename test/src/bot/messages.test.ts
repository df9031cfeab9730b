import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../../src/answer/answerService.js';
import { EMPTY_QUESTION_HELP, MESSAGE_CONTENT_HELP } from '../../../src/bot/messageHandler.js';
import { INTENT_MESSAGE_CONTENT, messageBody, type RecordedDiscordRequest } from '../../fakes/fakeDiscord.js';
import { sentMessages, startBotHarness, type BotHarness } from '../../fakes/botHarness.js';
import { BUNDLED, buildFixture, type Fixture } from '../answer/reportFixture.js';

let fixture: Fixture;
let service: AnswerService;
let harness: BotHarness;

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  service = await fixture.service();
  harness = await startBotHarness({ service });
});
afterAll(async () => {
  await harness?.close();
  await fixture?.cleanup();
});

const postTo = (channelId: string) => (r: RecordedDiscordRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;
const withEmbed = (r: RecordedDiscordRequest) => (messageBody(r).embeds?.length ?? 0) > 0;
const description = (r: RecordedDiscordRequest) => (messageBody(r).embeds?.[0] as { description: string }).description;

describe('mentions, threads and DMs', () => {
  let threadId = '';

  it('answers a channel mention in a thread opened on the message', async () => {
    const { fake } = harness;
    const question = fake.userMessage({ content: `<@${fake.bot.id}> 就业率是多少？`, mentionBot: true });
    const created = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages/${question.id}/threads`);
    expect(created.json).toMatchObject({ name: '就业率是多少？' });
    threadId = question.id;
    const answer = await fake.waitForRequest((r) => postTo(threadId)(r) && withEmbed(r));
    expect(description(answer)).toContain('超**91**%');
    expect(messageBody(answer).allowed_mentions).toEqual({ parse: [] });
    expect(fake.requests.some((r) => r.path === `/channels/${threadId}/typing`)).toBe(true);
  });

  it('answers a follow-up in that thread with its earlier question as context', async () => {
    const { fake } = harness;
    // Alone, "前言里说的呢？" names nothing; after "就业率是多少？" it asks for the preface's employment rate.
    expect((await service.ask('前言里说的呢？')).found).toBe(false);
    const before = fake.requests.length;
    const followUp = fake.userMessage({ content: '前言里说的呢？', channelId: threadId });
    const answer = await fake.waitForRequest((r) => postTo(threadId)(r) && withEmbed(r) && fake.requests.indexOf(r) >= before);
    expect(description(answer)).toContain('超**91**%');
    expect(description(answer)).not.toContain('95%以上');
    expect(answer.json).toMatchObject({ message_reference: { message_id: followUp.id } });
    const history = fake.requests.slice(before);
    expect(history.some((r) => r.method === 'GET' && r.path === `/channels/${threadId}/messages` && r.query.get('before') === followUp.id)).toBe(true);
  });

  it('answers a DM like /ask, as a reply', async () => {
    const { fake } = harness;
    const question = fake.userMessage({ content: '志愿者人数有多少？', dm: true });
    const answer = await fake.waitForRequest((r) => postTo(fake.dmChannelId)(r) && withEmbed(r));
    expect(description(answer)).toContain('**10750**');
    expect(answer.json).toMatchObject({ message_reference: { message_id: question.id }, allowed_mentions: { parse: [] } });
  });

  it('explains how to ask when a mention carries no question', async () => {
    const { fake } = harness;
    const question = fake.userMessage({ content: `<@${fake.bot.id}>`, mentionBot: true });
    const reply = await fake.waitForRequest((r) => postTo(fake.channelId)(r) && (r.json as { message_reference?: { message_id?: string } }).message_reference?.message_id === question.id);
    expect(messageBody(reply).content).toBe(EMPTY_QUESTION_HELP);
  });

  it('ignores channel messages that do not mention it', async () => {
    const { fake } = harness;
    const before = fake.requests.length;
    fake.userMessage({ content: '就业率是多少？' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sends every message with allowed_mentions.parse = []', () => {
    const messages = sentMessages(harness.fake.requests);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const request of messages) expect(messageBody(request).allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
  });
});

describe('without the Message Content intent', () => {
  it('logs in without it, keeps answering mentions, and says how to enable it when a thread follow-up arrives empty', async () => {
    const limited = await startBotHarness({ service, messageContentIntent: false });
    try {
      const { fake } = limited;
      const identify = await fake.waitForIdentify();
      expect(identify.intents & INTENT_MESSAGE_CONTENT).toBe(0);
      expect(limited.logs.some((l) => l.includes('Message Content intent is off'))).toBe(true);

      // Discord still delivers the text of messages that mention the app.
      const question = fake.userMessage({ content: `<@${fake.bot.id}> 志愿者人数有多少？`, mentionBot: true });
      const answer = await fake.waitForRequest((r) => postTo(question.id)(r) && withEmbed(r));
      expect(description(answer)).toContain('**10750**');

      // A plain follow-up arrives with empty content.
      const followUp = fake.userMessage({ content: '', channelId: question.id });
      const help = await fake.waitForRequest((r) => postTo(question.id)(r) && (r.json as { message_reference?: { message_id?: string } }).message_reference?.message_id === followUp.id);
      expect(messageBody(help).content).toBe(MESSAGE_CONTENT_HELP);

      // Once per thread is enough.
      const before = fake.requests.length;
      fake.userMessage({ content: '', channelId: question.id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.requests.slice(before).filter((r) => r.method === 'POST')).toEqual([]);

      // Slash commands keep working.
      const sent = fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }]);
      await sent.waitFor((r) => r.method === 'PATCH' && withEmbed(r));
    } finally {
      await limited.close();
    }
  });
});
