import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIngestLock } from '../../src/store/indexStore.js';

/**
 * The ingest lock under SIGKILL at arbitrary moments: a child takes and releases the lock as fast as
 * it can and is killed after a random few milliseconds, so kills land between creating the lock and
 * writing its holder, while it is held, and while it is removed. After every kill the next ingest
 * must get the lock at once — a lock left by a dead process is taken over, never waited out.
 */

const LOOP = fileURLToPath(new URL('./fixtures/lockLoop.ts', import.meta.url));
const KILLS = 12;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lock-kill-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function killLoopAfter(ms: number, mode: 'loop' | 'hold' = 'loop'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, dir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    // 'close' after the exit is reaped: the dead pid is no zombie that still looks alive.
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`lock loop ended by itself: ${stderr}`))));
  });
}

describe('the ingest lock under SIGKILL', () => {
  it(`is free for the next ingest after each of ${KILLS} kills at random moments`, async () => {
    for (let i = 0; i < KILLS; i += 1) {
      await killLoopAfter(5 + Math.random() * 40);
      // waitMs 0: a lock that were not taken over would refuse at once (IngestLockedError).
      await withIngestLock(dir, async () => undefined, { waitMs: 0 });
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('takes over a lock whose holder was killed while holding it', async () => {
    await killLoopAfter(0, 'hold');
    expect(existsSync(path.join(dir, 'ingest.lock'))).toBe(true);
    await withIngestLock(dir, async () => undefined, { waitMs: 0 });
    expect(await readdir(dir)).toEqual([]);
  });
});
