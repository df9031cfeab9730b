import { spawn } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { median, round } from './stats.js';

/**
 * Whole-process start of the compiled CLI against `node` importing the dependencies a CLI call may
 * need (pdf-parse, the segmenter, the vector library, zod), each run as a fresh process, alternating,
 * medians over `rounds`. The CLI loads a command's modules only when it runs, so `reports` loads
 * fewer of them than `ask`; both are measured, and `npm run --silent cli` adds npm's own start.
 */

export const StartBenchResultSchema = z.object({
  rounds: z.number().int(),
  /** `node` importing pdf-parse, @node-rs/jieba, hnswlib-node and zod, then exiting. */
  nodeImportsMs: z.number(),
  runs: z.array(z.object({ label: z.string(), ms: z.number(), ratio: z.number() })),
});
export type StartBenchResult = z.infer<typeof StartBenchResultSchema>;

const IMPORTS = "await Promise.all(['pdf-parse', '@node-rs/jieba', 'hnswlib-node', 'zod'].map((m) => import(m)));";

/** Wall time of one process run to exit; rejects with its stderr tail when it fails. */
export function timeProcess(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LOG_LEVEL: 'error' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = `${stderr}${d.toString('utf8')}`.slice(-500)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

export async function benchStart(options: { rounds: number; indexDir: string; question: string }): Promise<StartBenchResult> {
  const cli = path.resolve('dist/src/cli/main.js');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const node = process.execPath;
  const cases: Array<{ label: string; command: string; args: string[] }> = [
    { label: 'node importing the dependencies', command: node, args: ['--input-type=module', '-e', IMPORTS] },
    { label: 'cli reports --json (compiled)', command: node, args: [cli, 'reports', '--json', '--index', options.indexDir] },
    { label: 'cli ask --json (compiled, one question)', command: node, args: [cli, 'ask', '--json', options.question, '--index', options.indexDir] },
    { label: 'npm run --silent cli -- reports --json', command: npm, args: ['run', '--silent', 'cli', '--', 'reports', '--json', '--index', options.indexDir] },
  ];
  const samples = cases.map(() => [] as number[]);
  // One unmeasured round warms the file cache for every case alike.
  for (const c of cases) await timeProcess(c.command, c.args);
  for (let round_ = 0; round_ < options.rounds; round_ += 1) {
    for (const [i, c] of cases.entries()) samples[i]?.push(await timeProcess(c.command, c.args));
  }
  const medians = samples.map((s) => median(s));
  const base = medians[0] ?? Number.NaN;
  return {
    rounds: options.rounds,
    nodeImportsMs: round(base),
    runs: cases.slice(1).map((c, i) => ({ label: c.label, ms: round(medians[i + 1] ?? Number.NaN), ratio: round((medians[i + 1] ?? Number.NaN) / base, 2) })),
  };
}
