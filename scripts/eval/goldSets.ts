import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { EvalRunError } from './runCli.js';
import { GoldMetricSchema, GoldQuestionSchema, GoldTableSchema, type GoldMetric, type GoldQuestion, type GoldTable } from './schemas.js';

/** The dev sets; a file that is not there is null (that part of the eval is skipped, and says so). */
export interface GoldSets {
  dir: string;
  qa: GoldQuestion[] | null;
  metrics: GoldMetric[] | null;
  tables: GoldTable[] | null;
}

export const GOLD_FILES = { qa: 'qa.dev.jsonl', metrics: 'metrics.dev.jsonl', tables: 'tables.dev.jsonl' } as const;

/** The shared sets when present (they may be newer than the project's copy), else the bundled ones. */
export const GOLD_DIR_CANDIDATES = ['../shared/eval', 'eval/dev'] as const;

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function pickGoldDir(explicit: string | undefined): Promise<string> {
  if (explicit !== undefined) {
    if (!(await exists(explicit))) throw new EvalRunError(`--dir ${explicit}: no such folder`);
    return explicit;
  }
  for (const dir of GOLD_DIR_CANDIDATES) if (await exists(path.join(dir, GOLD_FILES.qa))) return dir;
  throw new EvalRunError(`no gold sets: none of ${GOLD_DIR_CANDIDATES.join(', ')} holds ${GOLD_FILES.qa}`);
}

export function parseJsonl<S extends z.ZodType>(text: string, schema: S, file: string): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new EvalRunError(`${file}:${i + 1}: not JSON`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new EvalRunError(`${file}:${i + 1}: ${problems.join('; ')}`);
    }
    const id = (parsed.data as { id?: unknown }).id;
    if (typeof id === 'string') {
      if (ids.has(id)) throw new EvalRunError(`${file}:${i + 1}: duplicate id ${id}`);
      ids.add(id);
    }
    out.push(parsed.data);
  }
  return out;
}

async function readSet<S extends z.ZodType>(dir: string, name: string, schema: S): Promise<z.infer<S>[] | null> {
  const file = path.join(dir, name);
  if (!(await exists(file))) return null;
  return parseJsonl(await readFile(file, 'utf8'), schema, file);
}

export async function loadGoldSets(dir: string): Promise<GoldSets> {
  return {
    dir,
    qa: await readSet(dir, GOLD_FILES.qa, GoldQuestionSchema),
    metrics: await readSet(dir, GOLD_FILES.metrics, GoldMetricSchema),
    tables: await readSet(dir, GOLD_FILES.tables, GoldTableSchema),
  };
}
