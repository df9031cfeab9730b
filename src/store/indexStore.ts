import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IndexLoadError, IngestLockedError } from '../errors.js';
import { leasedGenerations } from './generationLeases.js';
import { type EmbedderInfo, INDEX_FORMAT_VERSION, type Manifest, ManifestSchema } from './manifest.js';
import { type ReportMeta } from './shapes.js';
import { processAlive } from './processAlive.js';

/**
 * The index folder on disk. Every ingest writes a complete new generation beside the current one and
 * then switches the one-line CURRENT pointer with a rename, which is atomic: a crash at any moment
 * leaves either the old or the new generation loadable, never a half-written one.
 *
 *   <indexDir>/CURRENT            name of the live generation
 *   <indexDir>/gen-<time>-<rand>/manifest.json
 *   <indexDir>/gen-…/reports/<dir>/{chunks,tables,metrics,lexical}.json, vectors.*
 *   <indexDir>/ingest.lock        held while an ingest runs
 *   <indexDir>/readers/…          leases of running readers (generationLeases.ts)
 *
 * After a switch the old generation is removed at once unless a running reader holds a lease on it;
 * such a generation goes at the first prune after its last reader lets go.
 */

const CURRENT = 'CURRENT';
const LOCK = 'ingest.lock';
const GENERATION = /^gen-[0-9a-z-]+$/;

/** The live generation's folder, or null when nothing has been ingested yet. */
export async function currentGenerationDir(indexDir: string): Promise<string | null> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, CURRENT), 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexLoadError(indexDir, 'CURRENT pointer unreadable', { cause: error });
  }
  if (!GENERATION.test(name)) throw new IndexLoadError(indexDir, `CURRENT names "${name.slice(0, 40)}"`);
  return path.join(indexDir, name);
}

export async function readJsonFile(file: string, indexDir: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new IndexLoadError(indexDir, `${path.basename(file)} is missing or not JSON`, { cause: error });
  }
}

/** The live manifest, or null when no index has been built yet. */
export async function readManifest(indexDir: string): Promise<{ manifest: Manifest; generationDir: string } | null> {
  const generationDir = await currentGenerationDir(indexDir);
  if (!generationDir) return null;
  return { manifest: await readManifestAt(indexDir, generationDir), generationDir };
}

