import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../../../src/answer/model/checkGrounding.js';
import type { Evidence } from '../../../../src/answer/types.js';
import { EVIDENCE } from './evidence.js';

describe('checkGrounding', () => {
  it('accepts a faithful reply whose figures all stand in the sources it cites', () => {
    expect(checkGrounding('毕业去向落实率为87% [1]，注册志愿者10,750人 [2]。', EVIDENCE)).toEqual({ ok: true, unsupported: [], cited: [1, 2] });
  });

  it('rejects a reply that alters a figure from 87% to 85%', () => {
    expect(checkGrounding('毕业去向落实率为85% [1]。', EVIDENCE)).toEqual({ ok: false, unsupported: ['85%'], cited: [1] });
  });

  it('rejects a reply that changes the year 2021 to 2022', () => {
    expect(checkGrounding('毕业去向落实率87%，较2022年提高2.5个百分点 [1]。', EVIDENCE)).toEqual({ ok: false, unsupported: ['2022'], cited: [1] });
  });

  it('rejects a reply that invents a figure no source prints', () => {
    expect(checkGrounding('注册志愿者10750人，其中专任教师512人 [2]。', EVIDENCE)).toEqual({ ok: false, unsupported: ['512'], cited: [2] });
  });

  it('rejects a reply that cites [9] when there are 3 sources', () => {
    expect(checkGrounding('毕业去向落实率为87% [1]，注册志愿者10750人 [9]。', EVIDENCE)).toEqual({
      ok: false,
      unsupported: ['[9]', '10750'],
      cited: [1, 9],
    });
  });

  it('does not find 85 inside 856 or 0.85', () => {
    expect(checkGrounding('全年开展志愿服务85次 [2]。', EVIDENCE).unsupported).toEqual(['85']);
  });

  it('does not let 87.5% in a percent column satisfy 87%', () => {
    expect(checkGrounding('机电一体化技术专业满意度为87% [3]。', EVIDENCE).unsupported).toEqual(['87%']);
  });

  it('accepts 87.5% when the source prints 87.5 under a (%) header', () => {
    expect(checkGrounding('机电一体化技术专业满意度为87.5% [3]。', EVIDENCE).ok).toBe(true);
  });

  it('rejects a figure that stands only in a source the reply does not cite', () => {
    expect(checkGrounding('注册志愿者10750人 [1]。', EVIDENCE).unsupported).toEqual(['10750']);
  });

  it('accepts figures from any evidence when the reply cites nothing', () => {
    expect(checkGrounding('注册志愿者10750人，毕业去向落实率87%。', EVIDENCE)).toEqual({ ok: true, unsupported: [], cited: [] });
  });

  it('reads full-width digits, percent sign and brackets as their ASCII forms', () => {
    expect(checkGrounding('毕业去向落实率为８７％［１］。', EVIDENCE)).toEqual({ ok: true, unsupported: [], cited: [1] });
  });

  it('ignores list ordinals at line starts but not a decimal at a line start', () => {
    expect(checkGrounding('1. 毕业去向落实率87% [1]\n2、注册志愿者10750人 [2]', EVIDENCE).ok).toBe(true);
    expect(checkGrounding('1.5万小时 [2]', EVIDENCE).unsupported).toEqual(['1.5']);
  });

  it('accepts a figure the code computed when it is passed in extraAllowed', () => {
    const reply = '毕业生与志愿者合计13,965人 [1][2]。';
    expect(checkGrounding(reply, EVIDENCE).unsupported).toEqual(['13,965']);
    expect(checkGrounding(reply, EVIDENCE, ['13965']).ok).toBe(true);
  });

  it('accepts the result of a written-out sum only when the sum is exact', () => {
    expect(checkGrounding('3,215人 + 10750人 = 13965人 [1][2]', EVIDENCE).ok).toBe(true);
    expect(checkGrounding('3215 + 10750 = 13975 [1][2]', EVIDENCE).unsupported).toEqual(['13975']);
  });

  it('adds decimals exactly when checking a written-out sum', () => {
    const evidence: Evidence[] = [{ n: 1, report: 'r', year: 2024, section: '1', page: 1, text: '甲0.1亿元，乙0.2亿元。' }];
    expect(checkGrounding('0.1 + 0.2 = 0.3亿元 [1]', evidence).ok).toBe(true);
  });

  it('accepts the year, section and page of a cited source', () => {
    expect(checkGrounding('见2024年报告1.3.5节第12页 [1]。', EVIDENCE).ok).toBe(true);
  });

  it('matches a figure the PDF text split with a space', () => {
    const evidence: Evidence[] = [{ n: 1, report: 'r', year: 2024, section: '1', page: 1, text: '注册志愿者 10 750 人，落实率95. 82%' }];
    expect(checkGrounding('注册志愿者10750人，落实率95.82% [1]。', evidence).ok).toBe(true);
  });

  it('keeps two years apart when a table row prints them side by side', () => {
    const evidence: Evidence[] = [{ n: 1, report: 'r', year: 2024, section: '1', page: 1, text: '年份 2023 2024' }];
    expect(checkGrounding('2023年 [1]', evidence).ok).toBe(true);
  });

  it('reads a citation range [1-2] as both sources', () => {
    expect(checkGrounding('落实率87%，志愿者10750人 [1-2]。', EVIDENCE)).toEqual({ ok: true, unsupported: [], cited: [1, 2] });
  });

  it('accepts an English "87 percent" for a printed 87%', () => {
    expect(checkGrounding('The placement rate was 87 percent [1].', EVIDENCE).ok).toBe(true);
  });
});
