import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Kill trials for the index's crash safety, shared by `scripts/killTrials.ts` and the fault tests:
 * a real CLI ingest (its own node process, so SIGKILL hits exactly the process that holds the lock
 * and writes the index) is killed at a chosen moment, then the index is loaded by the real CLI
 * (`ask --json --batch`) and must answer exactly as before the ingest — or, when the kill came
 * after the CURRENT switch, exactly as the finished ingest answers. A lock the dead process left
 * must not stop the next ingest.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLED_REPORT = path.join(PROJECT_ROOT, 'data/reports/hnhgzy-2024-quality-report.pdf');
const CLI = path.join(PROJECT_ROOT, 'src/cli/main.ts');

/** The "changed report": the bundled PDF again, as another report of another year. Adds a second report. */
export const CHANGED_INGEST = [BUNDLED_REPORT, '--report-id', 'other', '--year', '2025'];

/** Registry figures (listed for every year, so they change when 2025 arrives), passages, a table and an unanswerable one. */
export const KILL_QUESTIONS = [
  '志愿者注册人数是多少？',
  '志愿者占在校生的比例是多少？',
  '毕业去向落实率是多少？',
  '学校和企业合作开发的课程有多少门？',
  '学校数字化资源的总容量有多大？',
  '今年学生入驻创新创业孵化基地的项目有多少个？',
  '心理情景剧大赛一等奖是哪个作品？',
  '体育部巡课汇总是多少？',
  '2023 年的志愿者注册人数是多少？',
  '图书馆藏书有多少册？',
];

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Offline and deterministic whatever the caller's shell has set: no model server, no INDEX_DIR. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('OPENAI_') || key === 'INDEX_DIR' || key.startsWith('DISCORD_')) continue;
    env[key] = value;
  }
  env.LOG_LEVEL = 'info';
  return env;
}

/** `node --import tsx src/cli/main.ts …`: the CLI `npx tsx` runs, minus the wrapper process, so a kill lands on the CLI itself. */
function spawnCli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PROJECT_ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  const started = performance.now();
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

function failedRun(what: string, run: CliRun): Error {
  return new Error(`${what} failed (exit ${run.code ?? run.signal}):\n${run.stderr.trim().split('\n').slice(-6).join('\n')}`);
}

