import { describe, expect, it } from 'vitest';
import { caseStart, figureCaption, tableCaption } from '../../../ingest/structure/lineShapes.js';

describe('caption labels', () => {
  it('reads the number and the title, with or without a space between them', () => {
    expect(tableCaption('表 1-4 青藤计划研修学员名单')).toEqual({ id: '表 1-4', title: '青藤计划研修学员名单' });
    expect(tableCaption('表12 青藤计划研修学员名单')).toEqual({ id: '表 12', title: '青藤计划研修学员名单' });
    expect(figureCaption('图3－2蓝鲸湾基地实训现场')).toEqual({ id: '图 3-2', title: '蓝鲸湾基地实训现场' });
    expect(caseStart('【案例 2-1】青藤导师带徒')).toEqual({ id: '案例 2-1', title: '青藤导师带徒' });
  });

  it('ends the number before a year the title opens with, when the space between them is lost', () => {
    expect(tableCaption('表1-42031年青藤计划研修学员名单')).toEqual({ id: '表 1-4', title: '2031年青藤计划研修学员名单' });
    expect(figureCaption('图21998 年蓝鲸湾基地旧址')).toEqual({ id: '图 2', title: '1998 年蓝鲸湾基地旧址' });
  });

  it('takes no number of more than three digits a part', () => {
    expect(tableCaption('表 2031 年青藤计划研修学员名单')).toBeNull();
  });
});
