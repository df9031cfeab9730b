import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import { answerFromTables } from '../../../src/answer/tableAnswerer.js';
import type { ParsedTable, ReportMeta } from '../../../src/store/shapes.js';
import { createTokenizer } from '../../../src/text/tokenize.js';

const tokenizer = createTokenizer();
const report = { id: 'qimu-2031-annual', year: 2031, title: '栖木股份 2031 年年度报告' } as ReportMeta;
const meetings: ParsedTable = {
  id: '表（第 66 页）',
  title: '',
  page: 66,
  pages: [66],
  header: ['会议届次', '会议类型', '召开日期'],
  rows: [
    ['栖木股份 2031 年第一次临时股东大会', '临时股东大会', '2031 年 03 月 02 日'],
    ['栖木股份 2031 年第二次临时股东大会', '临时股东大会', '2031 年 09 月 14 日'],
    ['栖木股份 2030 年年度股东大会', '年度股东大会', '2031 年 05 月 20 日'],
  ],
  rowPages: [66, 66, 66],
  sourceNote: null,
  section: { id: '一、股东大会', path: ['一、股东大会'] },
};
const ask = (question: string) => answerFromTables([{ table: meetings, report }], analyseQuestion(question, tokenizer), tokenizer);

describe('answerFromTables: counting rows', () => {
  it('counts the rows a question selects when it asks how many of them', () => {
    const answer = ask('栖木股份2031年开了几次临时股东大会？');
    expect(answer?.kind === 'count' && answer.rows.length).toBe(2);
  });

  it('counts no rows for an amount asked in a unit of measure', () => {
    expect(ask('栖木股份2031年度综合能耗是多少吨标准煤？')?.kind).not.toBe('count');
    expect(ask('栖木股份2031年临时股东大会花了多少万元？')?.kind).not.toBe('count');
  });

  it('counts no rows for a figure asked in tens of thousands or hundreds of millions, whatever its unit', () => {
    expect(ask('栖木股份2031年临时股东大会一共花了多少万？')?.kind).not.toBe('count');
    expect(ask('栖木股份2031年临时股东大会涉及几亿？')?.kind).not.toBe('count');
  });

  it('counts no rows for money asked by its noun', () => {
    expect(ask('栖木股份2031年临时股东大会一共付出去多少现金？')?.kind).not.toBe('count');
  });

  it('counts no rows for a rate', () => {
    expect(ask('栖木股份2031年临时股东大会的出席率是多少？')?.kind).not.toBe('count');
  });
});

describe('answerFromTables: the report\'s own organisation', () => {
  const returns: ParsedTable = {
    ...meetings,
    id: 'Comparative Five-Year Total Returns',
    title: 'Comparative Five-Year Total Returns',
    header: ['', '2029', '2030', '2031'],
    rows: [
      ['Zorblat Holdings, Inc.', '100.00', '116.20', '224.84'],
      ['S&P 500 Index', '100.00', '95.62', '126.14'],
    ],
  };
  const own = { ...report, organisation: 'Zorblat Holdings, Inc.' } as ReportMeta;
  const askReturns = (question: string) => answerFromTables([{ table: returns, report: own }], analyseQuestion(question, tokenizer), tokenizer);

  it('takes no cell naming the report\'s own organisation for the row a question picks: every question names it', () => {
    expect(askReturns("What was Zorblat Holdings' EBITDA for fiscal 2031?")).toBeNull();
  });

  it('still reads a row the question picks by another key', () => {
    const answer = askReturns('What was the S&P 500 Index total return in 2031?');
    expect(answer?.kind === 'cell' && answer.value).toBe('126.14');
  });
});

describe('answerFromTables: the organisation as the question names it', () => {
  const subsidiaries: ParsedTable = {
    ...meetings,
    id: 'Note 28. Interests in subsidiaries',
    title: 'Note 28. Interests in subsidiaries',
    header: ['Name', 'Country of incorporation', 'Ownership interest 2031 %'],
    rows: [
      ['Zorblat Holdings (M) Sdn Bhd', 'Malaysia', '100%'],
      ['Zorblat Holdings Pty Ltd', 'Australia', '100%'],
    ],
  };
  const own = { ...report, organisation: 'Zorblat Holdings Ltd' } as ReportMeta;
  const askIt = (question: string) => answerFromTables([{ table: subsidiaries, report: own }], analyseQuestion(question, tokenizer), tokenizer);

  it('does not pick a row by the words of the organisation\'s own name the question uses', () => {
    expect(askIt('How many employees did Zorblat Holdings have at 30 June 2031?')).toBeNull();
    const answer = askIt('What is the country of incorporation of Zorblat Holdings (M) Sdn Bhd?');
    expect(answer?.kind === 'cell' && answer.value).toBe('Malaysia');
  });
});

describe('answerFromTables: a column named only through the organisation', () => {
  const disclosures: ParsedTable = {
    ...meetings,
    header: ['会议届次', '召开日期', '2031-060 《栖木'],
    rows: [
      ['公司 2031 年第一次临时股东大会', '2031 年 03 月 02 日', '股份第一次临时股东大会决议公告》'],
      ['公司 2031 年第二次临时股东大会', '2031 年 09 月 14 日', '股份第二次临时股东大会决议公告》'],
    ],
  };
  const own = { ...report, organisation: '栖木股份有限公司' } as ReportMeta;

  it('reads no column whose heading shares only the organisation\'s name with the question', () => {
    const answer = answerFromTables([{ table: disclosures, report: own }], analyseQuestion('栖木股份有限公司2031年度利润总额是多少万元？', tokenizer), tokenizer);
    expect(answer).toBeNull();
  });
});

