import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../ingest/extract/readPdf.js';
import { buildLines } from '../../../ingest/layout/buildLines.js';
import { IngestRefusedError } from '../../../src/errors.js';
import {
  DEFAULT_RUNNING_HEADER,
  RULED_TABLE,
  TWO_PAGE_TABLE,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeNonEmbeddedCjkPdf,
  makeReportPdf,
  makeRuledTablePdf,
  makeTwoPageTablePdf,
} from '../../fixtures/pdfs.js';

/** What the ingest reads of a PDF: each page's lines, top to bottom, as text. */
async function extractPdf(pdf: Uint8Array, options: { file: string }) {
  const content = await readPdf(pdf, options.file);
  return { metadataTitle: content.metadataTitle, pages: content.pages.map((page) => ({ page: page.page, text: buildLines(page).map((line) => line.text).join('\n') })) };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a refusal'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(IngestRefusedError);
      return error as IngestRefusedError;
    },
  );

describe('readPdf text', () => {
  it('gives each printed line as one text line when the CJK font is embedded', async () => {
    const pdf = await makeReportPdf({
      pages: [
        ['前 言', '学校将质量年报作为履行责任担当、接受社会监督的重要载体；', '2024 年投入 6000 万元，志愿者占比 63.93%。'],
        ['1.人才培养', 'ABC def 123'],
      ],
    });

    const { pages } = await extractPdf(pdf, { file: 'report.pdf' });

    expect(pages).toEqual([
      {
        page: 1,
        text: [DEFAULT_RUNNING_HEADER, '前 言', '学校将质量年报作为履行责任担当、接受社会监督的重要载体；', '2024 年投入 6000 万元，志愿者占比 63.93%。', '第 1 页'].join('\n'),
      },
      { page: 2, text: [DEFAULT_RUNNING_HEADER, '1.人才培养', 'ABC def 123', '第 2 页'].join('\n') },
    ]);
  });

  it('reads the text of a non-embedded CJK font when the PDF relies on the predefined CMaps', async () => {
    const { pages } = await extractPdf(makeNonEmbeddedCjkPdf(['前 言', '学校高度重视质量年报的编制工作。']), { file: 'old.pdf' });

    expect(pages).toEqual([{ page: 1, text: '前 言\n学校高度重视质量年报的编制工作。' }]);
  });

  it('returns the metadata Title when the PDF has one', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']], title: '测试学院高等职业教育质量报告（2024年度）' });

    expect((await extractPdf(pdf, { file: 'a.pdf' })).metadataTitle).toBe('测试学院高等职业教育质量报告（2024年度）');
  });

  it('returns a null metadata title when the PDF has none', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']] });

    expect((await extractPdf(pdf, { file: 'a.pdf' })).metadataTitle).toBeNull();
  });

  it('reads a PDF that has only an owner password (it opens without one)', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']], ownerPassword: 'owner-only' });

    const { pages } = await extractPdf(pdf, { file: 'a.pdf' });

    expect(pages[0]?.text).toContain('正文。');
  });
});

describe('readPdf lines of a ruled table', () => {
  it('reads the table rows as lines by position, a wrapped cell’s second line under its row', async () => {
    const { pages } = await extractPdf(await makeRuledTablePdf(), { file: 't.pdf' });

    expect(pages[0]?.text.split('\n')).toEqual([
      DEFAULT_RUNNING_HEADER,
      '1.1 专业建设',
      '学校持续优化专业布局，主要建设成果见下表。',
      '表 1-1 测试表格',
      '序号 项目名称 数量（个）',
      '1 省级专业群 3',
      '2 国家级职业教育 2',
      '教师教学创新团队',
      '3 校企合作企业 120',
      '数据来源：测试学院教务处',
      '以上成果均已通过验收。',
      '第 1 页',
    ]);
  });

});

describe('readPdf refusals', () => {
  it('reads a run drawn again in pieces over itself once, and keeps a name typed over a signature line', async () => {
    // (As some producers fake bold type: the whole run, then pieces of it again inside its extent.)
    const redrawn = { text: 'On behalf of the Wardens', x: 70 };
    const pieces = [
      { text: 'n behal', x: 80 },
      { text: 'f', x: 105 },
      { text: 'a f', x: 102 },
      { text: 'of', x: 112 },
      { text: 'he Warde', x: 128 },
    ];
    const signature = [
      { text: '______________________', x: 70 },
      { text: 'Ada Brill', x: 80 },
    ];
    const pdf = await makeReportPdf({ header: null, footer: null, fontSize: 10, pages: [[{ placed: [redrawn, ...pieces], advance: 30 }, { placed: signature, advance: 20 }]] });
    const { pages } = await extractPdf(pdf, { file: 'signed.pdf' });
    const lines = pages[0]?.text.split('\n') ?? [];
    expect(lines[0]).toBe('On behalf of the Wardens');
    expect(lines[1]).toContain('Ada Brill');
  });

  it('refuses encrypted when the PDF needs a password, keeping the pdf.js error as cause', async () => {
    const error = await refusal(extractPdf(await makeEncryptedPdf(), { file: 'locked.pdf' }));

    expect(error.reason).toBe('encrypted');
    expect(error.file).toBe('locked.pdf');
    expect((error.cause as Error).name).toBe('PasswordException');
  });

  it('refuses no_text_layer when the pages carry only images and drawings', async () => {
    const error = await refusal(extractPdf(await makeImageOnlyPdf(), { file: 'scan.pdf' }));

    expect(error.reason).toBe('no_text_layer');
  });

  it('refuses corrupt when the PDF is cut off, keeping the pdf.js error as cause', async () => {
    const pdf = await makeReportPdf({ pages: [['前 言', '正文。']] });

    const error = await refusal(extractPdf(pdf.subarray(0, Math.floor(pdf.length / 2)), { file: 'cut.pdf' }));

    expect(error.reason).toBe('corrupt');
    expect((error.cause as Error).name).toBe('InvalidPDFException');
  });

  it('refuses corrupt when only the header is a PDF header', async () => {
    const garbled = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('这不是 PDF 的内容。'.repeat(200))]);

    expect((await refusal(extractPdf(garbled, { file: 'bad.pdf' }))).reason).toBe('corrupt');
  });
});
