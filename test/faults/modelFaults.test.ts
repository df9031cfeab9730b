import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/answerService.js';
import { createModelAnswerer } from '../../src/answer/model/createModelAnswerer.js';
import { createLogger } from '../../src/log.js';
import { chatCompletionHandler, chatStreamHandler, errorHandler, hangHandler, malformedJSONHandler, startFakeOpenAI, type FakeOpenAI, type RouteHandler } from '../fakes/fakeOpenAI.js';
import { BUNDLED, buildFixture, type Fixture } from '../src/answer/reportFixture.js';

/**
 * Model faults through the whole AnswerService in model mode, with the real openai client (as the
 * entry points build it) against the fake server on 127.0.0.1: every fault ends in the extractive
 * answer with the service note within the configured timeout, and nothing is left rejecting unhandled
 * — not even the attempt abandoned at the deadline, whose retry may still be sleeping.
 */

const CHAT = 'POST /v1/chat/completions';
const TIMEOUT_MS = 500;
const NOTE = '（模型暂时不可用，以下为原文摘录。）';
const QUESTION = '志愿者人数有多少？';

let fixture: Fixture;
let fake: FakeOpenAI;
let service: AnswerService;
const logs: string[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const timings: Array<{ fault: string; mode: string; ms: number; reason: string }> = [];

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  fixture = await buildFixture(async () => [BUNDLED]);
  fake = await startFakeOpenAI();
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line) });
  const model = createModelAnswerer({ apiKey: 'sk-fault-test-key', baseURL: fake.baseURL, chatModel: 'fake-chat', timeoutMs: TIMEOUT_MS }, logger);
  service = await fixture.service({ model });
  // One good answer first, so the timings below are the faults' and not the first request's set-up.
  fake.on(CHAT, chatCompletionHandler(() => '志愿者注册人数为 10750 人 [1]。'));
  expect((await service.ask(QUESTION)).mode).toBe('llm');
  fake.reset();
});
afterEach(() => {
  fake.reset();
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  if (timings.length > 0) {
    const rows = timings.map((t) => `| ${t.fault.padEnd(28)} | ${t.mode.padEnd(9)} | ${t.ms.toFixed(0).padStart(8)} | ${t.reason.padEnd(12)} |`);
    console.log(`model faults → extractive fallback (timeout ${TIMEOUT_MS} ms)\n| fault                        | mode      | ms       | reason       |\n|------------------------------|-----------|----------|--------------|\n${rows.join('\n')}`);
  }
  await fake?.close();
  await fixture?.cleanup();
});

/** A stream whose second event is broken JSON, then ends. */
function malformedStreamHandler(): RouteHandler {
  return (_request, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: '志愿者' }, finish_reason: null }] })}\n\n`);
    res.end('data: {"id": "c", "choices": [{"index": 0, "delta": {"content": "注册\n\n');
  };
}

/** A one-shot reply whose body stops halfway: the promised length never arrives, the connection drops. */
function cutBodyHandler(): RouteHandler {
  return async (_request, res: ServerResponse) => {
    const body = JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: '志愿者注册人数为 10750 人[1]。' }, finish_reason: 'stop' }] });
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
    await new Promise<void>((resolve) => res.write(bytes.subarray(0, bytes.length >> 1), () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 20));
    res.destroy();
  };
}

interface Fault {
  name: string;
  handler(streaming: boolean): RouteHandler;
  /** The failure the answerer should log for it. */
  reason: RegExp;
}

const PIECES = ['志愿者', '注册', '人数为 ', '10750', ' 人', '[1]', '。'];

const FAULTS: Fault[] = [
  // Longer than the client's retry cap (1 s): it must give up at once instead of sleeping 30 s.
  { name: '429, retry-after: 30', handler: () => errorHandler(429, 'Rate limit reached', { 'retry-after': '30' }), reason: /rate_limited/ },
  // Short enough to be obeyed once; the second 429 ends it.
  { name: '429, retry-after: 0.2', handler: () => errorHandler(429, 'Rate limit reached', { 'retry-after': '0.2' }), reason: /rate_limited|timeout/ },
  { name: '500', handler: () => errorHandler(500, 'The server had an error'), reason: /server_error|timeout/ },
  { name: 'hang', handler: () => hangHandler(), reason: /timeout/ },
  { name: 'malformed JSON', handler: (streaming) => (streaming ? malformedStreamHandler() : malformedJSONHandler()), reason: /bad_response/ },
  { name: 'stream cut midway', handler: (streaming) => (streaming ? chatStreamHandler(PIECES, { cutAfter: 3 }) : cutBodyHandler()), reason: /bad_response|server_error/ },
];

describe('model faults through the AnswerService', () => {
  for (const fault of FAULTS) {
    for (const streaming of [false, true]) {
      const mode = streaming ? 'streamed' : 'one-shot';
      it(`answers extractively with the note on ${fault.name} (${mode}), the model bound at ${TIMEOUT_MS} ms`, async () => {
        fake.on(CHAT, fault.handler(streaming));
        const logStart = logs.length;
        const partials: string[] = [];
        const started = performance.now();
        const result = await service.ask(QUESTION, streaming ? { onPartial: (t) => partials.push(t) } : {});
        const ms = performance.now() - started;

        expect(fake.requestsTo(CHAT).length).toBeGreaterThanOrEqual(1);
        expect([result.mode, result.found]).toEqual(['offline', true]);
        expect(result.figures[0]?.value).toBe('10750');
        expect(result.answer.split('\n').at(-1)).toBe(NOTE);
        expect(result.answer).toContain('10750');
        const failure = logs.slice(logStart).find((l) => l.includes('model answer failed'));
        expect(failure).toMatch(fault.reason);
        timings.push({ fault: fault.name, mode, ms, reason: /reason["=: ]+"?(\w+)/.exec(failure ?? '')?.[1] ?? '?' });
      });
    }
  }

  it('leaves no unhandled rejection behind once abandoned attempts and retries have settled', async () => {
    // The longest anything can still be running: a retry sleep of at most 1 s plus one request.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(rejections).toEqual([]);
    expect(timings).toHaveLength(FAULTS.length * 2);
  });
});
