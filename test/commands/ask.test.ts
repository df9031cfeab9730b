import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/answerService.js';
import { messageBody, type FakeMessage, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { callbackType, isCallback, isOriginalEdit, printTimings, sentMessages, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { inkShare, pngHeader as pngSize } from '../fixtures/png.js';
import { BUNDLED, buildFixture, type Fixture } from '../src/answer/reportFixture.js';

let fixture: Fixture;
let service: AnswerService;
let harness: BotHarness;
const timings: Timing[] = [];

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  service = await fixture.service();
  harness = await startBotHarness({ service });
});
afterAll(async () => {
  printTimings('/ask and its buttons', timings);
  await harness?.close();
  await fixture?.cleanup();
});

const hasEmbeds = (r: RecordedDiscordRequest) => Array.isArray(messageBody(r).embeds) && (messageBody(r).embeds?.length ?? 0) > 0;
const hasFiles = (r: RecordedDiscordRequest) => r.files.length > 0;

async function ask(question: string) {
  const sent = harness.fake.slashCommand('ask', [{ name: 'question', type: 3, value: question }]);
  const final = await sent.waitFor((r) => isOriginalEdit(r) && hasEmbeds(r));
  return { sent, final, embed: messageBody(final).embeds?.[0] as { title: string; description: string; fields: Array<{ name: string; value: string }>; footer: { text: string } } };
}

interface ButtonJson {
  label: string;
  custom_id: string;
}

function buttonsOf(request: RecordedDiscordRequest): ButtonJson[] {
  const rows = (messageBody(request).components ?? []) as Array<{ components: ButtonJson[] }>;
  return rows.flatMap((row) => row.components);
}

