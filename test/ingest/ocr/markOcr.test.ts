import { describe, expect, it } from 'vitest';
import { markOcr } from '../../../ingest/ocr/markOcr.js';
import type { Chunk, MetricEntry, ParsedTable } from '../../../src/store/shapes.js';

const section = { id: '3.1', path: ['三、青藤计划', '3.1 研修'] };
const chunk = (text: string, page = 3): Chunk => ({ id: `r#${text.length}`, reportId: 'r', year: 2031, kind: 'paragraph', section, pageStart: page, pageEnd: page, text, norm: text });
const metric = (evidence: string, value: string): MetricEntry => ({ name: '结业率', value, unit: '%', qualifier: '', section, page: 3, evidence });
const table: ParsedTable = { id: '表 3-1', title: '青藤计划主要数据', page: 3, pages: [3], header: ['项目', '2031年', '2030年'], rows: [['研修学员（人）', '4,386', '3,905']], sourceNote: null, section };

describe('what OCR read is marked, on a page that also has a text layer', () => {
  it('marks the pieces holding the picture\'s text and leaves the text layer\'s alone', () => {
    const prose = chunk('青藤计划的主要数据见下表，以上数据由教务处提供。');
    const rows = chunk('项目 | 2031年 | 2030年\n研修学员（人） | 4,386 | 3,905');
    const wrapped = metric('2031年结业率97.35%，较上年提高2.4个百分点。', '97.35');
    const content = { chunks: [prose, rows], tables: [structuredClone(table)], metrics: [wrapped] };

    markOcr(
      { pages: [{ page: 3, confidence: 0.95 }], skipped: [] },
      // The picture's lines as OCR read them: a table row, and a sentence broken over two lines.
      [{ page: 3, text: '研修学员(人) 4,386 3,905' }, { page: 3, text: '2031年青藤计划覆盖4386名学员，结业' }, { page: 3, text: '率97.35%，较上年提高2.4个百分点。' }],
      content,
    );

    expect([prose.ocr, rows.ocr, content.tables[0]?.ocr, wrapped.ocr]).toEqual([undefined, 0.95, 0.95, 0.95]);
  });

  it('marks nothing on pages OCR did not read', () => {
    const elsewhere = chunk('研修学员(人) 4,386 3,905', 4);
    markOcr({ pages: [{ page: 3, confidence: 0.9 }], skipped: [] }, [{ page: 3, text: '研修学员(人) 4,386 3,905' }], { chunks: [elsewhere], tables: [], metrics: [] });
    expect(elsewhere.ocr).toBeUndefined();
  });
});
