import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';

/**
 * Runs the project's CLI the way any script must (GUIDE.md "Contracts"): one child process per
 * batch, JSON lines on stdout, logs on stderr. Anything that breaks the contract — non-zero exit,
 * too few or too many lines, a line that is not JSON or not the contract shape, answers out of order —
 * is an `EvalRunError`: the eval cannot score such a run, so it reports it instead of guessing.
 */

export class EvalRunError extends Error {
  override name = 'EvalRunError';
}

/** The command that stands for `npm run --silent cli --`; split on spaces (no shell quoting). */
export interface CliCommand {
  command: string;
  args: string[];
}

export const DEFAULT_CLI = 'npm run --silent cli --';

export function parseCliCommand(text: string): CliCommand {
  const [command, ...args] = text.trim().split(/\s+/u);
  if (!command) throw new EvalRunError('--cli: empty command');
  return { command, args };
}

export interface RunOptions {
  /** Child's stderr is passed through live (else kept and shown only when the run fails). */
  echoStderr: boolean;
  timeoutMs: number;
  cwd?: string;
}

export interface RunResult {
  stdout: string;
  wallMs: number;
}

const STDERR_TAIL_LINES = 20;

export async function runCli(cli: CliCommand, argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const shown = [cli.command, ...cli.args, ...argv].join(' ');
  const started = performance.now();
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(cli.command, [...cli.args, ...argv], {
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      if (options.echoStderr) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new EvalRunError(`${shown}: no result after ${options.timeoutMs} ms, stopped`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new EvalRunError(`${shown}: could not start (${error.message})`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve({ stdout: Buffer.concat(out).toString('utf8'), wallMs: performance.now() - started });
        return;
      }
      const tail = Buffer.concat(err).toString('utf8').trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
      const how = signal ? `was killed (${signal})` : `exited with ${code}`;
      // First line says what failed (the table shows only it); the child's last stderr lines follow.
      reject(new EvalRunError(`${shown} ${how}${tail ? `\nits stderr ends:\n${tail}` : ''}`));
    });
  });
}

/**
 * Writes one batch line per input (a plain question, or a JSON object when the text holds a line
 * break or the caller passes one, as the contract allows), runs `SUBCOMMAND --json --batch FILE`,
 * and returns the stdout lines, one per input.
 */
export async function runBatch(
  cli: CliCommand,
  subcommand: string,
  inputs: readonly (string | Record<string, unknown>)[],
  extraArgs: readonly string[],
  options: RunOptions,
): Promise<{ lines: string[]; wallMs: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'eval-batch-'));
  try {
    const file = path.join(dir, `${subcommand}.txt`);
    const body = inputs.map((input) => (typeof input === 'string' && !/[\r\n]/u.test(input) ? input : JSON.stringify(typeof input === 'string' ? { question: input } : input)));
    await writeFile(file, `${body.join('\n')}\n`);
    const { stdout, wallMs } = await runCli(cli, [subcommand, '--json', '--batch', file, ...extraArgs], options);
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    if (lines.length !== inputs.length) {
      throw new EvalRunError(`${subcommand} --batch: ${inputs.length} inputs but ${lines.length} JSON lines on stdout (the contract is one line per input, same order)`);
    }
    return { lines, wallMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parses one stdout line against a contract schema; the error names the command, line and fields. */
export function parseContractLine<S extends z.ZodType>(schema: S, line: string, where: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    throw new EvalRunError(`${where}: not JSON: ${line.slice(0, 120)}`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`);
    throw new EvalRunError(`${where}: not the contract shape — ${problems.join('; ')}`);
  }
  return parsed.data;
}
