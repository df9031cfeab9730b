import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../../src/answer/answerService.js';
import type { BotRenderers } from '../../../src/bot/botContext.js';
import { createRenderers } from '../../../src/bot/renderers.js';
import { silentLogger } from '../../../src/log.js';
import { messageBody, type FakeMessage } from '../../fakes/fakeDiscord.js';
import { callbackType, isCallback, isFollowUp, isOriginalEdit, startBotHarness, type BotHarness } from '../../fakes/botHarness.js';
import { BUNDLED, buildFixture, type Fixture } from '../answer/reportFixture.js';

let fixture: Fixture;
let service: AnswerService;
let harness: BotHarness;
let clientErrors = 0;

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  service = await fixture.service();
  const real = createRenderers({ logger: silentLogger });
  const renderers: BotRenderers = {
    ...real,
    tablePngs: () => Promise.reject(new Error('canvas exploded at /srv/secret/path')),
  };
  harness = await startBotHarness({ service, renderers });
  harness.bot.client.on('error', () => {
    clientErrors += 1;
  });
});
afterAll(async () => {
  await harness?.close();
  await fixture?.cleanup();
});

const anyMessage = (): FakeMessage => harness.fake.channelMessages(harness.fake.channelId)[0] ?? harness.fake.userMessage({ content: 'placeholder' });

describe('interaction errors', () => {
  it('turns a failing command into an ephemeral message with a reference id, and logs the detail under that id', async () => {
    const sent = harness.fake.slashCommand('table', [{ name: 'id', type: 3, value: '表 1-1' }]);
    const notice = await sent.waitFor((r) => isFollowUp(r));
    const [deferral] = sent.requests();
    expect(deferral && callbackType(deferral)).toBe(5);
    // The public "thinking…" placeholder is removed rather than left standing.
    expect(sent.requests().some((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original'))).toBe(true);
    expect(messageBody(notice).flags).toBe(64);
    const content = messageBody(notice).content ?? '';
    const ref = /^处理请求时出错了。（参考编号 ([0-9a-f]{8})）$/u.exec(content)?.[1];
    expect(ref).toBeDefined();
    expect(content).not.toContain('canvas');
    const logged = harness.logs.find((l) => l.includes(`[ref ${ref}]`));
    expect(logged).toContain('/table failed');
    expect(logged).toContain('canvas exploded');
  });

  it("shows a UserFacingError's own sentence, e.g. a page the report does not have", async () => {
    const reportId = service.index.reports[0]?.meta.id ?? '';
    const click = harness.fake.button(`page:999:${reportId}`, anyMessage());
    const shown = await click.waitFor((r) => isOriginalEdit(r), 20_000);
    expect(messageBody(click.requests()[0] ?? shown).flags).toBe(64);
    expect(messageBody(shown).content).toMatch(/^第 999 页不存在：报告共 110 页。.*（参考编号 [0-9a-f]{8}）$/u);
  });

  it('answers an expired or unknown button instead of failing', async () => {
    const expired = harness.fake.button('sources:deadbeef', anyMessage());
    expect(messageBody(await expired.waitFor(isOriginalEdit)).content).toMatch(/^这条回答已过期/u);
    const unknown = harness.fake.button('something-else', anyMessage());
    expect(messageBody(await unknown.waitFor(isCallback))).toMatchObject({ content: '这个按钮已失效。', flags: 64 });
  });

  it('keeps working afterwards, and nothing reached the client error event', async () => {
    const sent = harness.fake.slashCommand('help');
    expect(callbackType(await sent.waitFor(isCallback))).toBe(4);
    expect(clientErrors).toBe(0);
  });
});
