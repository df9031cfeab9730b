import { describe, expect, it } from 'vitest';
import { metricName, nameAfter, nameBefore, splitBetween } from '../../../ingest/metrics/metricName.js';

describe('nameBefore', () => {
  it('keeps leading subjects that are part of how the report states the metric', () => {
    expect(nameBefore('当年“楚怡工匠计划”招收人数 ')).toBe('当年“楚怡工匠计划”招收人数');
    expect(nameBefore('累计建设校内实训基地个数')).toBe('累计建设校内实训基地个数');
  });

  it('drops a leading date and connective and removes pdf spaces', () => {
    expect(nameBefore('其中：2024 年 3 月学校招收西部地区的学生数')).toBe('学校招收西部地区的学生数');
  });

  it('drops the number of the list item or footnote the words open with', () => {
    expect(nameBefore('（2）栖木班应收账款的账面余额为')).toBe('栖木班应收账款的账面余额');
    expect(nameBefore('(1) Based on ')).toBe('Based on');
    // A bracketed number inside the words stays: only an opening one numbers the item.
    expect(nameBefore('栖木班（2）组学员')).toBe('栖木班（2）组学员');
  });

  it('returns nothing for words that are only connectives', () => {
    expect(nameBefore('，共')).toBe('');
    expect(nameBefore('其中包括 ')).toBe('');
  });

  it('drops an opening bracket left dangling by the figure', () => {
    expect(nameBefore('境外培训等六批次（')).toBe('境外培训等六批次');
  });

  it('cuts a long list of names at a word boundary', () => {
    const name = nameBefore('与甲化工集团股份有限公司、乙机械有限公司、丙实业有限公司、丁自动化技术有限公司、戊铜业股份有限公司等');
    expect(name.length).toBeLessThanOrEqual(36);
    expect(name.startsWith('丙实业有限公司、')).toBe(true);
  });

  it('drops a bracketed aside before cutting a long metric-list name', () => {
    expect(nameBefore('文化资源挖掘（传承、保护）数（包括历史文化资源、民族文化资源、艺术文化资源等）')).toBe('文化资源挖掘（传承、保护）数');
  });
});

describe('nameAfter', () => {
  it('keeps the counted noun and stops at its first 的', () => {
    expect(nameAfter('比赛队伍的精彩演绎')).toBe('比赛队伍');
  });

  it('keeps a leading 的 that ties the figure to its noun', () => {
    expect(nameAfter('的兼职教师库')).toBe('的兼职教师库');
  });

  it('stops where a list continues', () => {
    expect(nameAfter('慰问金及米、油')).toBe('慰问金');
  });
});

describe('splitBetween', () => {
  it('gives the text before a list word to the first figure and the rest to the second', () => {
    expect(splitBetween(' 间教室和 ')).toEqual({ after: ' 间教室', before: ' ' });
  });

  it('shares the text when no list word separates the figures', () => {
    expect(splitBetween('境外学校实现了')).toEqual({ after: '境外学校实现了', before: '境外学校实现了' });
  });
});

describe('metricName', () => {
  it('joins both sides with … and uses either side alone when the other is empty', () => {
    expect(metricName('投入', '建设了智慧校园')).toBe('投入…建设了智慧校园');
    expect(metricName('公开发表论文', '')).toBe('公开发表论文');
    expect(metricName('', '专家出席')).toBe('专家出席');
  });
});
