import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeLease } from '../../../src/store/generationLeases.js';
import { commitGeneration, pruneOldGenerations, readManifest, reportDir, reportDirName, withIngestLock } from '../../../src/store/indexStore.js';
import type { ReportMeta } from '../../../src/store/shapes.js';
import { IndexLoadError, IngestLockedError } from '../../../src/errors.js';

const EMBEDDER = { id: 'local-hash-v1:384', dimensions: 384 };

function meta(id: string, year: number): ReportMeta {
  return {
    id,
    year,
    title: `${id} title`,
    sourceFile: `${id}.pdf`,
    sha256: 'a'.repeat(64),
    format: 'pdf',
    pages: 3,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    dir: reportDirName(id),
    counts: { chunks: 1, tables: 0, metrics: 0 },
  };
}

function report(id: string, year: number, content: string) {
  return { meta: meta(id, year), write: (dir: string) => writeFile(path.join(dir, 'chunks.json'), content) };
}

let indexDir: string;
beforeEach(async () => {
  indexDir = await mkdtemp(path.join(tmpdir(), 'index-store-'));
});
afterEach(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe('commitGeneration', () => {
  it('reports no index before the first commit', async () => {
    expect(await readManifest(indexDir)).toBeNull();
  });

  it('adds a second report beside the first and carries the first over unchanged', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r2024', 2024, '"old"')] });
    const first = await readManifest(indexDir);
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: first?.manifest.reports ?? [], add: [report('r2025', 2025, '"new"')] });
    const second = await readManifest(indexDir);
    expect(second?.manifest.reports.map((r) => r.id)).toEqual(['r2024', 'r2025']);
    const kept = second?.manifest.reports[0];
    expect(kept && second ? await readFile(path.join(reportDir(second.generationDir, kept), 'chunks.json'), 'utf8') : null).toBe('"old"');
  });

  it('leaves the previous generation loadable when a build fails midway', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r2024', 2024, '"v1"')] });
    const before = await readManifest(indexDir);
    const failing = { meta: meta('r2024', 2024), write: async () => Promise.reject(new Error('disk full')) };
    await expect(commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [failing] })).rejects.toThrow('disk full');
    const after = await readManifest(indexDir);
    expect(after?.generationDir).toBe(before?.generationDir);
    expect((await readdir(indexDir)).filter((e) => e.endsWith('.building'))).toEqual([]);
  });

  it('ignores and later removes a half-built generation left by a killed process', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r2024', 2024, '"v1"')] });
    await mkdir(path.join(indexDir, 'gen-zzz-dead.building', 'reports'), { recursive: true });
    expect((await readManifest(indexDir))?.manifest.reports).toHaveLength(1);
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r2024', 2024, '"v2"')] });
    expect(await readdir(indexDir)).not.toContain('gen-zzz-dead.building');
  });

  it('keeps only the live generation when no running reader holds an old one', async () => {
    for (const v of [1, 2, 3, 4]) await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, `"v${v}"`)] });
    const live = path.basename((await readManifest(indexDir))?.generationDir ?? '');
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-'))).toEqual([live]);
  });

  it('keeps an old generation a running reader holds, and removes it once the reader lets go', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v1"')] });
    const old = path.basename((await readManifest(indexDir))?.generationDir ?? '');
    const lease = await takeLease(indexDir, old);
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v2"')] });
    const live = path.basename((await readManifest(indexDir))?.generationDir ?? '');
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-')).sort()).toEqual([old, live].sort());
    await lease.release();
    await pruneOldGenerations(indexDir);
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-'))).toEqual([live]);
  });

  it('does not keep a generation for a reader that died without letting go', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v1"')] });
    const old = path.basename((await readManifest(indexDir))?.generationDir ?? '');
    // A lease file whose pid no process has (pids are below 2^22 on Linux).
    await mkdir(path.join(indexDir, 'readers'), { recursive: true });
    await writeFile(path.join(indexDir, 'readers', `${old}.99999999.abcdef`), '');
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v2"')] });
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-'))).not.toContain(old);
    expect(await readdir(path.join(indexDir, 'readers'))).toEqual([]);
  });

  it('leaves the old generations alone while an ingest holds the lock, and prunes later', async () => {
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v1"')] });
    const old = path.basename((await readManifest(indexDir))?.generationDir ?? '');
    const lease = await takeLease(indexDir, old);
    await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v2"')] });
    await lease.release();
    await withIngestLock(indexDir, () => pruneOldGenerations(indexDir));
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-'))).toContain(old);
    await pruneOldGenerations(indexDir);
    expect((await readdir(indexDir)).filter((e) => e.startsWith('gen-'))).not.toContain(old);
  });

  it('fails clearly on a damaged manifest', async () => {
    const dir = await commitGeneration(indexDir, { embedder: EMBEDDER, keep: [], add: [report('r', 2024, '"v"')] });
    await writeFile(path.join(dir, 'manifest.json'), '{"formatVersion": 99}');
    await expect(readManifest(indexDir)).rejects.toBeInstanceOf(IndexLoadError);
  });
});

describe('withIngestLock', () => {
  it('refuses a second ingest while the first holds the lock', async () => {
    let release: () => void = () => {};
    const first = withIngestLock(indexDir, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(withIngestLock(indexDir, async () => 'second')).rejects.toBeInstanceOf(IngestLockedError);
    release();
    await first;
    expect(await withIngestLock(indexDir, async () => 'third')).toBe('third');
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeFile(path.join(indexDir, 'ingest.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, since: 'earlier' }));
    expect(await withIngestLock(indexDir, async () => 'ran')).toBe('ran');
  });

  it('waits for a running ingest when asked to', async () => {
    const order: string[] = [];
    const first = withIngestLock(indexDir, async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push('first');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await withIngestLock(indexDir, async () => order.push('second'), { waitMs: 5_000 });
    await first;
    expect(order).toEqual(['first', 'second']);
  });
});
