import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTrials, prepareKillTrials, runKillTrial, typicalIngestMs, type KillWhen, type TrialResult } from './faults/killTrial.js';

/**
 * npm run kill-trials -- [--trials N] [--keep]
 *
 * SIGKILLs a real CLI ingest at random moments (N trials, default 20; trial i waits a random delay in
 * the i-th of N equal slices of the ingest's typical duration, so every phase gets hit; the typical
 * duration is the median of the last three complete ingests, as the machine's load varies) and checks after each kill that the index loads
 * and answers exactly as before — or, when the kill came after the CURRENT switch, exactly as the
 * finished ingest answers — and that the next ingest is not blocked by the dead process's lock.
 * Writing the new generation and switching CURRENT take ~5% of an ingest, so random kills seldom land
 * there: three aimed trials follow (skip them with --random-only) — on the progress line that ends the
 * analysis, when the new generation's .building folder appears, and on the line after the switch.
 * Prints a table and a summary; exits 1 on any failure. Work happens in a temp folder (kept with --keep
 * or on failure).
 */

const { values } = parseArgs({
  options: { trials: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false }, 'random-only': { type: 'boolean', default: false } },
});
const trials = Number(values.trials);
if (!Number.isInteger(trials) || trials < 1) {
  process.stderr.write(`--trials must be a positive integer, got "${values.trials}"\n`);
  process.exit(2);
}

const workDir = await mkdtemp(path.join(tmpdir(), 'kill-trials-'));
const log = (line: string) => process.stderr.write(`${line}\n`);
let failed = true;
try {
  const ctx = await prepareKillTrials(workDir, log);
  const firstTypical = typicalIngestMs(ctx);
  const results: TrialResult[] = [];
  for (let i = 0; i < trials; i += 1) {
    const delay = ((i + Math.random()) / trials) * typicalIngestMs(ctx);
    const result = await runKillTrial(ctx, i + 1, { afterMs: delay });
    results.push(result);
    log(`trial ${i + 1}/${trials}: aimed ${delay.toFixed(0)} ms, killed at ${result.atMs.toFixed(0)} ms (${result.phase}) → ${result.loaded}${result.ok ? '' : `  FAIL ${result.problems.join('; ')}`}`);
  }
  if (!values['random-only']) {
    const aimed: Array<(dir: string) => KillWhen> = [
      () => ({ stderrMatches: /\d+ pages, .*chunks/ }),
      (dir) => ({ entryAppears: { dir, pattern: /^gen-.*\.building$/ } }),
      () => ({ stderrMatches: /index written/ }),
    ];
    for (const when of aimed) {
      const result = await runKillTrial(ctx, results.length + 1, when);
      results.push(result);
      log(`trial ${results.length} (${result.aim}): killed at ${result.atMs.toFixed(0)} ms (${result.phase}) → ${result.loaded}${result.ok ? '' : `  FAIL ${result.problems.join('; ')}`}`);
    }
  }
  const count = (f: (r: TrialResult) => boolean) => results.filter(f).length;
  const failures = count((r) => !r.ok);
  const phases = ['startup', 'analysing', 'writing', 'switched', 'finished'].map((p) => `${p} ${count((r) => r.phase === p)}`).join(', ');
  process.stdout.write(
    `\nKill trials: changed ingest (typical ${firstTypical.toFixed(0)} ms spawn to exit at the start, ${typicalIngestMs(ctx).toFixed(0)} ms at the end) SIGKILLed at a random moment, then ask --json --batch (${ctx.expectedOld.length} questions)\n\n` +
      `${formatTrials(results)}\n\n` +
      `${results.length} trials (${trials} random${results.length > trials ? `, ${results.length - trials} aimed` : ''}): ${count((r) => r.loaded === 'old')} loaded old, ${count((r) => r.loaded === 'new')} loaded new, ${failures} failures; ` +
      `lock left by the kill ${count((r) => r.lockLeft)} times, next ingest blocked ${count((r) => r.next.startsWith('failed'))} times, ` +
      `litter after the next ingest ${count((r) => r.litter.length > 0)} times\nphases: ${phases}\n`,
  );
  failed = failures > 0;
} catch (error) {
  log(`kill trials could not run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (values.keep || failed) log(`work folder kept: ${workDir}`);
  else await rm(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
