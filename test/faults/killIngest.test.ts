import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddings } from '../../src/embed/createEmbeddings.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { CHANGED_INGEST, currentPointer, ingestAndKill, KILL_QUESTIONS, phaseReached, runCli } from '../../scripts/faults/killTrial.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { loadAnswerService, type Runtime } from '../../src/runtime/runtime.js';
import { createTokenizer } from '../../src/text/tokenize.js';
import { BUNDLED } from '../src/answer/reportFixture.js';

/**
 * The kill trials' kill path (scripts/faults/killTrial.ts, as `npm run kill-trials` uses it), aimed
 * at two moments instead of random ones: a real CLI ingest SIGKILLed while it holds the lock and
 * analyses the report, then — on the same index, so it must take over the dead process's lock — while
 * it writes the new generation. Each time the index loads (as the CLI loads it, in this process to
 * save the CLI's start-up) and answers exactly as before.
 */

let workDir: string;
let indexDir: string;
let runtime: Runtime;
let expectedOld: string[];

/** Loaded afresh from disk each time, as `ask --json --batch` does; answers without `ms`. */
async function answers(): Promise<string[]> {
  const service = await loadAnswerService(runtime, indexDir);
  const out: string[] = [];
  for (const q of KILL_QUESTIONS) {
    const { ms: _ms, ...rest } = await service.ask(q);
    out.push(JSON.stringify(rest));
  }
  return out;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'kill-ingest-'));
  indexDir = path.join(workDir, 'index');
  const config = loadConfig({ INDEX_DIR: indexDir });
  const tokenizer = createTokenizer();
  runtime = { config, logger: silentLogger, tokenizer, embedder: createEmbeddings(config.openai, tokenizer), model: null };
  await ingestReports([BUNDLED], { indexDir }, { tokenizer, embedder: runtime.embedder, logger: silentLogger, maxBytes: config.maxReportBytes });
  expectedOld = await answers();
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function buildsLeft(): Promise<string[]> {
  return (await readdir(indexDir)).filter((e) => e.endsWith('.building'));
}

describe('SIGKILL during ingest', () => {
  it('loads the previous index after a kill while the ingest holds the lock and analyses', async () => {
    const pointer = await currentPointer(indexDir);
    const killed = await ingestAndKill([...CHANGED_INGEST, '--index', indexDir], { entryAppears: { dir: indexDir, pattern: /^ingest\.lock$/ } });
    expect(killed.killed).toBe(true);
    expect(await phaseReached(indexDir, killed, pointer)).toBe('analysing');
    expect(existsSync(path.join(indexDir, 'ingest.lock'))).toBe(true);

    expect(await answers()).toEqual(expectedOld);
  });

  it('takes over the dead ingest\'s lock, and loads the previous index after a kill while the new generation is written', async () => {
    const pointer = await currentPointer(indexDir);
    // The .building folder appears only after the lock was taken over and the report analysed.
    const killed = await ingestAndKill([...CHANGED_INGEST, '--index', indexDir], { entryAppears: { dir: indexDir, pattern: /^gen-.*\.building$/ } });
    expect(killed.killed).toBe(true);
    expect(killed.stderr).not.toMatch(/lock/i);
    const phase = await phaseReached(indexDir, killed, pointer);
    const after = await answers();
    if (phase === 'switched') {
      // The write takes ~0.1 s; on a stalled machine the kill can land after the switch: then the new index answers.
      expect(after.join('\n')).toContain('"year":2025');
    } else {
      expect(phase).toBe('writing');
      expect(await currentPointer(indexDir)).toBe(pointer);
      expect(after).toEqual(expectedOld);
    }
  });

  it('lets the next ingest finish and clears what the killed ones left', async () => {
    const next = await runCli(['ingest', ...CHANGED_INGEST, '--json', '--index', indexDir]);
    expect(next.code, next.stderr).toBe(0);
    expect(['added', 'unchanged']).toContain((JSON.parse(next.stdout.trim()) as { status: string }).status);
    expect(existsSync(path.join(indexDir, 'ingest.lock'))).toBe(false);
    if ((JSON.parse(next.stdout.trim()) as { status: string }).status === 'added') expect(await buildsLeft()).toEqual([]);
  });
});
