import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compiled } from '../../fixtures/compiled.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageBody, startFakeDiscord, type FakeDiscord, type RecordedDiscordRequest } from '../../fakes/fakeDiscord.js';
import { callbackType, isOriginalEdit, printTimings, timing, type Timing } from '../../fakes/botHarness.js';
import { BUNDLED, buildFixture, type Fixture } from '../answer/reportFixture.js';

let fixture: Fixture;
let fake: FakeDiscord;
let child: ChildProcess | null = null;
const timings: Timing[] = [];

beforeAll(async () => {
  fixture = await buildFixture(async () => [BUNDLED]);
  fake = await startFakeDiscord();
});
afterAll(async () => {
  printTimings('npm start (separate process)', timings);
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake?.close();
  await fixture?.cleanup();
});

function waitForExit(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) resolve(proc.exitCode);
    else proc.once('exit', (code) => resolve(code));
  });
}

describe('npm start with DISCORD_TOKEN set', () => {
  it('runs the bot from env alone, answers /ask, and exits 0 on SIGTERM', async () => {
    let stderr = '';
    const loggedIn = new Promise<void>((resolve, reject) => {
      // The entry point `npm start` runs.
      child = spawn(process.execPath, [compiled('src/main.ts')], {
        cwd: process.cwd(),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DISCORD_TOKEN: fake.token,
          DISCORD_APP_ID: fake.appId,
          DISCORD_API_BASE: fake.apiBase,
          INDEX_DIR: path.join(fixture.dir, 'index'),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (stderr.includes('logged in to Discord')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}:\n${stderr}`)));
    });
    const identify = await fake.waitForIdentify(30_000);
    expect(identify.token).toBe(fake.token);
    await loggedIn;
    expect(stderr).not.toContain(fake.token);

    const sent = fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }]);
    const final = await sent.waitFor((r) => isOriginalEdit(r) && (messageBody(r).embeds?.length ?? 0) > 0, 15_000);
    expect(callbackType(sent.requests()[0] as RecordedDiscordRequest)).toBe(5);
    expect((messageBody(final).embeds?.[0] as { description: string }).description).toContain('**10750**');
    timings.push(timing('/ask via npm start', sent, final));

    const proc = child as ChildProcess | null;
    if (!proc) throw new Error('no child process');
    proc.removeAllListeners('exit');
    const exited = waitForExit(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: shutting down the bot');
  }, 60_000);
});

describe('npm start without DISCORD_TOKEN', () => {
  it('builds the index on first run, runs the terminal chat on stdin, and exits 0 on SIGTERM', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'npm-start-chat-'));
    try {
      const indexDir = path.join(dir, 'index');
      const proc = spawn(process.execPath, [compiled('src/main.ts')], {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', INDEX_DIR: indexDir, REPORTS_DIR: path.dirname(BUNDLED), LOG_LEVEL: 'info' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const answered = new Promise<void>((resolve) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          if (stdout.includes('10750')) resolve();
        });
      });
      const exited = waitForExit(proc);
      proc.stdin.write('志愿者人数有多少？\n');
      await Promise.race([answered, exited.then((code) => Promise.reject(new Error(`exited early with ${code}:\n${stderr}`)))]);
      expect(stderr).toContain('building it from');
      expect((await stat(path.join(indexDir))).isDirectory()).toBe(true);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
