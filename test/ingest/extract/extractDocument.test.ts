import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../ingest/extract/extractDocument.js';
import { IngestRefusedError, type RefusalReason } from '../../../src/errors.js';
import { makeEncryptedPdf, makeImageOnlyPdf, makeReportPdf, makeRuledTablePdf } from '../../fixtures/pdfs.js';
import { useTempDir } from '../../fixtures/useTempDir.js';

const tmp = useTempDir('extract-document-');
const MB = 1024 * 1024;

async function refusalOf(file: string, maxBytes = 10 * MB): Promise<{ reason: RefusalReason; error: IngestRefusedError }> {
  const error = await extractDocument(file, { maxBytes }).then(
    () => expect.unreachable(`expected ${file} to be refused`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestRefusedError);
  const refused = error as IngestRefusedError;
  expect(refused.file).toBe(file);
  return { reason: refused.reason, error: refused };
}

describe('extractDocument refusals', () => {
  it('refuses not_found when there is no such file', async () => {
    expect((await refusalOf(path.join(tmp.path, 'missing.pdf'))).reason).toBe('not_found');
  });

  it('refuses not_found when the path is a directory', async () => {
    const dir = path.join(tmp.path, 'reports.pdf');
    await mkdir(dir);

    expect((await refusalOf(dir)).reason).toBe('not_found');
  });

  it('refuses empty when the file has 0 bytes', async () => {
    expect((await refusalOf(await tmp.write('zero.pdf', ''))).reason).toBe('empty');
  });

  it('refuses empty when a text file holds only whitespace', async () => {
    expect((await refusalOf(await tmp.write('blank.txt', ' \n\n\t \r\n'))).reason).toBe('empty');
  });

  it('refuses too_large when the file is bigger than maxBytes', async () => {
    const file = await tmp.write('big.txt', 'x'.repeat(2048));

    const { reason, error } = await refusalOf(file, 2047);

    expect(reason).toBe('too_large');
    expect(error.message).toContain('2048 bytes, limit 2047');
  });

  it('refuses not_pdf when a .pdf file does not start with a PDF header', async () => {
    expect((await refusalOf(await tmp.write('random.pdf', randomBytes(4096)))).reason).toBe('not_pdf');
  });

  it('refuses unsupported_type when the extension is neither .pdf, .txt nor .md', async () => {
    expect((await refusalOf(await tmp.write('report.docx', 'PK\u0003\u0004 not really a docx'))).reason).toBe('unsupported_type');
  });

  it('refuses unsupported_type when a .txt file is not UTF-8', async () => {
    // "质量报告" in GBK: not valid UTF-8.
    const gbk = Buffer.from([0xd6, 0xca, 0xc1, 0xbf, 0xb1, 0xa8, 0xb8, 0xe6]);

    expect((await refusalOf(await tmp.write('gbk.txt', gbk))).reason).toBe('unsupported_type');
  });

  it('refuses encrypted when the PDF needs a password', async () => {
    expect((await refusalOf(await tmp.write('locked.pdf', await makeEncryptedPdf()))).reason).toBe('encrypted');
  });

  it('refuses no_text_layer when the PDF pages are images only', async () => {
    expect((await refusalOf(await tmp.write('scan.pdf', await makeImageOnlyPdf()))).reason).toBe('no_text_layer');
  });

  it('refuses corrupt when the PDF is truncated', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']] });

    expect((await refusalOf(await tmp.write('cut.pdf', pdf.subarray(0, 3000)))).reason).toBe('corrupt');
  });
});

describe('extractDocument results', () => {
  it('records the sha256 and byte size of the file', async () => {
    const content = '前 言\n学校高度重视质量年报的编制工作。\n';
    const file = await tmp.write('report.txt', content);

    const doc = await extractDocument(file, { maxBytes: MB });

    expect(doc.sha256).toBe(createHash('sha256').update(content, 'utf8').digest('hex'));
    expect(doc.bytes).toBe(Buffer.byteLength(content, 'utf8'));
    expect(doc.sourcePath).toBe(file);
  });

  it('reads a .md file as one text page without the BOM', async () => {
    const file = await tmp.write('report.md', '\uFEFF# 前言\n\n学校高度重视质量年报的编制工作。\n');

    const doc = await extractDocument(file, { maxBytes: MB });

    expect(doc).toMatchObject({ format: 'text', metadataTitle: null });
    expect(doc.pages.map((page) => [page.page, page.lines.map((line) => [line.text, line.geometry])])).toEqual([[1, [['# 前言', null], ['学校高度重视质量年报的编制工作。', null]]]]);
  });

  it('reads a PDF as lines that know where they sit on the page', async () => {
    const file = await tmp.write('table.pdf', await makeRuledTablePdf());

    const doc = await extractDocument(file, { maxBytes: MB });

    expect(doc.format).toBe('pdf');
    expect(doc.pages.map((page) => page.page)).toEqual([1]);
    const header = doc.pages[0]?.lines.find((line) => line.text === '序号 项目名称 数量（个）');
    expect(header?.geometry?.segments.map((segment) => segment.text)).toEqual(['序号', '项目名称', '数量（个）']);
  });

  it('reads a PDF by its header when the file has another extension', async () => {
    const file = await tmp.write('report.txt', await makeReportPdf({ pages: [['前 言', '正文。']] }));

    expect((await extractDocument(file, { maxBytes: MB })).format).toBe('pdf');
  });

});

describe('extractDocument format detection', () => {
  it('reads a PDF whose header comes after some junk bytes when the file is named .pdf', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']] });
    const file = await tmp.write('prefixed.pdf', Buffer.concat([Buffer.from('\r\n\r\n'), pdf]));

    expect((await extractDocument(file, { maxBytes: MB })).format).toBe('pdf');
  });

  it('reads a text file as text when it only mentions a PDF header', async () => {
    const file = await tmp.write('notes.md', '# 说明\n\n文件以 %PDF- 开头才是 PDF。\n');

    expect((await extractDocument(file, { maxBytes: MB })).format).toBe('text');
  });
});