describe('a price asked of a table', () => {
  const officers: ParsedTable = {
    ...meetings,
    id: 'Officers',
    title: 'Glimmer officers',
    header: ['Name', 'Age', 'Title'],
    rows: [
      ['Wren A. Calloway', '57', 'Chief Quill Officer'],
      ['Otto B. Penn', '61', 'Treasurer'],
    ],
    rowPages: [10, 10],
    unit: null,
  };
  const askOfficers = (question: string) => answerFromTables([{ table: officers, report }], analyseQuestion(question, tokenizer), tokenizer);

  it('is not read from the only column of numbers when that is no money', () => {
    expect(askOfficers('What compensation did Wren A. Calloway receive?')).toBeNull();
    expect(askOfficers('How old is Wren A. Calloway, how many years of age?')?.kind).toBe('cell');
  });
});

describe('a column of changes', () => {
  const changes: ParsedTable = {
    ...meetings,
    id: 'Analysis of Quill Sales',
    title: 'Analysis of Quill Sales',
    header: ['', 'Percentage Change 2031 vs. 2030', 'Percentage Change 2030 vs. 2029'],
    rows: [
      ['Net quill sales', '11.2 %', '2.7 %'],
      ['Net quill sales, excluding fuel', '8.9 %', '1.4 %'],
    ],
    rowPages: [16, 16],
    section: { id: 'Analysis of Quill Sales', path: ['Analysis of Quill Sales'] },
  };
  const askChanges = (question: string) => answerFromTables([{ table: changes, report }], analyseQuestion(question, tokenizer), tokenizer);

  it('answers how something changed, never a level asked', () => {
    const grew = askChanges('By how much did net quill sales increase in 2031?');
    expect(grew?.kind === 'cell' ? grew.value : null).toBe('11.2 %');
    expect(askChanges('What were net quill sales per square foot in 2031?')).toBeNull();
  });
});

describe("answerFromTables: the group's figures before the parent company's own", () => {
  const base = { ...meetings, pages: [16], rowPages: [16, 16], sourceNote: null };
  const group: ParsedTable = {
    ...base,
    id: 'Statement of profit or loss (page 16)',
    title: 'Statement of profit or loss',
    page: 16,
    header: ['', 'Consolidated 2031 $', 'Consolidated 2030 $'],
    rows: [
      ['Quill revenue', '8,100,200', '7,400,100'],
      ['Profit after income tax expense for the year', '491,955', '402,310'],
    ],
  };
  const parent: ParsedTable = {
    ...base,
    id: 'Statement of profit or loss (page 48)',
    title: 'Statement of profit or loss',
    page: 48,
    header: ['', 'Parent 2031 $', 'Parent 2030 $'],
    rows: [
      ['Profit after income tax', '229,496', '573,048'],
      ['Total comprehensive income', '229,496', '573,048'],
    ],
    section: { id: 'Note 33. Parent entity information', path: ['Note 33. Parent entity information'] },
  };
  const askBoth = (question: string) => answerFromTables([{ table: group, report }, { table: parent, report }], analyseQuestion(question, tokenizer), tokenizer);

  it('does not answer a question about the group from columns that hold the parent company alone', () => {
    const answer = askBoth('What was the consolidated profit after income tax for 2031?');
    expect(answer?.kind === 'cell' ? [answer.table.id, answer.value] : answer?.kind).toEqual(['Statement of profit or loss (page 16)', '491,955']);
  });

  it("answers from the parent's columns when the question asks for the parent", () => {
    const answer = askBoth("What was the parent entity's profit after income tax for 2031?");
    expect(answer?.kind === 'cell' ? [answer.table.id, answer.value] : answer?.kind).toEqual(['Statement of profit or loss (page 48)', '229,496']);
  });
});

describe('answerFromTables: English cells are named by their words', () => {
  const equity: ParsedTable = {
    id: 'Table (page 25)',
    title: 'Statement of changes in quill equity',
    page: 25,
    pages: [25],
    header: ['', 'Glimmer reserve', 'Total'],
    rows: [
      ['Loss for the period', '(333)', '(333)'],
      ['Issue of quill shares', '1,200', '1,200'],
    ],
    rowPages: [25, 25],
    sourceNote: null,
    section: { id: 'Statement of changes in quill equity', path: ['Statement of changes in quill equity'] },
  };
  const askEquity = (question: string) => answerFromTables([{ table: equity, report }], analyseQuestion(question, tokenizer), tokenizer);

  it('takes no row that shares only function words or the insides of words with the question', () => {
    // ("Loss for the period" and "budget for the vorn study" share "forthe" once their spaces are gone.)
    expect(askEquity('what is the total budget for the vorn study?')).toBeNull();
  });

  it('still reads a row the question names by its words', () => {
    const answer = askEquity('total for the issue of quill shares?');
    expect(answer?.kind === 'cell' && answer.value).toBe('1,200');
  });
});
