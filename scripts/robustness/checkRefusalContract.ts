import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RobustnessRunError, tsxLoaderUrl } from './runRobustness.js';

/**
 * The refusal contract of GUIDE.md, through the real CLI: `ingest FILE` on a refused file exits
 * non-zero, prints one or two plain lines naming the file and no stack trace, and leaves the index
 * byte-identical. Checked against an index that already holds a small report.
 */

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts');
const STACK_LINE = /^\s+at\s/mu;
const MAX_LINES = 2;
const CLI_TIMEOUT_MS = 120_000;
/** A report small enough to ingest in a second; its content does not matter, only that it is indexed. */
const SEED_REPORT = ['# 测试学院 2031 年度报告', '', '学校共有在校生 1000 人，专任教师 80 人。', '', '毕业生就业率为 95%。', ''].join('\n');

export interface ContractCheck {
  file: string;
  /** What the CLI printed on stderr, trimmed. */
  stderr: string;
  exitCode: number;
  /** Empty when the contract holds. */
  problems: string[];
}

interface CliRun {
  exitCode: number;
  stderr: string;
}

function runCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoaderUrl(), CLI, ...args],
      { cwd: PROJECT_ROOT, timeout: CLI_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        resolve({ exitCode: code, stderr: String(stderr) });
      },
    );
  });
}

/** Every file under `dir` by relative path, with the sha256 of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return out;
}

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [file, hash] of after) if (before.get(file) !== hash) changed.push(before.has(file) ? file : `+${file}`);
  for (const file of before.keys()) if (!after.has(file)) changed.push(`-${file}`);
  return changed.sort();
}

/** Runs `ingest` on each file (one CLI process per file) and lists how each broke the contract. */
export async function checkRefusalContract(files: readonly string[]): Promise<ContractCheck[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'robustness-contract-'));
  try {
    const indexDir = path.join(work, 'index');
    const seed = path.join(work, 'seed-report.md');
    await writeFile(seed, SEED_REPORT);
    const seeded = await runCli(['ingest', seed, '--index', indexDir]);
    if (seeded.exitCode !== 0) throw new RobustnessRunError(`cannot build the seed index for the refusal check: ${seeded.stderr.trim()}`);

    const checks: ContractCheck[] = [];
    for (const file of files) {
      const absolute = path.resolve(file);
      const before = await snapshot(indexDir);
      const run = await runCli(['ingest', absolute, '--index', indexDir]);
      const stderr = run.stderr.trim();
      const lines = stderr === '' ? [] : stderr.split('\n');
      const problems: string[] = [];
      if (run.exitCode === 0) problems.push('exit code 0: the file was accepted');
      if (lines.length === 0) problems.push('nothing on stderr');
      if (lines.length > MAX_LINES) problems.push(`${lines.length} lines on stderr (at most ${MAX_LINES})`);
      if (STACK_LINE.test(stderr)) problems.push('a stack trace on stderr');
      if (lines.length > 0 && !stderr.includes(absolute)) problems.push('stderr does not name the file');
      const changed = differences(before, await snapshot(indexDir));
      if (changed.length > 0) problems.push(`index changed: ${changed.slice(0, 5).join(', ')}`);
      checks.push({ file: absolute, stderr, exitCode: run.exitCode, problems });
    }
    return checks;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