describe('/ask', () => {
  it('answers the question inside a storm of mentions, the mentions removed at the chat edge', async () => {
    const storm = `${'<@123456789012345678> '.repeat(8)}@everyone @here 志愿者人数有多少？ ${'<@&987654321098765432> '.repeat(4)}`;
    const { embed } = await ask(storm);
    expect(embed.description).toContain('**10750**');
    expect(embed.title).toBe('问：志愿者人数有多少？');
  });

  it('defers first, then edits in the answer embed with the figure in bold, its section and page', async () => {
    const { sent, final, embed } = await ask('志愿者人数有多少？');
    const [first] = sent.requests();
    expect(first && isCallback(first) ? callbackType(first) : undefined).toBe(5);
    expect(first?.at ?? Infinity).toBeLessThan(final.at);
    expect(embed.description).toContain('**10750**');
    expect(embed.title).toBe('问：志愿者人数有多少？');
    expect(embed.fields[0]).toEqual({ name: '数字与出处', value: '**10750**人 — 1.1.2 · 第 5 页' });
    expect(embed.fields[1]?.name).toBe('1. 1.1.2 · 第 5 页');
    expect(embed.fields[1]?.value).toContain('志愿者注册人数 10750 人');
    expect(embed.fields.length).toBe(6);
    expect(embed.fields.every((f) => f.value.length <= 1024 && f.value.length > 0)).toBe(true);
    const total = embed.title.length + embed.description.length + embed.footer.text.length + embed.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(buttonsOf(final).map((b) => b.label)).toEqual(['原文（第 5 页）', '更多来源']);
    timings.push(timing('/ask', sent, final));
  });

  it('shows both figures, each with its source, when the report states a quantity twice', async () => {
    const { embed } = await ask('举办了多少项社团特色赛事？');
    expect(embed.description).toContain('**20**余项');
    expect(embed.description).toContain('**21**项');
    expect(embed.fields[0]?.value).toBe('**20**余项 — 1.1.3 · 第 8 页\n**21**项 — 案例 1-5 · 第 8 页');
  });

  it('says plainly when the report does not say', async () => {
    const { embed } = await ask('学校图书馆有多少册藏书？');
    expect(embed.description).toContain('报告中没有找到这个问题的答案');
    expect(embed.footer.text).toMatch(/^原文摘录 · \d+ ms$/u);
  });

  it('renders the source page as a PNG of the renderer width for the 原文 button, ephemerally', async () => {
    const { final } = await ask('志愿者人数有多少？');
    const button = buttonsOf(final).find((b) => b.label.startsWith('原文'));
    expect(button?.custom_id).toBe(`page:5:${service.index.reports[0]?.meta.id}`);
    const message = harness.fake.originalMessage(final.path.split('/')[3] ?? '') as FakeMessage;
    const click = harness.fake.button(button?.custom_id ?? '', message);
    const image = await click.waitFor((r) => isOriginalEdit(r) && hasFiles(r), 20_000);
    const [callback] = click.requests();
    expect(callback && callbackType(callback)).toBe(5);
    expect(messageBody(callback as RecordedDiscordRequest).flags).toBe(64);
    const file = image.files[0];
    expect(file?.name).toBe('page-5.png');
    expect(messageBody(image).content).toContain('第 5 页');
    const size = pngSize(file?.data ?? Buffer.alloc(0));
    // The renderer's default width (A4 at 150 dpi); a portrait page is taller than wide.
    expect(size.width).toBe(1240);
    expect(size.height).toBeGreaterThan(1600);
    expect(size.height).toBeLessThan(1800);
    expect(file?.size ?? 0).toBeGreaterThan(20_000);
    // A page of printed text: some ink, mostly paper.
    const ink = await inkShare(file?.data ?? Buffer.alloc(0));
    expect(ink).toBeGreaterThan(0.005);
    expect(ink).toBeLessThan(0.3);
    timings.push(timing('button page image (原文)', click, image));
  });

  it('lists every source in full for the 更多来源 button, ephemerally', async () => {
    const { final } = await ask('志愿者人数有多少？');
    const button = buttonsOf(final).find((b) => b.label === '更多来源');
    const message = harness.fake.originalMessage(final.path.split('/')[3] ?? '') as FakeMessage;
    const click = harness.fake.button(button?.custom_id ?? '', message);
    const shown = await click.waitFor((r) => isOriginalEdit(r) && typeof messageBody(r).content === 'string');
    const [callback] = click.requests();
    expect(messageBody(callback as RecordedDiscordRequest).flags).toBe(64);
    const text = click
      .requests()
      .filter((r) => !isCallback(r))
      .map((r) => messageBody(r).content ?? '')
      .join('\n');
    expect(text).toContain('**1. 1.1.2 · 第 5 页**');
    expect(text).toMatch(/^> .*志愿者注册人数 10750 人/mu);
    expect(text.match(/^\*\*\d\. /gmu)?.length).toBe(5);
    timings.push(timing('button all sources', click, shown));
  });

  it('sends every message with allowed_mentions.parse = []', () => {
    const messages = sentMessages(harness.fake.requests);
    expect(messages.length).toBeGreaterThan(5);
    for (const request of messages) {
      if (isCallback(request) && callbackType(request) === 5) continue;
      expect(messageBody(request).allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
    }
  });
});

describe('/ask rate limit', () => {
  it('refuses a user over RATE_LIMIT_PER_MINUTE ephemerally, without deferring', async () => {
    const limited = await startBotHarness({ service, ratePerMinute: 1 });
    try {
      const first = limited.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }]);
      await first.waitFor((r) => isOriginalEdit(r) && hasEmbeds(r));
      const second = limited.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '就业率是多少？' }]);
      const refusal = await second.waitFor(isCallback);
      expect(callbackType(refusal)).toBe(4);
      expect(messageBody(refusal).flags).toBe(64);
      expect(messageBody(refusal).content).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/u);
      // Another user still gets answers.
      const other = limited.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }], {
        user: { id: '1234567890123', username: 'bob', global_name: 'bob', discriminator: '0', avatar: null },
      });
      await other.waitFor((r) => isOriginalEdit(r) && hasEmbeds(r));
    } finally {
      await limited.close();
    }
  });
});
