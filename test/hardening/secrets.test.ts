import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { compiled } from '../fixtures/compiled.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { sendJSON, startFakeOpenAI, type FakeOpenAI } from '../fakes/fakeOpenAI.js';

/** Keys and tokens never reach a log line, even when a server echoes them back in an error. */
const run = promisify(execFile);
const KEY = 'sk-live-secret-4f9a2c7e1b';

let fake: FakeOpenAI;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'secrets-'));
  fake = await startFakeOpenAI();
  // A server that quotes the credential back, as some proxies do in their 401 bodies.
  const echo = (request: { headers: Record<string, string | string[] | undefined> }, res: Parameters<typeof sendJSON>[0]) =>
    sendJSON(res, 401, { error: { message: `invalid key: ${String(request.headers.authorization)}`, type: 'invalid_request_error' } });
  fake.on('POST /v1/chat/completions', echo);
  fake.on('POST /v1/embeddings', echo);
});
afterAll(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
});

describe('secrets in logs', () => {
  it('masks registered secrets in every line the logger writes', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', secrets: [KEY, 'discord-token-abcdef'], write: (l) => lines.push(l) });
    logger.error('request failed', new Error(`401 for Bearer ${KEY}`, { cause: new Error('token discord-token-abcdef rejected') }));
    logger.debug('config', { key: KEY });
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines.join('\n')).not.toContain('discord-token-abcdef');
    expect(lines.join('\n')).toContain('***');
  });

  it('keeps the API key out of stderr and stdout when the model server rejects it at debug level', async () => {
    const batch = path.join(work, 'q.txt');
    await writeFile(batch, '志愿者人数有多少？\n');
    let stdout = '';
    let stderr = '';
    try {
      const out = await run(process.execPath, [compiled('src/cli/main.ts'), 'ingest', '--index', path.join(work, 'index')], {
        env: { ...process.env, LOG_LEVEL: 'debug', OPENAI_API_KEY: KEY, OPENAI_BASE_URL: fake.baseURL, OPENAI_TIMEOUT_MS: '2000' },
      });
      stdout = out.stdout;
      stderr = out.stderr;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      stdout = e.stdout ?? '';
      stderr = e.stderr ?? '';
    }
    // The embeddings request was refused, so the ingest failed — and said so without the key.
    expect(fake.requestsTo('POST /v1/embeddings').length).toBeGreaterThan(0);
    expect(stderr.length).toBeGreaterThan(0);
    expect(`${stdout}\n${stderr}`).not.toContain(KEY);
  });
});
