import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/store/indexStore.js';
import { loadConfig } from '../../../src/config.js';
import { IngestRefusedError } from '../../../src/errors.js';
import { ingestInChild } from '../../../src/runtime/isolatedIngest.js';
import { compiled } from '../../fixtures/compiled.js';
import { makeEncryptedPdf, makeReportPdf } from '../../fixtures/pdfs.js';

/** The bot's re-ingest runs in a bounded child: a bad or slow file costs the child, not the bot. */
let work: string;
const config = loadConfig({});

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'isolated-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('ingestInChild', () => {
  it('ingests in the child and reports its outcome and progress', async () => {
    const file = path.join(work, 'good.pdf');
    await writeFile(file, await makeReportPdf({ pages: [['1.概况', '志愿者注册人数 10750 人；课程数 11 门；项目数 2 个。']] }));
    const progress: string[] = [];
    const outcomes = await ingestInChild(file, { indexDir: path.join(work, 'index-good'), config, onProgress: (m) => progress.push(m) });
    expect(outcomes.map((o) => [o.status, o.pages])).toEqual([['added', 1]]);
    expect(progress.some((m) => m.includes('1 pages'))).toBe(true);
    expect((await readManifest(path.join(work, 'index-good')))?.manifest.reports).toHaveLength(1);
  });

  it('runs the compiled child when it is the compiled build that asks (npm start)', async () => {
    const file = path.join(work, 'good-compiled.pdf');
    await writeFile(file, await makeReportPdf({ pages: [['1.概况', '志愿者注册人数 10750 人；课程数 11 门。']] }));
    const built = (await import(pathToFileURL(compiled('src/runtime/isolatedIngest.ts')).href)) as { ingestInChild: typeof ingestInChild };
    const outcomes = await built.ingestInChild(file, { indexDir: path.join(work, 'index-compiled'), config });
    expect(outcomes.map((o) => [o.status, o.pages])).toEqual([['added', 1]]);
  });

  it('passes a refusal back as the same one-sentence error', async () => {
    const file = path.join(work, 'locked.pdf');
    await writeFile(file, await makeEncryptedPdf({ password: 'pw' }));
    const error = await ingestInChild(file, { indexDir: path.join(work, 'index-locked'), config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestRefusedError);
    expect((error as IngestRefusedError).reason).toBe('encrypted');
    expect(await readManifest(path.join(work, 'index-locked'))).toBeNull();
  });

  it('kills a child that takes too long and leaves the index without it', async () => {
    const file = path.join(work, 'slow.pdf');
    await writeFile(file, await makeReportPdf({ pages: [['1.概况', '正文。']] }));
    const error = await ingestInChild(file, { indexDir: path.join(work, 'index-slow'), config, timeoutMs: 50 }).catch((e: unknown) => e);
    expect((error as IngestRefusedError).reason).toBe('timeout');
    expect(await readManifest(path.join(work, 'index-slow'))).toBeNull();
  });
});