/** Answers as comparable strings: the JSON line without `ms` (the only field that may differ between two loads). */
export async function askAll(indexDir: string, questionsFile: string): Promise<{ ok: true; answers: string[] } | { ok: false; error: string }> {
  const run = await runCli(['ask', '--json', '--batch', questionsFile, '--index', indexDir]);
  if (run.code !== 0) return { ok: false, error: `ask exited ${run.code ?? run.signal}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  try {
    const answers = run.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((line) => {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        delete parsed.ms;
        return JSON.stringify(parsed);
      });
    return { ok: true, answers };
  } catch (error) {
    return { ok: false, error: `ask printed a line that is not JSON: ${(error as Error).message}` };
  }
}

export async function currentPointer(indexDir: string): Promise<string | null> {
  return readFile(path.join(indexDir, 'CURRENT'), 'utf8').then(
    (s) => s.trim(),
    () => null,
  );
}

/** When to kill the ingest: after a delay from spawn, when its stderr matches, or when an entry appears in a folder (polled every 2 ms). */
export type KillWhen = { afterMs: number } | { stderrMatches: RegExp } | { entryAppears: { dir: string; pattern: RegExp } };

export interface KilledIngest {
  /** True when SIGKILL was sent before the process finished on its own. */
  killed: boolean;
  /** ms from spawn to the kill (or to the exit, when it finished first). */
  atMs: number;
  code: number | null;
  stderr: string;
}

/** Spawns `ingest …` and SIGKILLs it (by its own pid) at the chosen moment; resolves once it is reaped. */
export function ingestAndKill(args: string[], when: KillWhen): Promise<KilledIngest> {
  const started = performance.now();
  const child = spawnCli(['ingest', ...args]);
  let stderr = '';
  let killedAt: number | null = null;
  let poll: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  const kill = () => {
    if (killedAt !== null || child.exitCode !== null || child.signalCode !== null) return;
    killedAt = performance.now() - started;
    child.kill('SIGKILL');
  };
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    if ('stderrMatches' in when && when.stderrMatches.test(stderr)) kill();
  });
  if ('afterMs' in when) timer = setTimeout(kill, when.afterMs);
  if ('entryAppears' in when) {
    const { dir, pattern } = when.entryAppears;
    poll = setInterval(() => {
      let entries: string[] = [];
      try {
        entries = readdirSync(dir);
      } catch {
        // Not there yet.
      }
      if (entries.some((e) => pattern.test(e))) kill();
    }, 2);
  }
  // Never longer than this, whatever the trigger: a trigger that never fires must not hang the run.
  const guard = setTimeout(kill, 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close' comes after the exit is reaped, so the dead pid in a left-over lock is no longer a zombie.
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(guard);
      clearInterval(poll);
      const finishedFirst = killedAt === null;
      resolve({ killed: !finishedFirst, atMs: killedAt ?? performance.now() - started, code, stderr });
    });
  });
}

/** How far the killed ingest got, read from its progress lines and what it left in the index folder. */
export type Phase = 'startup' | 'analysing' | 'writing' | 'switched' | 'finished';

async function leftovers(indexDir: string): Promise<string[]> {
  const entries = await readdir(indexDir).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith('.building') || e.endsWith('.tmp'));
}

export async function phaseReached(indexDir: string, killed: KilledIngest, pointerBefore: string | null): Promise<Phase> {
  if (!killed.killed) return 'finished';
  if ((await currentPointer(indexDir)) !== pointerBefore) return 'switched';
  if (/\d+ pages, .*chunks/.test(killed.stderr) || (await leftovers(indexDir)).some((e) => e.endsWith('.building'))) return 'writing';
  if (existsSync(path.join(indexDir, 'ingest.lock'))) return 'analysing';
  return 'startup';
}

export interface KillContext {
  workDir: string;
  baseIndex: string;
  questionsFile: string;
  expectedOld: string[];
  expectedNew: string[];
  /** Wall times of complete changed ingests, spawn to exit, oldest first (three measured up front, then each trial's next ingest). */
  ingestMs: number[];
}

/** The ingest's typical duration now: the median of the last three complete runs (the machine's load varies). */
export function typicalIngestMs(ctx: KillContext): number {
  return median(ctx.ingestMs.slice(-3));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Builds the base index through the CLI, records its answers, and runs the changed ingest to completion three times (timing, new answers). */
export async function prepareKillTrials(workDir: string, log: (line: string) => void = () => {}): Promise<KillContext> {
  const baseIndex = path.join(workDir, 'base');
  const questionsFile = path.join(workDir, 'questions.txt');
  await writeFile(questionsFile, `${KILL_QUESTIONS.join('\n')}\n`);
  log(`building the base index from ${path.relative(PROJECT_ROOT, BUNDLED_REPORT)} …`);
  const base = await runCli(['ingest', BUNDLED_REPORT, '--index', baseIndex]);
  if (base.code !== 0) throw failedRun('base ingest', base);
  const old = await askAll(baseIndex, questionsFile);
  if (!old.ok) throw new Error(`base index does not answer: ${old.error}`);

  const durations: number[] = [];
  let expectedNew: string[] = [];
  for (const [i, name] of ['measure-1', 'measure-2', 'measure-3'].entries()) {
    const dir = path.join(workDir, name);
    await cp(baseIndex, dir, { recursive: true });
    const run = await runCli(['ingest', ...CHANGED_INGEST, '--index', dir]);
    if (run.code !== 0) throw failedRun('changed ingest', run);
    durations.push(run.ms);
    // Two loads of two separate builds must agree, or "new" could not be recognised.
    if (i === 2) {
      await rm(dir, { recursive: true, force: true });
      continue;
    }
    const answered = await askAll(dir, questionsFile);
    if (!answered.ok) throw new Error(`the changed index does not answer: ${answered.error}`);
    if (expectedNew.length > 0 && JSON.stringify(expectedNew) !== JSON.stringify(answered.answers)) {
      throw new Error('two complete ingests of the same change answer differently: old and new cannot be told apart reliably');
    }
    expectedNew = answered.answers;
    await rm(dir, { recursive: true, force: true });
  }
  const differing = old.answers.filter((a, i) => a !== expectedNew[i]).length;
  if (differing === 0) throw new Error('the changed report answers the questions exactly like the base one: choose other questions');
  log(`base index answers ${old.answers.length} questions; the changed index answers ${differing} of them differently`);
  log(`changed ingest takes ${durations.map((d) => d.toFixed(0)).join(' / ')} ms (spawn to exit)`);
  return { workDir, baseIndex, questionsFile, expectedOld: old.answers, expectedNew, ingestMs: durations };
}

export interface TrialResult {
  trial: number;
  /** What the kill was aimed at: a delay in ms, or a description. */
  aim: string;
  /** ms from spawn to the kill (to the exit when the ingest finished first). */
  atMs: number;
  phase: Phase;
  lockLeft: boolean;
  loaded: 'old' | 'new' | 'neither' | 'error';
  /** The next ingest after the kill: its status, or why it failed. */
  next: string;
  /** Its wall time, spawn to exit. */
  nextMs: number;
  /** Abandoned builds and temp files still in the folder after the next ingest. */
  litter: string[];
  ok: boolean;
  problems: string[];
}

function sameAnswers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * One trial on a fresh copy of the base index: kill the changed ingest, load and ask, then run the
 * changed ingest again to the end, which must take over the dead process's lock.
 */
export async function runKillTrial(ctx: KillContext, trial: number, when: KillWhen | ((indexDir: string) => KillWhen), options: { keepDir?: boolean } = {}): Promise<TrialResult> {
  const dir = path.join(ctx.workDir, `trial-${trial}`);
  await rm(dir, { recursive: true, force: true });
  await cp(ctx.baseIndex, dir, { recursive: true });
  const pointerBefore = await currentPointer(dir);
  const aim = typeof when === 'function' ? when(dir) : when;
  const killed = await ingestAndKill([...CHANGED_INGEST, '--index', dir], aim);
  const phase = await phaseReached(dir, killed, pointerBefore);
  // An ingest that beat the kill is one more measurement of how long it takes now.
  if (!killed.killed && killed.code === 0) ctx.ingestMs.push(killed.atMs);
  const lockLeft = existsSync(path.join(dir, 'ingest.lock'));
  const problems: string[] = [];

  const asked = await askAll(dir, ctx.questionsFile);
  let loaded: TrialResult['loaded'] = 'error';
  if (!asked.ok) problems.push(`index did not load: ${asked.error}`);
  else if (sameAnswers(asked.answers, ctx.expectedOld)) loaded = 'old';
  else if (sameAnswers(asked.answers, ctx.expectedNew)) loaded = 'new';
  else {
    loaded = 'neither';
    const at = asked.answers.findIndex((a, i) => a !== ctx.expectedOld[i] && a !== ctx.expectedNew[i]);
    problems.push(`answers match neither index (first difference: question ${at + 1}: ${(asked.answers[at] ?? '(missing)').slice(0, 200)})`);
  }
  // The pointer decides which generation is live: before the switch only the old answers are right.
  const switched = (await currentPointer(dir)) !== pointerBefore;
  if (loaded === 'new' && !switched) problems.push('new answers although CURRENT was not switched');
  if (loaded === 'old' && switched) problems.push('old answers although CURRENT was switched');

  const next = await runCli(['ingest', ...CHANGED_INGEST, '--json', '--index', dir]);
  let nextStatus: string;
  if (next.code !== 0) {
    nextStatus = `failed (exit ${next.code ?? next.signal})`;
    problems.push(`the next ingest failed: ${next.stderr.trim().split('\n').slice(-2).join(' | ')}`);
  } else {
    const outcome = JSON.parse(next.stdout.trim().split('\n').at(-1) ?? '{}') as { status?: string };
    nextStatus = outcome.status ?? '?';
    if (nextStatus === 'added') ctx.ingestMs.push(next.ms);
    const expected = loaded === 'new' ? 'unchanged' : 'added';
    if (loaded !== 'error' && loaded !== 'neither' && nextStatus !== expected) problems.push(`the next ingest says "${nextStatus}", expected "${expected}"`);
  }
  if (existsSync(path.join(dir, 'ingest.lock'))) problems.push('ingest.lock still there after the next ingest finished');
  const litter = await leftovers(dir);
  const ok = problems.length === 0;
  if (ok && !options.keepDir) await rm(dir, { recursive: true, force: true });
  return { trial, aim: describeAim(aim), atMs: killed.atMs, phase, lockLeft, loaded, next: nextStatus, nextMs: next.ms, litter, ok, problems };
}

export function describeAim(when: KillWhen): string {
  if ('afterMs' in when) return `after ${when.afterMs.toFixed(0)} ms`;
  if ('stderrMatches' in when) return `on stderr /${when.stderrMatches.source}/`;
  return `when /${when.entryAppears.pattern.source}/ appears`;
}

export function formatTrials(results: readonly TrialResult[]): string {
  const header = '| trial | aimed                             |   kill at ms | phase reached | lock left | index loaded | next ingest | litter | result |';
  const rule = '|------:|-----------------------------------|-------------:|---------------|-----------|--------------|-------------|-------:|--------|';
  const rows = results.map(
    (r) =>
      `| ${String(r.trial).padStart(5)} | ${r.aim.padEnd(33)} | ${(r.phase === 'finished' ? `(exit ${r.atMs.toFixed(0)})` : r.atMs.toFixed(0)).padStart(12)} | ${r.phase.padEnd(13)} | ${(r.lockLeft ? 'yes' : 'no').padEnd(9)} | ${r.loaded.padEnd(12)} | ${r.next.padEnd(11)} | ${String(r.litter.length).padStart(6)} | ${r.ok ? 'ok' : `FAIL: ${r.problems.join('; ')}`} |`,
  );
  return [header, rule, ...rows].join('\n');
}
