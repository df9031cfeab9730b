import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelAnswerer } from '../../../src/answer/model/createModelAnswerer.js';
import type { AnswerService } from '../../../src/answer/answerService.js';
import { silentLogger } from '../../../src/log.js';
import { chatCompletionHandler, errorHandler, hangHandler, startFakeOpenAI, type FakeOpenAI } from '../../fakes/fakeOpenAI.js';
import { BUNDLED, buildFixture, type Fixture } from './reportFixture.js';

/** The answer service in model mode, with the real openai client against a fake server on 127.0.0.1. */
let fixture: Fixture;
let fake: FakeOpenAI;
let service: AnswerService;

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  fake = await startFakeOpenAI();
  const model = createModelAnswerer({ apiKey: 'sk-test-key-123456', baseURL: fake.baseURL, chatModel: 'fake-model', timeoutMs: 400 }, silentLogger);
  service = await fixture.service({ model });
});
afterAll(async () => {
  await fake.close();
  await fixture.cleanup();
});
beforeEach(() => fake.reset());

describe('AnswerService in model mode', () => {
  it('returns the model answer when every figure it prints is in the cited source', async () => {
    fake.on('POST /v1/chat/completions', chatCompletionHandler(() => '志愿者注册人数为 10750 人 [1]。'));
    const result = await service.ask('志愿者人数有多少？');
    expect([result.mode, result.answer, result.found]).toEqual(['llm', '志愿者注册人数为 10750 人 [1]。', true]);
    const sent = JSON.stringify(fake.requestsTo('POST /v1/chat/completions')[0]?.json);
    expect(sent).toContain('志愿者注册人数 10750 人');
  });

  it('falls back to the extractive answer with a note when the model alters a figure', async () => {
    fake.on('POST /v1/chat/completions', chatCompletionHandler(() => '志愿者注册人数为 10570 人 [1]。'));
    const result = await service.ask('志愿者人数有多少？');
    expect(result.mode).toBe('offline');
    expect(result.answer).toContain('志愿者注册人数：10750人');
    expect(result.answer).toContain('（模型回答中的数字无法在原文中核实，以下为原文摘录。）');
  });

  it('falls back when the model server fails', async () => {
    fake.on('POST /v1/chat/completions', errorHandler(500));
    const result = await service.ask('志愿者人数有多少？');
    expect([result.mode, result.found]).toEqual(['offline', true]);
    expect(result.answer).toContain('（模型暂时不可用，以下为原文摘录。）');
  });

  it('falls back to the extractive answer when the model server hangs past the timeout', async () => {
    fake.on('POST /v1/chat/completions', hangHandler());
    const result = await service.ask('志愿者人数有多少？');
    expect(result.figures[0]?.value).toBe('10750');
  });

  it('keeps "not in the report" when neither the model nor the report answers', async () => {
    fake.on('POST /v1/chat/completions', chatCompletionHandler(() => 'NOT_FOUND'));
    const result = await service.ask('图书馆藏书有多少册？');
    expect([result.found, result.mode]).toEqual([false, 'offline']);
  });
});
