import { describe, expect, it } from 'vitest';
import { companiesNamedIn, companyNamesIn, withoutOrganisation } from '../../../src/text/organisationMention.js';

describe('withoutOrganisation', () => {
  it('takes out the organisation as a question writes it: whole, by its first words, with a possessive', () => {
    expect(withoutOrganisation("What was Zorblat Markets' EBITDA for fiscal 2031?", 'Zorblat Markets, Inc.')).toBe('What was EBITDA for fiscal 2031?');
    expect(withoutOrganisation('How many employees did Qimu Technologies have?', 'Qimu Technologies Ltd')).toBe('How many employees did have?');
    expect(withoutOrganisation('栖木化工股份有限公司2031年度利润总额是多少万元？', '栖木化工股份有限公司')).toBe('2031年度利润总额是多少万元？');
  });

  it('takes out a Chinese name written without its legal form, with 股份 or 的 after it', () => {
    expect(withoutOrganisation('栖木去年汽轮卖了多少台？', '栖木股份有限公司')).toBe('去年汽轮卖了多少台？');
    expect(withoutOrganisation('栖木化工的利润总额是多少？', '栖木化工股份有限公司')).toBe('利润总额是多少？');
    expect(withoutOrganisation('栖木股份董秘是谁？', '栖木股份有限公司')).toBe('董秘是谁？');
    // (A name that is its legal form alone, or one Han character before it, is no short name.)
    expect(withoutOrganisation('木公司的利润总额是多少？', '木有限公司')).toBe('木公司的利润总额是多少？');
  });

  it('leaves a question alone that does not name it, or names only a short word of it', () => {
    expect(withoutOrganisation('What were net sales?', 'Zorblat Markets, Inc.')).toBe('What were net sales?');
    expect(withoutOrganisation('Who audits ABC?', 'ABC Ltd')).toBe('Who audits ABC?');
    expect(withoutOrganisation('What were net sales?', undefined)).toBe('What were net sales?');
  });
});

describe('companiesNamedIn', () => {
  const printed = '报告期内，公司参股江苏青禾栖木新材料科技有限公司，持股20%。公司股东栖木窑业集团有限公司未质押。新材料业务稳步发展。';
  const names = companyNamesIn(printed);

  it('reads the names a report prints before a legal form', () => {
    expect(names).toEqual(['公司参股江苏青禾栖木新材料科技', '公司股东栖木窑业集团']);
  });

  it('finds the runs of a Chinese question that the report prints as part of a company\'s name', () => {
    expect(companiesNamedIn('咱们参股的青禾栖木新材料31年净利润多少', names)).toEqual(['青禾栖木新材料']);
    expect(companiesNamedIn('大股东栖木窑业集团持股多少', names)).toEqual(['股东栖木窑业集团']);
  });

  it('finds none in words the report prints elsewhere, or in runs shorter than four characters', () => {
    expect(companiesNamedIn('新材料业务收入多少', names)).toEqual([]);
    expect(companiesNamedIn('栖木的净利润', names)).toEqual([]);
  });
});