/** The manifest of one generation. */
export async function readManifestAt(indexDir: string, generationDir: string): Promise<Manifest> {
  const parsed = ManifestSchema.safeParse(await readJsonFile(path.join(generationDir, 'manifest.json'), indexDir));
  if (!parsed.success) throw new IndexLoadError(indexDir, `manifest.json invalid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

export function reportDir(generationDir: string, meta: Pick<ReportMeta, 'dir'>): string {
  return path.join(generationDir, 'reports', meta.dir);
}

/** A path-safe, readable folder name for a report id (ids may be Chinese). */
export function reportDirName(id: string): string {
  const ascii = id.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return `${ascii || 'report'}-${h.toString(16)}`;
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, fsConstants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write-then-rename so a reader never sees a half-written file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await fsyncPath(tmp);
  await rename(tmp, file);
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else {
      // Generations are immutable once committed, so unchanged reports can share files by hard link.
      await link(source, target).catch(() => copyFile(source, target));
    }
  }
}

export interface NewReport {
  meta: ReportMeta;
  /** Writes the report's files into the folder it is given (already created). */
  write(dir: string): Promise<void>;
}

/**
 * Commits a new generation: `keep` reports are carried over from the current generation unchanged,
 * `add` reports are written fresh. Returns the new generation folder.
 */
export async function commitGeneration(
  indexDir: string,
  change: { embedder: EmbedderInfo; keep: ReportMeta[]; add: NewReport[] },
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const current = await currentGenerationDir(indexDir);
  const name = `gen-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const building = path.join(indexDir, `${name}.building`);
  await mkdir(path.join(building, 'reports'), { recursive: true });
  try {
    for (const meta of change.keep) {
      if (!current) throw new Error(`cannot keep report ${meta.id}: no current generation`);
      await copyTree(reportDir(current, meta), reportDir(building, meta));
    }
    for (const report of change.add) {
      const dir = reportDir(building, report.meta);
      await mkdir(dir, { recursive: true });
      await report.write(dir);
    }
    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      embedder: change.embedder,
      reports: [...change.keep, ...change.add.map((r) => r.meta)],
    };
    await writeFileAtomic(path.join(building, 'manifest.json'), JSON.stringify(manifest, null, 1));
    const finalDir = path.join(indexDir, name);
    await rename(building, finalDir);
    await fsyncPath(indexDir);
    await writeFileAtomic(path.join(indexDir, CURRENT), `${name}\n`);
    await fsyncPath(indexDir);
    await pruneGenerations(indexDir, name);
    return finalDir;
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes abandoned builds and every generation but the live one that no running reader holds.
 * Only ever called holding the ingest lock: a build in progress is then surely abandoned.
 */
async function pruneGenerations(indexDir: string, live: string): Promise<void> {
  const leased = await leasedGenerations(indexDir);
  for (const entry of await readdir(indexDir)) {
    const abandoned = /^gen-.*\.building$/.test(entry);
    const old = GENERATION.test(entry) && entry !== live && !leased.has(entry);
    if (abandoned || old) await rm(path.join(indexDir, entry), { recursive: true, force: true });
  }
}

/**
 * Removes the old generations no running reader holds any more (a reader calls this after letting go
 * of one). Skipped when an ingest is running: it prunes when it commits.
 */
export async function pruneOldGenerations(indexDir: string): Promise<void> {
  await withIngestLock(
    indexDir,
    async () => {
      const current = await currentGenerationDir(indexDir);
      if (current) await pruneGenerations(indexDir, path.basename(current));
    },
    { waitMs: 0 },
  ).catch((error: unknown) => {
    if (!(error instanceof IngestLockedError)) throw error;
  });
}

/**
 * Runs `fn` holding the ingest lock. A second ingest waits up to `waitMs` and then refuses; a lock left
 * by a process that died (SIGKILL) is taken over.
 */
export async function withIngestLock<T>(indexDir: string, fn: () => Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  await mkdir(indexDir, { recursive: true });
  const lockFile = path.join(indexDir, LOCK);
  await removeDeadLockDrafts(indexDir);
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    if (await createLock(lockFile)) break;
    const holder = await readLockHolder(lockFile);
    if (holder && !processAlive(holder.pid)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new IngestLockedError(lockFile, holder ? `pid ${holder.pid} since ${holder.since}` : 'unknown process');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

const LOCK_DRAFT = /^ingest\.lock\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Creates the lock with its holder already written, or returns false when it exists. The holder is
 * written to a draft that is then hard-linked into place (which fails when the lock exists), so the
 * lock never exists empty: a process killed between creating the lock and writing it would otherwise
 * leave a lock no one can tell is stale, refusing every ingest until it is old.
 */
async function createLock(lockFile: string): Promise<boolean> {
  const holder = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  const draft = `${lockFile}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(draft, holder);
  try {
    await link(draft, lockFile);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create in place (a kill in between leaves an empty lock, stale after a while).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return createLockInPlace(lockFile, holder);
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

async function createLockInPlace(lockFile: string, holder: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    await handle.writeFile(holder);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Drafts of processes killed between writing and removing them. */
async function removeDeadLockDrafts(indexDir: string): Promise<void> {
  for (const entry of await readdir(indexDir)) {
    const pid = LOCK_DRAFT.exec(entry)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) await rm(path.join(indexDir, entry), { force: true });
  }
}

async function readLockHolder(lockFile: string): Promise<{ pid: number; since: string } | null> {
  try {
    const raw = JSON.parse(await readFile(lockFile, 'utf8')) as { pid?: unknown; since?: unknown };
    if (typeof raw.pid === 'number') return { pid: raw.pid, since: typeof raw.since === 'string' ? raw.since : '?' };
  } catch {
    // A lock file caught mid-write has no holder yet; treat it as held until it is old.
    const info = await stat(lockFile).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 10_000) return { pid: -1, since: 'stale' };
  }
  return null;
}
