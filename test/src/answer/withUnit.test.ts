import { describe, expect, it } from 'vitest';
import { tableLabel, withUnit } from '../../../src/answer/phrase/wordAnswer.js';
import { tableListLine } from '../../../src/answer/phrase/lookupText.js';
import type { ParsedTable, ReportMeta } from '../../../src/store/shapes.js';

describe('a printed figure with its unit', () => {
  it('puts Chinese units and % after the figure, untouched', () => {
    expect([withUnit('925.33', '万元'), withUnit('12.5', '%'), withUnit('12.5%', '%'), withUnit('7', '')]).toEqual(['925.33万元', '12.5%', '12.5%', '7']);
  });

  it('puts a currency before the figure and its scale after, keeping a sign or a printed currency', () => {
    expect([withUnit('1,803', '$ thousand'), withUnit('59,583', 'USD thousand'), withUnit('(3,960)', '£'), withUnit('-412', 'GBP thousand')]).toEqual([
      '$1,803 thousand',
      'USD 59,583 thousand',
      '£(3,960)',
      'GBP -412 thousand',
    ]);
    expect([withUnit('$ 188,699', 'thousand'), withUnit('$ 188,699', '$ thousand'), withUnit('+2,899,943', '$')]).toEqual(['$ 188,699 thousand', '$ 188,699 thousand', '+$2,899,943']);
  });

  it('puts any other unit after the figure with a space, a code that is no currency among them', () => {
    expect([withUnit('1.3', 'million'), withUnit('4,210', 'TEU'), withUnit('36', 'MWh')]).toEqual(['1.3 million', '4,210 TEU', '36 MWh']);
  });
});

describe('the name a table answer is shown under', () => {
  const named = (id: string, title: string) => tableLabel({ table: { id, title } as ParsedTable });
  it('is its caption number and title, or its title line once when the title is its id', () => {
    expect(named('表 3-2', '青禾基地设备清单')).toBe('表 3-2 青禾基地设备清单');
    expect(named('CONSOLIDATED WEFT SHEETS', 'CONSOLIDATED WEFT SHEETS')).toBe('CONSOLIDATED WEFT SHEETS');
    expect(named('Weft sheets', '')).toBe('Weft sheets');
  });
});

describe('a table in a list of tables', () => {
  const line = (id: string, title: string) => tableListLine({ table: { id, title, page: 12 } as ParsedTable, report: { year: 2031 } as ReportMeta });
  it('is named once, with year and page in the table’s own language', () => {
    expect(line('CONSOLIDATED WEFT SHEETS', 'CONSOLIDATED WEFT SHEETS')).toBe('CONSOLIDATED WEFT SHEETS (2031, page 12)');
    expect(line('表 3-2', '青禾基地设备清单')).toBe('表 3-2 青禾基地设备清单（2031，第 12 页）');
  });
});
