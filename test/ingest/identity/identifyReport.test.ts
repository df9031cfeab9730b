import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyReport, readableMetadataTitle } from '../../../ingest/identity/identifyReport.js';
import { analyseReport } from '../../../ingest/ingestReports.js';
import { IngestRefusedError } from '../../../src/errors.js';
import type { ParsedTable } from '../../../src/store/shapes.js';
import { makeReportPdf } from '../../fixtures/pdfs.js';

/** Invented organisations and reports; the shapes are those of real covers and running headers. */
const cover = (...texts: string[]) => texts.map((text) => ({ page: 1, text }));
const base = { runningLines: [] as string[], metadataTitle: null, tables: [] as ParsedTable[], flags: {} };

describe('identifyReport', () => {
  it('reads a Chinese annual report cover: organisation, period year (not the publication month), kind', () => {
    const identity = identifyReport({ ...base, filePath: '/in/2032-04-03__report.pdf', firstLines: cover('远山化工股份有限公司', '2031 年年度报告', '2032-011', '2032 年 04 月') });
    expect(identity).toEqual({ id: '远山化工-2031-年报', year: 2031, title: '远山化工股份有限公司2031年年度报告', organisation: '远山化工股份有限公司' });
  });

  it('takes the short name a key-value table prints for the id', () => {
    const tables = [{ rows: [['股票简称', '远山化工', '股票代码', '600999']] } as unknown as ParsedTable];
    const identity = identifyReport({ ...base, tables, filePath: 'r.pdf', firstLines: cover('远山化工股份有限公司', '2031 年度报告') });
    expect([identity.id, identity.year]).toEqual(['远山化工-2031-年报', 2031]);
  });

  it('reads a college quality report title with its year in brackets from the running header', () => {
    const identity = identifyReport({ ...base, filePath: 'q.pdf', runningLines: ['青山职业技术学院高等职业教育质量报告（2030年度）'], firstLines: cover('前 言', '学校坚持立德树人。') });
    expect(identity).toEqual({ id: '青山职业技术学院-2030-质量报告', year: 2030, title: '青山职业技术学院高等职业教育质量报告（2030年度）', organisation: '青山职业技术学院' });
  });

  it('reads a 10-K cover: the fiscal year ended, and the registrant named above its note', () => {
    const identity = identifyReport({
      ...base,
      filePath: 'filing.pdf',
      firstLines: cover('UNITED STATES', 'FORM 10-K', 'For the fiscal year ended September 30, 2031', 'NORTHWIND WIDGETS, INC.', '(Exact name of registrant as specified in its charter)'),
    });
    expect(identity).toMatchObject({ id: 'northwind-widgets-2031-10-k', year: 2031, organisation: 'Northwind Widgets, Inc.' });
  });

  it('reads a UK cover with the year-end date under "Annual Report and Accounts"', () => {
    const identity = identifyReport({ ...base, filePath: 'uk.pdf', firstLines: cover('Fernhill Mining Plc', 'Annual Report and Accounts', '31 December 2030') });
    expect(identity).toMatchObject({ id: 'fernhill-mining-2030-annual-report', year: 2030, organisation: 'Fernhill Mining Plc' });
  });

  it('falls back to a year in the file name that is not part of a date', () => {
    const identity = identifyReport({ ...base, filePath: '/r/2032-04-11__某某有限公司__2031年__年度报告.pdf', firstLines: cover('目录') });
    expect(identity.year).toBe(2031);
  });

  it('refuses, asking for --year, when neither the report nor its name gives a year', () => {
    const attempt = () => identifyReport({ ...base, filePath: 'notes.pdf', firstLines: cover('Quarterly newsletter', 'Welcome to our readers.') });
    expect(attempt).toThrow(IngestRefusedError);
    expect(attempt).toThrow(/--year/u);
  });

  it('uses --year and --report-id as given', () => {
    const identity = identifyReport({ ...base, filePath: 'notes.pdf', firstLines: cover('Quarterly newsletter'), flags: { year: 2029, reportId: 'newsletter-q1' } });
    expect([identity.id, identity.year]).toEqual(['newsletter-q1', 2029]);
  });

  it('ignores PDF metadata that is a file name, a form code or an encoded string', () => {
    expect(readableMetadataTitle('Microsoft Word - rba_Current_Folio_10K (02.21.2023) FINAL.docx')).toBeNull();
    expect(readableMetadataTitle('wmk_Current_Folio_10K')).toBeNull();
    expect(readableMetadataTitle('<4D6963726F736F667420576F7264>')).toBeNull();
    expect(readableMetadataTitle('青山职业技术学院高等职业教育质量报告（2030年度）')).toBe('青山职业技术学院高等职业教育质量报告（2030年度）');
  });
});

describe('identity of a made PDF', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'identity-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('reads organisation and year from the cover page, not from today or the file name', async () => {
    const file = path.join(work, 'download-2033.pdf');
    await writeFile(
      file,
      await makeReportPdf({
        header: null,
        pages: [[{ line: '远山化工股份有限公司', size: 18, align: 'centre' }, { line: '2031 年年度报告', size: 16, align: 'centre' }, { line: '2032 年 04 月', size: 14, align: 'centre' }], ['第一节 重要提示', '公司董事会保证年度报告内容的真实、准确、完整。']],
      }),
    );
    const report = await analyseReport(file, { maxBytes: 10 * 1024 * 1024 });
    expect(report.identity).toMatchObject({ id: '远山化工-2031-年报', year: 2031, organisation: '远山化工股份有限公司' });
  });
});
