import { describe, expect, it } from 'vitest';
import { answerFromFacts, askedText, askedYear, holdersAsked, factsAskedAbout, factsOfTable, indexFacts, labelSpells, labelStrength, readsAsNumber, tableHeadings } from '../../../src/answer/factAnswerer.js';
import { computeFromFacts, plainNumber } from '../../../src/answer/factComputation.js';
import { analyseQuestion } from '../../../src/answer/questionAnalysis.js';
import { wordAnswer } from '../../../src/answer/phrase/wordAnswer.js';
import type { ParsedTable, ReportMeta } from '../../../src/store/shapes.js';
import { createTokenizer } from '../../../src/text/tokenize.js';

/** Facts by row label and period column, on invented statements and an invented key-value table. */
const tokenizer = createTokenizer();
const report = { id: 'qinghe-2031-annual', year: 2031, title: '青禾智造 2031 年年度报告' } as ReportMeta;
const period = (year: number | null, relative: 'current' | 'previous' | null = null) => ({ year, relative, pointInTime: false, quarter: null, change: false });

const statement: ParsedTable = {
  id: '合并利润表',
  title: '合并利润表',
  page: 60,
  pages: [60, 61],
  header: ['项目', '2031 年度', '2030 年度', '本年比上年增减'],
  rows: [
    ['一、营业总收入', '925,158,518.22', '1,037,381,220.58', '-10.82%'],
    ['其中：营业收入', '925,158,518.22', '1,037,381,220.58', '-10.82%'],
    ['五、净利润', '60,112,301.15', '81,442,907.33', '-26.19%'],
    ['归属于母公司所有者的净利润（元）', '58,100,000.00', '80,000,000.00', '-27.38%'],
  ],
  rowPages: [60, 60, 61, 61],
  sourceNote: null,
  section: { id: '合并利润表', path: ['第十二节 财务报告', '合并利润表'] },
  periods: [null, period(2031), period(2030), { ...period(null), change: true }],
  unit: { printed: '单位：元', unit: '元', currency: 'CNY', factor: 1 },
};
const english: ParsedTable = {
  ...statement,
  id: 'CONSOLIDATED STATEMENTS OF INCOME',
  title: 'CONSOLIDATED STATEMENTS OF INCOME',
  header: ['', 'Current year', 'Prior year'],
  rows: [
    ['Net sales', '4,695,881', '4,225,304'],
    ['Net income', '120,157', '103,810'],
    ['Diluted earnings per share', '4.46', '4.05'],
  ],
  rowPages: [44, 44, 45],
  periods: [null, period(null, 'current'), period(null, 'previous')],
  unit: { printed: '(amounts in thousands)', unit: 'thousand', currency: '', factor: 1000 },
};
const companyInfo: ParsedTable = { ...statement, id: '公司信息', title: '公司信息', header: [], rows: [['股票简称', '青禾智造'], ['董事会秘书', '林小禾']], rowPages: [8, 8], periods: undefined, unit: null, keyValue: true };

const facts = [statement, english, companyInfo].flatMap((table) => factsOfTable({ table, report }));
const ask = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact;
/** The value the facts of the given tables answer a question with. */
const valueIn = (...tables: ParsedTable[]) => {
  const tableFacts = tables.flatMap((table) => factsOfTable({ table, report }));
  return (question: string) => answerFromFacts(tableFacts, analyseQuestion(question, tokenizer))?.fact.value;
};

describe('facts from tables', () => {
  it('reads one value per row label and period column, with the unit and the row’s page', () => {
    expect(facts.filter((f) => f.label === '净利润').map((f) => [f.year, f.change, f.value, f.unit, f.page])).toEqual([
      [2031, false, '60,112,301.15', '元', 61],
      [2030, false, '81,442,907.33', '元', 61],
      [2031, true, '-26.19%', '', 61],
    ]);
    // A unit in brackets after a label is not part of it.
    expect(facts.some((f) => f.label === '归属于母公司所有者的净利润')).toBe(true);
    // Relative period columns take the report's own year and the one before.
    expect(facts.filter((f) => f.label === 'Net sales').map((f) => [f.year, f.value])).toEqual([
      [2031, '4,695,881'],
      [2030, '4,225,304'],
    ]);
  });

  it('answers by the longest label the question names whole, in the year it asks for', () => {
    expect([ask('2031年营业收入是多少？')?.value, ask('2031年营业收入是多少？')?.label]).toEqual(['925,158,518.22', '营业收入']);
    expect(ask('2030年归属于母公司所有者的净利润是多少？')?.value).toBe('80,000,000.00');
    // The report's word for its comparative period asks for the year before; the speaker's "去年" means
    // the year the report covers (it is read in the year after).
    expect(ask('上年净利润多少')?.value).toBe('81,442,907.33');
    expect(ask('去年净利润多少')?.value).toBe('60,112,301.15');
    // (And the speaker's "前年", "the year before last", the year before it: the report's prior year.)
    expect([ask('前年净利润多少')?.value, ask('net sales the year before last?')?.value]).toEqual(['81,442,907.33', '4,225,304']);
    expect(ask('What were net sales in the prior year?')?.value).toBe('4,225,304');
    expect(ask('net income?')?.value).toBe('120,157');
    // A count is not answered by an amount of money.
    const dollars = factsOfTable({ table: { ...english, unit: { printed: '(in thousands of USD)', unit: 'USD thousand', currency: 'USD', factor: 1000 } }, report });
    expect([answerFromFacts(dollars, analyseQuestion('What were net sales?', tokenizer))?.fact.value, answerFromFacts(dollars, analyseQuestion('How many net sales were there?', tokenizer))]).toEqual(['4,695,881', null]);
    // An initialism stands for a run of the label's words; qualifiers before the run not asked weigh less.
    expect(ask('diluted EPS for the prior year?')?.value).toBe('4.05');
    // A per-share amount does not take the table's "in thousands".
    expect([ask('diluted EPS for the prior year?')?.unit, ask('net income?')?.unit]).toEqual(['', 'thousand']);
    expect([labelStrength('Diluted earnings per share', 'diluted EPS?'), labelStrength('Diluted earnings per share', 'EPS?'), labelStrength('Earnings per share growth', 'EPS?')]).toEqual([5, 4, 0]);
    // Letters joined by "&" spell the words an "and" joins ("Q&G" → "Quill and glimmer …").
    expect([labelStrength('Quill and glimmer rebate', 'Q&G rebate?'), labelStrength('Quill glimmer rebate', 'Q&G rebate?'), labelStrength('Quill and glimmer rebate', 'Q&Z rebate?')]).toEqual([5, 5, 0]);
  });

  it('reads the head two joined modifiers share ("Basic and diluted weft per share") as naming the row, but not a one-word head', () => {
    const sheet: ParsedTable = { ...english, id: 'WEFT STATEMENT', title: 'WEFT STATEMENT', rows: [['Basic and diluted weft per share', '(0.04)', '(0.07)'], ['Sales and loom expenses', '1,200', '1,100']], rowPages: [40, 40] };
    const sheetFacts = factsOfTable({ table: sheet, report });
    const value = (question: string) => answerFromFacts(sheetFacts, analyseQuestion(question, tokenizer))?.fact.value;
    expect([value('what was weft per share in 2031?'), value('basic weft per share in 2031?')]).toEqual(['(0.04)', '(0.04)']);
    expect(value('what were expenses in 2031?')).toBeUndefined();
  });

  it('reads a noun that only measures the word before it ("the weft balance") as asking that word', () => {
    const sheet: ParsedTable = { ...english, id: 'BALANCE SHEETS', title: 'BALANCE SHEETS', rows: [['Weft and weft equivalents', '52,310', '48,775']], rowPages: [40] };
    const sheetFacts = factsOfTable({ table: sheet, report });
    const value = (question: string) => answerFromFacts(sheetFacts, analyseQuestion(question, tokenizer))?.fact.value;
    expect([value('what was the weft balance in 2031?'), value('weft level in 2031?')]).toEqual(['52,310', '52,310']);
    // A noun that names another thing keeps the word its modifier.
    expect(value('what was the weft rate in 2031?')).toBeUndefined();
    expect(analyseQuestion('what was the weft balance in 2031?', tokenizer).tokens).toEqual(['weft', '2031']);
  });

  it('reads a Chinese question that is nothing but a row label as asking its value', () => {
    expect([ask('净利润')?.value, ask('净利润？')?.value, ask('2030年净利润')?.value]).toEqual(['60,112,301.15', '60,112,301.15', '81,442,907.33']);
    // A label inside a question that asks for words is no amount asked; the moment of a balance is no such word.
    expect(ask('净利润的构成情况')).toBeUndefined();
    expect(ask('净利润期末余额')?.value).toBe('60,112,301.15');
  });

  it('reads the change column when the question asks how much a figure changed, and an abbreviation of a label', () => {
    expect(ask('2031年归属于母公司所有者的净利润比上年增减了多少？')?.value).toBe('-27.38%');
    expect(ask('归母净利润是多少？')?.value).toBe('58,100,000.00');
    expect(ask('营收多少')?.label).toBe('营业收入');
  });

  it('reads an abbreviation typed across the particles that link a modifier to its noun (那块的, 的)', () => {
    const notes: ParsedTable = {
      ...statement,
      id: '设计费用',
      title: '设计费用',
      rows: [
        ['设计费用', '4,100,000.00', '3,900,000.00', '5.13%'],
        ['其中：委托外部设计费用', '688,679.24', '1,562,961.78', '-55.94%'],
      ],
      rowPages: [90, 90],
    };
    const value = valueIn(notes);
    expect([value('2030年委外设计那块的费用花了多少'), value('2030年委外设计的费用是多少'), value('2030年委外设计费用')]).toEqual(['1,562,961.78', '1,562,961.78', '1,562,961.78']);
    expect(value('2030年设计费用是多少')).toBe('3,900,000.00');
  });

  it('matches a label whose conjunction the question says another way (和 for 及, 与, 、)', () => {
    const notes: ParsedTable = {
      ...statement,
      id: '管理费用',
      title: '管理费用',
      rows: [
        ['抛光及日常保养', '2,215,202.49', '3,596,619.69', '-38.41%'],
        ['差旅费', '812,000.00', '790,100.00', '2.77%'],
      ],
      rowPages: [91, 91],
    };
    const value = valueIn(notes);
    expect([value('2031年抛光和日常保养那一项花了多少钱'), value('2031年抛光与日常保养多少'), value('2031年抛光、日常保养多少')]).toEqual(['2,215,202.49', '2,215,202.49', '2,215,202.49']);
  });

  it('reads a row of the note a Chinese question names by its title, not the statement line the note breaks down', () => {
    const income: ParsedTable = { ...statement, rows: [['销售费用', '97,085,117.05', '126,997,066.87', '-23.55%']], rowPages: [64] };
    const note: ParsedTable = {
      ...statement,
      id: '30、销售费用',
      title: '30、销售费用',
      rows: [
        ['促销费', '5,260,765.63', '11,065,465.84', '-52.46%'],
        ['保修费', '38,321,773.50', '59,459,243.39', '-35.55%'],
      ],
      rowPages: [145, 145],
    };
    const value = valueIn(income, note);
    expect([value('销售费用明细里保修费那块，2031年花了多少？'), value('2031年销售费用里的保修费是多少')]).toEqual(['38,321,773.50', '38,321,773.50']);
    expect(value('2031年销售费用是多少')).toBe('97,085,117.05');
  });

  it('counts the noun before "加起来一共多少人", and reads the parent with its subsidiaries as the group', () => {
    const staff: ParsedTable = {
      ...companyInfo,
      id: '窑工数量',
      title: '窑工数量、专业构成',
      rows: [
        ['母公司在岗窑工的数量（人）', '1,204'],
        ['主要子公司在岗窑工的数量（人）', '318'],
        ['在岗窑工的数量合计（人）', '1,522'],
      ],
      rowPages: [47, 47, 47],
    };
    const value = valueIn(staff);
    expect(value('母公司加子公司，在岗窑工加起来一共多少人？')).toBe('1,522');
    expect(value('母公司在岗窑工有多少人？')).toBe('1,204');
  });

  it('names a company row without its legal form, and reads a 比例 column as the percentage asked', () => {
    const holders: ParsedTable = {
      ...statement,
      id: '前 10 名股东持股情况',
      title: '前 10 名股东持股情况',
      header: ['股东名称', '股东性质', '持股比例', '报告期末持股数量'],
      rows: [
        ['青禾窑业集团有限公司', '国有法人', '30.43%', '170,845,236'],
        ['蓝湾釉料股份有限公司', '境内非国有法人', '0.57%', '3,189,845'],
      ],
      rowPages: [37, 37],
      periods: [null, null, null, null],
      unit: null,
    };
    const value = valueIn(holders);
    expect([value('大股东青禾窑业集团手里握着百分之多少的股份？'), value('蓝湾釉料持股比例是多少')]).toEqual(['30.43%', '0.57%']);
  });

  it('reads a label without the unit and the qualifier in brackets that follow it one after the other', () => {
    const plan: ParsedTable = { ...companyInfo, id: '利润分配预案', title: '利润分配预案', rows: [['每 10 股派息数（元）（含税）', '6'], ['窑具更新金额（元）（含税）', '12,771,113.20']], rowPages: [33, 33] };
    const planFacts = factsOfTable({ table: plan, report });
    expect(planFacts.map((f) => f.label)).toEqual(['每 10 股派息数', '窑具更新金额']);
    expect(answerFromFacts(planFacts, analyseQuestion('窑具更新金额是多少？', tokenizer))?.fact.value).toBe('12,771,113.20');
  });

  it('takes no word the report prints for an abbreviation, and reads a year written with two digits', () => {
    const printedWords = new Set(['工资']);
    const withWords = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer), (term) => printedWords.has(term))?.fact;
    expect(withWords('归母净利润是多少？')?.value).toBe('58,100,000.00');
    expect([labelStrength('工程物资', '员工平均工资多少'), labelStrength('工程物资', '员工平均工资多少', (term) => printedWords.has(term))]).toEqual([1.48, 0]);
    expect(ask('30年净利润多少')?.value).toBe('81,442,907.33');
    expect(ask('近10年净利润多少')?.value).toBe('60,112,301.15');
    expect(ask('27年净利润多少')).toBeUndefined();
  });

  it('leaves a figure asked in another unit to the text that prints it so', () => {
    expect(ask('2031年净利润是多少万元？')).toBeUndefined();
  });

  it('answers a key-value pair by its label, and nothing when no label stands whole in the question', () => {
    expect(ask('董事会秘书是谁？')?.value).toBe('林小禾');
    expect(ask('营业成本是多少？')).toBeUndefined();
    expect(ask('2027年净利润是多少？')).toBeUndefined();
  });

  it('answers "which" with a name, never a bare number', () => {
    const auditors: ParsedTable = { ...companyInfo, id: '会计师事务所', title: '会计师事务所', rows: [['境内会计师事务所名称', '青禾会计师事务所'], ['境内会计师事务所审计服务的连续年限', '18']], rowPages: [30, 30] };
    const withAuditors = [...facts, ...factsOfTable({ table: auditors, report })];
    const which = (question: string) => answerFromFacts(withAuditors, analyseQuestion(question, tokenizer))?.fact.value;
    // (A name — the firm's, read by 境内会计师事务所名称 — never the bare number 18.)
    expect(which('哪家境内会计师事务所审计服务的连续年限？')).toBe('青禾会计师事务所');
    expect(which('境内会计师事务所审计服务的连续年限是多少？')).toBe('18');
  });

  it('answers "how much" with an amount, not with a share of it', () => {
    const shares: ParsedTable = { ...english, id: 'Customers', title: 'Significant customers', header: ['', 'Current year % of revenue', 'Prior year % of revenue'], rows: [['Quillcorp', '20 %', '18 %']], rowPages: [8] };
    const withShares = [...facts, ...factsOfTable({ table: shares, report })];
    const howMuch = (question: string) => answerFromFacts(withShares, analyseQuestion(question, tokenizer))?.fact.value;
    expect(howMuch('how much revenue did Quillcorp bring in this year?')).toBeUndefined();
    expect(howMuch('what percentage of revenue came from Quillcorp this year?')).toBe('20 %');
  });

  it('answers a count or an amount only with a value that has a figure', () => {
    expect(ask('股票简称是多少？')?.value).toBe('青禾智造');
    expect(ask('股票简称有多少个？')).toBeUndefined();
    expect(ask('股票简称的金额是多少？')).toBeUndefined();
    expect(['$ 1,204', '(309)', '约12', 'charge under IFRS 2', '第 3 名'].map(readsAsNumber)).toEqual([true, true, true, false, false]);
  });

  it('reads an English label by its head of two words or more before a qualifying phrase, below the label whole', () => {
    expect(labelStrength('Glimmer profit on quill sales', 'how much did glimmer profit grow?')).toBe(3);
    expect(labelStrength('Income from glimmer operations', 'what was income?')).toBe(0);
    expect(labelStrength('Net cash from/(used in) glimmer dealings', 'net glimmer cash flow?')).toBe(3);
    // (A cash flow's class is also named without "activities": here more of the label is asked.)
    expect(labelStrength('Net cash from/(used in) glimmer activities', 'net glimmer cash flow?')).toBe(5);
  });

  it('takes a word that begins like a month for a word ("margin", "decline"), a month name for a date', () => {
    expect(labelStrength('Glimmer margin', 'by how much did glimmer grow?')).toBe(0);
    expect(labelStrength('Glimmer margin', 'what was the glimmer margin?')).toBe(4);
    expect(labelStrength('Glimmer sales', 'glimmer sales in March?')).toBe(4);
  });

  it('keeps a bracketed short name that tells columns apart, and reads it as the column\'s name', () => {
    const segments: ParsedTable = {
      ...english,
      id: 'Segment information',
      title: 'Segment information',
      header: ['', 'Glimmer supplies (QX)', 'Glimmer supplies (Z&R)', 'Ember parts ($)', 'Total'],
      rows: [['Sales to outside members', '209,004', '10,810,151', '3,305,291', '14,324,446']],
      rowPages: [29],
      periods: [null, null, null, null, null],
    };
    const own = factsOfTable({ table: segments, report });
    expect(own.map((f) => f.attribute)).toEqual(['Glimmer supplies (QX)', 'Glimmer supplies (Z&R)', 'Ember parts', 'Total']);
    const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;
    expect([value('Z&R segment sales to outside members in 2031?'), value('What were QX sales to outside members?')]).toEqual(['10,810,151', '209,004']);
    expect([labelStrength('Glimmer supplies (QX)', 'QX sales?'), labelStrength('Glimmer supplies (QX)', 'QXR sales?'), labelStrength('Glimmer supplies (QX)', 'qx sales?')]).toEqual([1, 0, 0]);
  });

  it('gives the rows under a period row ("Group - 2030") that year where the columns name none', () => {
    const blocks: ParsedTable = {
      ...english,
      id: 'Segment results',
      title: 'Segment results',
      header: ['', 'Glimmer supplies', 'Ember parts', 'Total'],
      rows: [
        ['Group - 2031', '$', '$', '$'],
        ['Sales to outside members', '1,200', '800', '2,000'],
        ['Group - 2030', '$', '$', '$'],
        ['Sales to outside members', '1,100', '700', '1,800'],
      ],
      rowPages: [30, 30, 30, 30],
      periods: [null, null, null, null],
    };
    const own = factsOfTable({ table: blocks, report });
    expect(own.filter((f) => f.attribute === 'Glimmer supplies').map((f) => [f.year, f.value])).toEqual([
      [2031, '1,200'],
      [2030, '1,100'],
    ]);
    const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;
    expect([value('Glimmer supplies sales to outside members in 2030?'), value('Glimmer supplies sales to outside members?')]).toEqual(['1,100', '1,200']);
    // The reply says the block's year beside the column it read.
    const fact = answerFromFacts(own, analyseQuestion('Glimmer supplies sales to outside members in 2030?', tokenizer))?.fact;
    expect(fact && wordAnswer({ kind: 'fact', fact }, 'en').split('\n')[0]).toContain('(Glimmer supplies, 2030): 1,100');
  });

  it('names a label with or without the attributive 的 between a modifier and its noun', () => {
    expect([
      labelStrength('核验工程师姓名', '报告上核验的工程师是哪两位？'),
      labelStrength('公司的栖木代表', '公司栖木代表是谁？'),
      labelStrength('核验工程师姓名', '报告上核验了几位工程师？'),
    ]).toEqual([4.5, 6, 0]);
  });

  it('reads a label ending in a place noun by what is there when the question asks where', () => {
    expect([
      labelStrength('仓储地址', '栖木公司仓储在哪儿？'),
      labelStrength('经营场所', '栖木公司在什么地方经营？'),
      labelStrength('仓储地址', '栖木公司的仓储面积是多少？'),
      labelStrength('仓储地址的邮政编码', '栖木公司仓储在哪儿？'),
    ]).toEqual([1.5, 1.5, 0, 0]);
  });

  it('reads a label naming money spent on something by what it was spent on when the question asks what was spent', () => {
    expect([
      labelStrength('栖木投入金额', '栖木花了多少钱？'),
      labelStrength('栖木环保支出', '栖木环保花费多少？'),
      labelStrength('栖木投入金额', '栖木有多少员工？'),
      labelStrength('栖木投入占营业收入比例', '栖木花了多少钱？'),
    ]).toEqual([1.5, 3.5, 0, 0]);
  });

  it('measures a label whole: Chinese as one run of characters, English by every content word', () => {
    expect([labelStrength('营业收入', '公司的营业收入是多少'), labelStrength('营业收入', '营业总收入'), labelStrength('合计', '合计是多少')]).toEqual([4, 0, 0]);
    expect([labelStrength('Net sales', 'what were our net sales'), labelStrength('Net sales per store', 'net sales')]).toEqual([4, 0]);
    // A word in brackets is the other case of the word before it; either side of "A and B" is held in it.
    expect([labelStrength('Net Income (Loss)', 'what was our net loss in 2030?'), labelStrength('Net Income (Loss)', 'net income?'), labelStrength('Net Income (Loss)', 'net income or loss?')]).toEqual([3, 3, 6]);
    expect([labelStrength('Net (Loss) Income', 'what was our net loss in 2030?'), labelStrength('Net (Loss) Income', 'net income?')]).toEqual([3, 3]);
    expect(labelStrength('Payments to suppliers and employees', 'how many employees?')).toBe(0);
    expect([labelStrength('Cash and cash equivalents', 'cash at year end?'), labelStrength('Trade, other and sundry receivables', 'trade?')]).toEqual([1, 0]);
    // "is" is no plural of "i", and a letter of an exhibit number is no word.
    expect([labelStrength('26AS*', 'how many people as of December 31?'), labelStrength('27I*', 'what % of our workforce is female?'), labelStrength('Gas sales', 'gas sale?'), labelStrength('Net sales', 'net sale')]).toEqual([0, 0, 4, 4]);
    // A date names a point in time, not a row: "At 30 June" is no label for a question about June.
    expect(labelStrength('At 30 June', 'emissions for the year ended 30 June 2031')).toBe(0);
    // A rank's classifier (名, 大, 位, 家) is no part of what is ranked: "前七大" asks for "前七名".
    expect([labelStrength('前七名供货商合计采购金额占比', '前七大供货商采购占比？'), labelStrength('前12位会员合计积分', '前12名会员积分多少'), labelStrength('前七名供货商合计采购金额占比', '前八大供货商采购占比？')]).toEqual([8.46, 6.48, 0]);
    expect([askedYear(analyseQuestion('2030年营收', tokenizer), 2031), askedYear(analyseQuestion('上年营收', tokenizer), 2031), askedYear(analyseQuestion('营收', tokenizer), 2031)]).toEqual([2030, 2030, 2031]);
  });
});

/** Facts by row and a column heading that names no period, and answers computed from facts. */
describe('a table of the quarters of the report\'s year', () => {
  const quarter = (q: number) => ({ ...period(null), quarter: q });
  const quarters: ParsedTable = {
    ...statement,
    id: '分季度主要财务指标',
    title: '分季度主要财务指标',
    header: ['', '第一季度', '第二季度', '第三季度', '第四季度'],
    rows: [
      ['营业收入', '293,815,663.51', '240,016,977.81', '210,567,773.29', '180,758,103.61'],
      ['归属于上市公司股东的净利润', '108,575,879.86', '102,036,348.58', '71,507,876.37', '43,457,281.46'],
    ],
    rowPages: [9, 9],
    section: { id: '分季度主要财务指标', path: ['第二节 公司简介和主要财务指标', '分季度主要财务指标'] },
    periods: [null, quarter(1), quarter(2), quarter(3), quarter(4)],
  };
  const facts = [statement, quarters].flatMap((table) => factsOfTable({ table, report }));
  const ask = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;

  it('answers a quarter from its column, the year named or not, and the year from the year\'s own figure', () => {
    expect([ask('二季度营业收入多少'), ask('2031年第四季度营业收入是多少？'), ask('Q3 营业收入')]).toEqual(['240,016,977.81', '180,758,103.61', '210,567,773.29']);
    expect(ask('2031年营业收入是多少？')).toBe('925,158,518.22');
  });

  it('reads 股 as a unit only after a figure or 多少, not inside 股东', () => {
    expect([ask('2031年二季度归属于上市公司股东的净利润是多少'), ask('三季度营业收入是多少元')]).toEqual(['102,036,348.58', '210,567,773.29']);
  });
});

describe('attribute facts and computed answers', () => {
  const contacts: ParsedTable = {
    ...statement,
    id: '联系人和联系方式',
    title: '联系人和联系方式',
    page: 9,
    pages: [9],
    header: ['', '董事会秘书', '证券事务代表'],
    rows: [
      ['姓名', '林小禾', '周栖木'],
      ['电话', '0731-5550101', '0731-5550102'],
    ],
    rowPages: [9, 9],
    periods: [null, null, null],
    unit: null,
  };
  const products: ParsedTable = {
    ...statement,
    id: '表（第 14 页）',
    title: '',
    page: 14,
    pages: [14],
    header: ['', '营业收入', '营业成本', '毛利率'],
    rows: [
      ['风机叶片', '1,856,130,365.33', '1,560,660,021.18', '15.92%'],
      ['齿轮箱', '133,936,656.91', '128,930,100.05', '3.74%'],
      ['合计', '1,990,067,022.24', '1,689,590,121.23', '15.10%'],
    ],
    rowPages: [14, 14, 14],
    periods: [null, null, null, null],
    unit: { printed: '单位：元', unit: '元', currency: 'CNY', factor: 1 },
  };
  const balance: ParsedTable = {
    ...statement,
    id: '合并资产负债表',
    title: '合并资产负债表',
    page: 70,
    pages: [70],
    header: ['项目', '2031 年 12 月 31 日', '2031 年 01 月 01 日', '2030 年 12 月 31 日'],
    rows: [
      ['货币资金', '999,254,562.78', '658,960,047.31', '658,960,047.31'],
      ['研发投入金额', '37,663,753.74', '', '49,492,903.69'],
      ['研发投入占营业收入比例', '4.07%', '', '3.49%'],
    ],
    rowPages: [70, 70, 70],
    periods: [null, { ...period(2031), pointInTime: true }, { ...period(2031), pointInTime: true }, { ...period(2030), pointInTime: true }],
  };
  const segments: ParsedTable = {
    ...english,
    id: 'Segment information',
    title: 'Segment information',
    header: ['', 'Power', 'Total'],
    rows: [['Total assets', '9,100,233', '22,929,553']],
    rowPages: [30],
    periods: [null, null, null],
  };
  const all = [statement, english, contacts, products, balance, segments].flatMap((table) => factsOfTable({ table, report }));
  const factFor = (question: string) => answerFromFacts(all, analyseQuestion(question, tokenizer))?.fact;
  const compute = (question: string) => computeFromFacts(all, analyseQuestion(question, tokenizer));

  it('holds a question only against the facts it could name, and answers as a scan of every fact does', () => {
    const index = indexFacts(all);
    const questions = ['风机叶片毛利率多少？', '董秘是哪位？', '2030年研发投入金额', '归母净利润比上年少了多少', 'diluted EPS?', 'What were net sales in the prior year?', 'Total assets of Power', '营业收入和营业成本合计'];
    const viaIndex = questions.map((q) => answerFromFacts(factsAskedAbout(index, askedText(q)), analyseQuestion(q, tokenizer))?.fact.value);
    const viaScan = questions.map((q) => answerFromFacts(all, analyseQuestion(q, tokenizer))?.fact.value);
    expect(viaIndex).toEqual(viaScan);
    expect(viaIndex).toEqual(['15.92%', '林小禾', '49,492,903.69', undefined, '4.46', '4,225,304', '9,100,233', '1,990,067,022.24']);
    // "diluted EPS" could name only the labels holding "diluted", or the initials "e p": one row of the income statement.
    expect(factsAskedAbout(index, askedText('diluted EPS?')).map((f) => f.label)).toEqual(['Diluted earnings per share', 'Diluted earnings per share']);
    expect(factsAskedAbout(index, askedText('齿轮箱毛利率')).length).toBeLessThan(all.length / 4);
  });

  it('answers by a row and a column heading the question both names', () => {
    expect([factFor('风机叶片毛利率多少？')?.value, factFor('风机叶片毛利率多少？')?.attribute]).toEqual(['15.92%', '毛利率']);
    // The row alone asks nothing of an attribute column: the heading must be named too.
    expect(factFor('风机叶片是什么？')).toBeUndefined();
  });

  it('answers "who" by the heading of names beside the role the question names, abbreviated or whole', () => {
    expect(factFor('董秘是哪位？')?.value).toBe('林小禾');
    expect(factFor('证券事务代表是谁？')?.value).toBe('周栖木');
    // Not asked who: no name is offered for the role.
    expect(factFor('证券事务代表的电话')?.value).toBe('0731-5550102');
  });

  it('reads a year asked plainly at its end, not its opening balance, and a label by what it measures', () => {
    expect(factFor('2031年货币资金有多少？')?.value).toBe('999,254,562.78');
    expect(factFor('2031年年初货币资金有多少？')?.value).toBe('658,960,047.31');
    expect(factFor('2031年研发投入多少？')?.value).toBe('37,663,753.74');
  });

  it('takes no heading the row label already says, and no attribute column for another year', () => {
    expect(factFor('What were total assets in the prior year?')).toBeUndefined();
    expect(factFor('total assets?')).toBeUndefined();
  });

  it('computes a row’s change between the periods asked, exactly, from the printed operands', () => {
    // ("比30年" compares; its 比 ends no abbreviation of "研发投入占营业收入比例".)
    const fewer = compute('研发投入比30年少了多少？');
    expect(fewer?.op === 'difference' && [fewer.later.value, fewer.earlier.value, fewer.result]).toEqual(['37,663,753.74', '49,492,903.69', '-11,829,149.95']);
    const up = compute('how much did net income go up in the current year vs 2030?');
    expect(up?.op === 'difference' && up.result).toBe('16,347');
    // A question for the share of change reads the printed change column instead.
    expect(compute('净利润比上年增长了百分之多少？')).toBeNull();
  });

  it('computes how much a balance moved from the balance rows, never as a difference of a movement row', () => {
    const position: ParsedTable = {
      ...english,
      id: 'Statement of quorvex position',
      title: 'Statement of quorvex position',
      header: ['', 'Current year', 'Prior year'],
      rows: [['Glimmer and other payables', '5,549,921', '2,649,978']],
      rowPages: [17],
    };
    const flows: ParsedTable = {
      ...english,
      id: 'Statement of quorvex flows',
      title: 'Statement of quorvex flows',
      header: ['', 'Current year', 'Prior year'],
      rows: [['Increase/(decrease) in glimmer and other payables', '2,746,773', '(1,207,650)']],
      rowPages: [46],
    };
    const zh: ParsedTable = { ...statement, id: '现金流量表补充资料', title: '现金流量表补充资料', rows: [['栖木应付项目的增加（减少以“－”号填列）', '3,100.00', '-800.00']], rowPages: [90] };
    const own = [flows, position, zh].flatMap((table) => factsOfTable({ table, report }));
    const moved = computeFromFacts(own, analyseQuestion('By how much did glimmer and other payables increase between 2030 and 2031?', tokenizer));
    expect(moved?.op === 'difference' && [moved.later.label, moved.result]).toEqual(['Glimmer and other payables', '2,899,943']);
    expect(computeFromFacts(own, analyseQuestion('栖木应付项目的增加比上年多了多少？', tokenizer))).toBeNull();
  });

  it('adds up the rows a question names together, never a total row among them', () => {
    const both = compute('风机叶片和齿轮箱的营业收入合计是多少？');
    expect(both?.op === 'sum' && [both.parts.map((p) => p.label), both.result]).toEqual([['风机叶片', '齿轮箱'], '1,990,067,022.24']);
    expect(compute('风机叶片的营业收入合计是多少？')).toBeNull();
  });

  it('reads printed figures as plain decimals: separators, signs, brackets', () => {
    expect(['$ 125,196', '(1,577)', '-10.82%', '—', 'US$4.12', '1,2,3 4'].map(plainNumber)).toEqual(['125196', '-1577', '-10.82', null, '4.12', null]);
  });
});

describe('who holds a role a row names', () => {
  const officers: ParsedTable = {
    ...statement,
    id: 'Directors and senior management',
    title: 'Directors and senior management',
    page: 70,
    pages: [70],
    header: ['Name', 'Age', 'Position'],
    rows: [
      ['Ilse Marrow', '61', 'Chairwoman, President and Chief Executive Officer'],
      ['Tobin Quell', '55', 'Chief Financial Officer'],
    ],
    rowPages: [70, 70],
    periods: [null, null, null],
    unit: null,
  };
  const pay: ParsedTable = {
    ...officers,
    id: '董事、监事和高级管理人员报酬情况',
    header: ['姓名', '职务', '性别', '从公司获得的税前报酬总额'],
    rows: [
      ['林小禾', '董事长', '女', '12'],
      ['周栖木', '董事、总经理', '男', '74.3'],
    ],
  };
  const all = [officers, pay].flatMap((table) => factsOfTable({ table, report }));
  const who = (question: string) => answerFromFacts(all, analyseQuestion(question, tokenizer))?.fact.value;

  it('answers "who" by the row that names the role, one role of several in a cell, whole or by its initials', () => {
    expect([who("who's our CFO?"), who('Who is the Chief Executive Officer?'), who('董事长是谁？'), who('总经理是哪位？')]).toEqual(['Tobin Quell', 'Ilse Marrow', '林小禾', '周栖木']);
    // A name asked as 叫什么 or "the name of" is asked as 谁 is.
    expect([who('总经理叫什么？'), who('what is the name of the chief financial officer?')]).toEqual(['周栖木', 'Tobin Quell']);
  });

  it('names a role by its title without the last "of" complement, two words at least', () => {
    const board: ParsedTable = {
      ...officers,
      rows: [
        ['Ilse Marrow', '61', 'Chair of the Kiln Board of Trustees'],
        ['Tobin Quell', '55', 'Chair of the Glaze Committee'],
      ],
    };
    const facts = factsOfTable({ table: board, report });
    const holder = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect([holder("who's chair of the kiln board?"), holder('who is chair of the kiln board of trustees?')]).toEqual(['Ilse Marrow', 'Ilse Marrow']);
    // ("Chair" alone is the title of both: no role is named by one word.)
    expect(holder('who is the chair?')).toBeUndefined();
  });

  it('reads each role of a cell that lists a long title and a short one, and names the holder without the mark of a note about them', () => {
    const longer: ParsedTable = {
      ...officers,
      rows: [
        ['Orrin Vale (c)', '67', 'Senior Vice President of Glimmer Estates and Development, Secretary'],
        ['Wren Calloway (d)', '58', 'Wren Calloway joined the Company as head of the quill works at Brackwater, and now leads the dye house too'],
        ['Piers Quenby', '55', 'Chief quill officer and head of the weaving and dyeing works at Brackwater'],
      ],
    };
    const facts = factsOfTable({ table: longer, report });
    expect(answerFromFacts(facts, analyseQuestion('who acts as corporate secretary?', tokenizer))?.fact.value).toBe('Orrin Vale');
    // A cell as long as a sentence names no role.
    expect(facts.filter((f) => f.holder && f.value === 'Wren Calloway').map((f) => f.label)).toEqual([]);
    // Longer than one role, a cell names roles only in the case of titles.
    expect(facts.filter((f) => f.holder && f.value === 'Piers Quenby').map((f) => f.label)).toEqual([]);
  });

  it('reads a title with "and" both whole and as the roles it may join', () => {
    const titled: ParsedTable = {
      ...officers,
      rows: [
        ['Orrin Vale (a)', '57', 'Vice President of Glazes and Kilns'],
        ['Ilse Marrow (b)', '53', 'Chief Quill Officer and Warden'],
      ],
    };
    const facts = factsOfTable({ table: titled, report });
    expect(facts.filter((f) => f.holder).map((f) => [f.label, f.value])).toEqual([
      ['Vice President of Glazes and Kilns', 'Orrin Vale'],
      ['Vice President of Glazes', 'Orrin Vale'],
      ['Kilns', 'Orrin Vale'],
      ['Chief Quill Officer and Warden', 'Ilse Marrow'],
      ['Chief Quill Officer', 'Ilse Marrow'],
      ['Warden', 'Ilse Marrow'],
    ]);
    const holder = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact;
    expect([holder('who is our vice president of glazes & kilns?')?.label, holder('who is the warden?')?.value]).toEqual(['Vice President of Glazes and Kilns', 'Ilse Marrow']);
  });

  it('reads a role as the doer of the verb a "who" question asks: "who chairs" for a Chairwoman, "who audits" for an Auditor', () => {
    const advisers: ParsedTable = { ...officers, rows: [['Harrowgate Pike LLP', '', 'Auditor'], ['Ilse Marrow', '61', 'Chairwoman']] };
    const index = indexFacts(factsOfTable({ table: advisers, report }));
    const doer = (question: string) => answerFromFacts(factsAskedAbout(index, askedText(question)), analyseQuestion(question, tokenizer))?.fact.value;
    expect([doer('who chairs our board?'), doer('who audits the accounts?')]).toEqual(['Ilse Marrow', 'Harrowgate Pike LLP']);
    // A verb the role is not the doer of names no one.
    expect(doer('who chaperones the board?')).toBeUndefined();
  });

  it('takes no label-value pair for a holder, nor the report\'s own organisation for a role', () => {
    const info: ParsedTable = { ...officers, id: '公司信息', header: ['', ''], rows: [['公司的中文名称', '青禾智造股份有限公司'], ['Registered office', 'Qinghe Holdings Ltd']] };
    const signed: ParsedTable = { ...officers, id: 'Signatures', header: ['', '', ''], rows: [['/s/ Ilse Marrow', 'Qinghe Holdings Ltd', 'May 2, 2031']] };
    const own = { ...report, organisation: 'Qinghe Holdings Ltd' } as ReportMeta;
    const facts = [info, signed].flatMap((table) => factsOfTable({ table, report: own }));
    expect(answerFromFacts(facts, analyseQuestion('青禾智造股份有限公司的董事长是谁？', tokenizer))).toBeNull();
    expect(answerFromFacts(facts, analyseQuestion('Who is the secretary of Qinghe Holdings Ltd?', tokenizer))).toBeNull();
  });

  it('lists every holder of a role for "who are …", in the table\'s order, and one for "who is …"', () => {
    const signed: ParsedTable = {
      ...officers,
      id: 'Signatures',
      header: ['Signature', 'Title', 'Date'],
      rows: [
        ['/s/ Ilse Marrow', 'Warden, Chief Executive Officer', 'May 2, 2031'],
        ['/s/ Tobin Quell', 'Chief Financial Officer', 'May 2, 2031'],
        ['/s/ Odile Farrant', 'Warden', 'May 2, 2031'],
      ],
    };
    const facts = factsOfTable({ table: signed, report });
    const holders = (question: string) => {
      const found = answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact;
      return found ? holdersAsked(question, found, facts) : [];
    };
    // (Each the name signed, without the "/s/" of a typed signature.)
    expect(holders('who are the wardens?')).toEqual(['Ilse Marrow', 'Odile Farrant']);
    expect(holders('who is the chief financial officer?')).toEqual(['Tobin Quell']);
  });

  it('takes no value that only says again what its label or the question says', () => {
    // A signature block read as a table: the role under each signature, no name.
    const signature: ParsedTable = { ...officers, id: 'Signed on behalf of the Board', title: '', header: ['', ''], rows: [['Glimmer Warden', 'Glimmer Warden']], periods: [null, null] };
    const facts = factsOfTable({ table: signature, report });
    expect(answerFromFacts(facts, analyseQuestion('who are the glimmer wardens?', tokenizer))).toBeNull();
    // A value of words of its own still answers.
    const named: ParsedTable = { ...signature, rows: [['Glimmer Warden', 'Odile Farrant']] };
    expect(answerFromFacts(factsOfTable({ table: named, report }), analyseQuestion('who is the glimmer warden?', tokenizer))?.fact.value).toBe('Odile Farrant');
  });

  it('reads a glossary past the word that stands between each term and its meaning, and a count asked with a classifier only from a figure', () => {
    const glossary: ParsedTable = {
      ...companyInfo,
      id: '释义',
      title: '释义',
      rows: [
        ['释义项', '指', '释义内容'],
        ['青禾', '指', '青禾智造股份有限公司'],
        ['栖木釉料', '指', '栖木釉料科技有限公司'],
        ['', '', '（原栖木窑业）'],
        ['窑委会', '指', '青禾智造股份有限公司窑务委员会'],
      ],
      rowPages: [6, 6, 6, 6, 6],
    };
    const attendance: ParsedTable = {
      ...statement,
      id: '窑务委员出席窑委会的情况',
      title: '窑务委员出席窑委会的情况',
      header: ['委员姓名', '本报告期应参加窑委会次数', '现场出席窑委会次数'],
      rows: [['林小禾', '7', '5'], ['周青木', '6', '6']],
      rowPages: [66, 66],
      // (As ingest reads the heading: "本报告期" is the report's own period.)
      periods: [null, period(null, 'current'), null],
      unit: null,
    };
    const value = valueIn(glossary, attendance);
    expect([value('栖木釉料是什么公司'), value('窑委会指的是什么')]).toEqual(['栖木釉料科技有限公司, （原栖木窑业）', '青禾智造股份有限公司窑务委员会']);
    // "几次" counts times: the glossary's words for the committee are no count of them.
    expect(value('林小禾去年应该参加几次窑委会？')).toBe('7');
  });

  it('names a flow that opens with its verb by its object and a verb of the same direction', () => {
    const flows: ParsedTable = {
      ...statement,
      id: '合并现金流量表',
      title: '合并现金流量表',
      rows: [
        ['销售商品、提供劳务收到的现金', '1,020,331,400.12', '998,120,551.31'],
        ['收到的釉料返还', '42,118,300.45', '37,009,112.80'],
        ['支付的各项窑税', '19,402,511.73', '21,337,845.06'],
      ],
      rowPages: [70, 70, 71],
      periods: [null, period(2031), period(2030)],
    };
    const value = valueIn(flows);
    expect([value('31年实际收回来的釉料返还有多少？'), value('31年交出去的各项窑税是多少')]).toEqual(['42,118,300.45', '19,402,511.73']);
    // (A verb of the other direction names neither: what was paid out is no refund received.)
    expect(value('31年付出去的釉料返还有多少？')).toBeUndefined();
  });

  it('never reads a label of "the other" kind (其他…) as the kind a question names without 其他', () => {
    const others: ParsedTable = {
      ...statement,
      id: '按欠款方归集的期末余额前五名的其他窑具款情况',
      title: '按欠款方归集的期末余额前五名的其他窑具款情况',
      header: ['单位名称', '其他窑具款期末余额', '占其他窑具款期末余额合计数的比例'],
      rows: [
        ['栖木釉料有限公司', '1,000,000.00', '60.00%'],
        ['合计', '1,665,000.00', '99.93%'],
      ],
      rowPages: [134, 134],
      periods: [null, null, null],
    };
    const value = valueIn(others);
    expect(value('窑具款前五名合计占窑具款期末余额的比例是多少')).toBeUndefined();
    expect(value('其他窑具款前五名合计占其他窑具款期末余额的比例是多少')).toBe('99.93%');
  });

  it('answers "who" from a directory of records by the name heading the record that holds the role', () => {
    const directory: ParsedTable = {
      ...officers,
      id: 'Information on directors',
      header: ['', ''],
      keyValue: true,
      rows: [
        ['Other directorships:', 'Quill Partners'],
        ['Name:', 'Mr. Orrin Vale'],
        ['Title:', 'Director – Non-Executive'],
        ['Name:', 'Ms. Petra Lune'],
        ['Title:', 'Director – Executive and Chief Glimmer Officer'],
        ['Qualifications:', 'Master of Tidal Engineering'],
        ['Interests in shares:', '1,200 Ordinary Shares'],
      ],
      rowPages: [7, 7, 7, 7, 7, 7, 7],
      periods: [null, null],
    };
    const facts = factsOfTable({ table: directory, report });
    const whoIn = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect([whoIn('Who is the Chief Glimmer Officer?'), whoIn('who has a Master of Tidal Engineering?')]).toEqual(['Ms. Petra Lune', 'Ms. Petra Lune']);
    // A role set off from its qualifier by a dash is named by the role alone.
    const warden: ParsedTable = { ...directory, rows: [['Name:', 'Mr. Tobin Quell'], ['Title:', 'Glimmer Warden – Non-Executive']], rowPages: [7, 7] };
    expect(answerFromFacts(factsOfTable({ table: warden, report }), analyseQuestion('who is the glimmer warden?', tokenizer))?.fact.value).toBe('Mr. Tobin Quell');
    // (A value above the first name row belongs to a record that began before the table.)
    expect(whoIn('Who sits on Quill Partners?')).toBeUndefined();
  });

  it('answers for a whole by its amount, not by the 100% its total row makes of a breakdown in shares', () => {
    const shares: ParsedTable = {
      ...english,
      id: 'Kiln revenue by harbour, as a percentage of our total revenue, was as follows',
      title: 'Kiln revenue by harbour, as a percentage of our total revenue, was as follows',
      header: ['', '2031', '2030'],
      rows: [['Quillport', '85 %', '84 %'], ['Total revenue', '100 %', '100 %']],
      rowPages: [51, 51],
      periods: [null, period(2031), period(2030)],
      unit: null,
    };
    const amounts: ParsedTable = { ...shares, id: 'Table (page 29)', title: '', rows: [['Quillport', '900', '850'], ['Total revenue', '1,000', '990']], rowPages: [29, 29], unit: english.unit };
    const facts = [shares, amounts].flatMap((table) => factsOfTable({ table, report }));
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('What was our total revenue in 2031?')).toBe('1,000');
    expect(valueFor('What percentage of total revenue came from Quillport in 2031?')).toBe('85 %');
  });

  it('reads a one-word label before the noun its table is of as the two words together, unless the question names the table as where to look', () => {
    const byHarbour: ParsedTable = {
      ...english,
      id: 'Revenue by harbour for 2031 and 2030 was as follows',
      title: 'Revenue by harbour for 2031 and 2030 was as follows',
      header: ['', '2031', '2030'],
      rows: [['Quillport (principally the north quay)', '900', '850'], ['Brackwater', '100', '140'], ['Total kiln revenue', '1,000', '990']],
      rowPages: [29, 29, 29],
      periods: [null, period(2031), period(2030)],
    };
    const income: ParsedTable = { ...english, header: ['', '2031', '2030'], periods: [null, period(2031), period(2030)], rows: [['Revenue', '5,000', '4,800'], ['Kiln costs', '(3,000)', '(2,900)'], ['Net income', '2,000', '1,900']], rowPages: [44, 44, 44] };
    const flows: ParsedTable = {
      ...income,
      id: 'CONSOLIDATED STATEMENTS OF GLIMMER FLOWS',
      title: 'CONSOLIDATED STATEMENTS OF GLIMMER FLOWS',
      rows: [['Payment of dividends', '(21,630)', '(20,115)'], ['Net change in glimmer', '12', '(8)'], ['Glimmer and glimmer equivalents', '97,402', '96,118']],
    };
    const facts = [byHarbour, income, flows].flatMap((table) => factsOfTable({ table, report }));
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('quillport revenue for 2031?')).toBe('900');
    // ("glimmer flow stmt" names the statement to read: "glimmer … flow" there is no balance of glimmer.
    // The payment's label is read by the words of its own; none here names it whole.)
    expect(valueFor('how much glimmer actually went out on dividends in 2031? (glimmer flow stmt)')).not.toBe('97,402');
  });

  it('answers for the parent alone by no figure of the group\'s statement, unless the row itself is of the parent', () => {
    const group: ParsedTable = {
      ...english,
      id: 'CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME',
      title: 'CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME',
      header: ['', '2031 £’000', '2030 £’000'],
      rows: [['Administrative expenses', '(517)', '(488)'], ['Profit attributable to owners of the parent', '73', '(212)']],
      rowPages: [22, 22],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: group, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('what were administrative expenses for the parent company alone in 2031?')).toBeUndefined();
    expect(valueFor('what were administrative expenses in 2031?')).toBe('(517)');
    expect(valueFor('profit attributable to owners of the parent in 2031?')).toBe('73');
  });

  it('answers what moved from a roll-forward row between two balances, not from a balance', () => {
    const rollForward: ParsedTable = {
      ...english,
      id: 'Kiln assets',
      title: 'Kiln assets',
      header: ['Group', '2031 £’000', '2030 £’000'],
      rows: [['At 1 January', '3,910', '3,602'], ['Exchange movements', '175', '61'], ['Additions', '344', '247'], ['At 31 December', '4,429', '3,910']],
      rowPages: [42, 42, 42, 42],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: rollForward, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('how much of the kiln asset increase in 2031 was exchange movements?')).toBe('175');
    // (A balance is no change: asked how it changed, it is not the answer.)
    expect(valueFor('how did the balance at 31 December change in 2031?')).toBeUndefined();
  });

  it('names a place row by the place\'s adjective: -an, -n and -ese endings', () => {
    const regions: ParsedTable = {
      ...english,
      id: 'Kiln sales by region',
      title: 'Kiln sales by region',
      header: ['', 'Sales to external customers 2031 $', 'Sales to external customers 2030 $'],
      rows: [['Freedonie', '303,920', '2,810,016'], ['Vantoria', '1,643,041', '1,540,462'], ['Quorva', '17,353', '68,713'], ['Brillon', '25,615', '21,972']],
      rowPages: [30, 30, 30, 30],
      periods: [null, period(2031), period(2030)],
    };
    const valueFor = valueIn(regions);
    expect([
      valueFor('sales to freedonian customers in 2031?'),
      valueFor('sales to vantorian customers in 2031?'),
      valueFor('sales to quorvese customers in 2030?'),
      valueFor('sales to brillonese customers in 2030?'),
    ]).toEqual(['303,920', '1,643,041', '68,713', '21,972']);
    // (An adjective of no place the table names, nor a word that merely ends alike, names no row.)
    expect([valueFor('sales to tarnwickian customers in 2031?'), valueFor('sales to freedo customers in 2031?')]).toEqual([undefined, undefined]);
  });

  it('reads a row\'s Total column as the whole of what the note over the table is about', () => {
    const reconciliation = (note: string, rows: string[][], first = 'Kilns $'): ParsedTable => ({
      ...english,
      id: `${note} Reconciliations`,
      title: 'Reconciliations',
      header: ['Consolidated', first, 'Moulds $', 'Total $'],
      rows,
      rowPages: rows.map(() => 36),
      section: { id: 'Reconciliations', path: [note, 'Reconciliations'] },
      periods: [null, null, null, null],
      unit: null,
    });
    const plant = reconciliation('Note 12. Kiln plant and equipment', [
      ['Balance at 1 July 2029', '4,120', '2,310', '6,430'],
      ['Additions', '210', '95', '305'],
      ['Balance at 30 June 2030', '4,330', '2,405', '6,735'],
      ['Additions', '388', '117', '505'],
      ['Balance at 30 June 2031', '4,718', '2,522', '7,240'],
    ], 'Kiln plant $');
    const rightOfGlaze = reconciliation('Note 13. Right-of-glaze assets', [
      ['Balance at 1 July 2029', '900', '310', '1,210'],
      ['Additions', '40', '12', '52'],
      ['Balance at 30 June 2030', '940', '322', '1,262'],
      ['Additions', '71', '29', '100'],
      ['Balance at 30 June 2031', '1,011', '351', '1,362'],
    ]);
    const valueFor = valueIn(plant, rightOfGlaze);
    expect([valueFor('kiln plant and equipment additions in 2031?'), valueFor('right-of-glaze asset additions in 2031?'), valueFor('ROG asset additions in 2030?')]).toEqual(['505', '100', '52']);
    // (A question naming a column reads that column; a column whose words the note's heading says too,
    // "Kiln plant" under "Kiln plant and equipment", is not named apart from it: the first answer is 505.)
    expect(valueFor('right-of-glaze asset additions to moulds in 2031?')).toBe('29');
    // (Every part of a hyphenated compound gives an initial: "right-of-glaze" is ROG.)
    expect([labelSpells('Right-of-glaze assets', 'ROG'), labelSpells('Right-of-glaze assets', 'RGA')]).toEqual([true, false]);
    expect(tableHeadings(plant)).toEqual(['Reconciliations', 'Note 12. Kiln plant and equipment']);
  });

  it('names a holder by its name without the legal form, and its percentage by a question for a percentage', () => {
    const holders: ParsedTable = {
      ...english,
      id: 'Substantial glimmer holders',
      title: 'Substantial glimmer holders',
      header: ['', 'Number held', '% of total quills issued'],
      rows: [['QUORVEX HOLDINGS (FREEDONIA) PTY LTD', '224,000,000', '16.40'], ['ADA BRILL', '70,000,000', '5.12']],
      rowPages: [55, 55],
      periods: [null, null, null],
    };
    const facts = factsOfTable({ table: holders, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('what % of our quills does quorvex holdings hold?')).toBe('16.40');
    expect(valueFor('what % of our quills does ada brill hold?')).toBe('5.12');
    // The sign typed as a word, after no figure, asks the percentage too.
    expect(valueFor("ada brill's % of our quills?")).toBe('5.12');
    // (A sign after a figure is that figure's unit: the question asks the number held.)
    expect(valueFor('number held by ada brill, a 5% holder?')).toBe('70,000,000');
  });

  it('answers no count by a percentage, a share of something', () => {
    const shares: ParsedTable = {
      ...english,
      id: 'Share of net billed quill accounts receivable',
      title: 'Share of net billed quill accounts receivable',
      header: ['', '2031', '2030'],
      rows: [['Quorvex', '17 %', '20 %']],
      rowPages: [55],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: shares, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('how many quorvex accounts are on our books in 2031?')).toBeUndefined();
  });

  it('takes no row that is the organisation itself by name for a question that names the organisation', () => {
    const own = { ...report, organisation: 'Quorvex Holdings Pty Ltd' } as ReportMeta;
    const graph: ParsedTable = {
      ...english,
      id: 'Total glimmer return',
      title: 'Total glimmer return',
      header: ['', '2031'],
      rows: [['Quorvex Holdings Pty Ltd', '224.84'], ['Glimmer index', '180.10']],
      rowPages: [12, 12],
      periods: [null, period(2031)],
    };
    const facts = factsOfTable({ table: graph, report: own });
    expect(answerFromFacts(facts, analyseQuestion("what were quorvex holdings' kiln sales per square foot in 2031?", tokenizer))?.fact.value).toBeUndefined();
  });

  it('reads the prefix non- as the word not, in the question and in the label', () => {
    const reconciliation: ParsedTable = {
      ...english,
      id: 'Quill levy reconciliation',
      title: 'Quill levy reconciliation',
      header: ['', '2031 £’000', '2030 £’000'],
      rows: [['Loss before quill levy', '(412)', '(377)'], ['Glimmer gains not taxable', '(23)', '(4)'], ['Non-deductible kiln costs', '17', '9']],
      rowPages: [41, 41, 41],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: reconciliation, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('how much for non-taxable glimmer gains in 2031?')).toBe('(23)');
    expect(valueFor('kiln costs not deductible in 2031?')).toBe('17');
    expect(valueFor('non-deductible kiln costs in 2031?')).toBe('17');
  });

  it('answers a question for a change from a row whose label names that change, as from a change column', () => {
    const cashFlows: ParsedTable = {
      ...english,
      id: 'Statement of Kiln Flows',
      title: 'Statement of Kiln Flows',
      header: ['', '2031 £’000', '2030 £’000'],
      rows: [['Loss before quill levy', '(412)', '(377)'], ['Change in fair value of glimmer holdings', '(96)', '(11)'], ['Zorblat sales', '52', '40']],
      rowPages: [28, 28, 28],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: cashFlows, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('what fair value change on glimmer holdings was there in 2031?')).toBe('(96)');
    // (A row that names no change is still no answer to one.)
    expect(valueFor('how did zorblat sales change in 2031?')).toBeUndefined();
  });

  it('answers for the parent alone only from a table its title, column or note heading says is the parent\'s', () => {
    const summary: ParsedTable = {
      ...english,
      id: 'Five-year glimmer summary',
      title: 'Five-year glimmer summary',
      header: ['', '2031 $', '2030 $'],
      rows: [['Kiln revenue', '16,300', '13,200'], ['Loss after quill levy', '(910)', '(655)']],
      rowPages: [12, 12],
      periods: [null, period(2031), period(2030)],
      section: { id: 'Additional information', path: ['Remuneration report', 'Additional information'] },
    };
    const parentNote: ParsedTable = {
      ...english,
      id: 'Statement of kiln income',
      title: 'Statement of kiln income',
      header: ['', '2031 $', '2030 $'],
      rows: [['Loss after quill levy', '(229)', '(104)']],
      rowPages: [48, 48],
      periods: [null, period(2031), period(2030)],
      section: { id: 'Note 27', path: ['Note 27. Parent entity information'] },
    };
    const facts = [summary, parentNote].flatMap((table) => factsOfTable({ table, report }));
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    // (A summary naming no entity is the group's: the parent's revenue is not printed.)
    expect(valueFor('kiln revenue of the parent entity alone in 2031?')).toBeUndefined();
    expect(valueFor('loss after quill levy of the parent entity in 2031?')).toBe('(229)');
    // (Not asked for the parent, the parent's note is not the answer: the group's figure is.)
    expect(valueFor('loss after quill levy in 2031?')).toBe('(910)');
  });

  it('reads a row named after a numbered provision by the number and what follows, without the word for its kind', () => {
    const reconciliation: ParsedTable = {
      ...english,
      id: 'Ember levy reconciliation',
      title: 'Ember levy reconciliation',
      header: ['', '2031', '2030'],
      rows: [['Levy at the statutory rate', '9,315', '8,842'], ['Section 88(k) kiln limitation', '1,744', '1,208'], ['Other', '(171)', '(102)']],
      rowPages: [65, 65, 65],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: reconciliation, report });
    expect(answerFromFacts(facts, analyseQuestion('how much did the 88(k) kiln limitation add in 2031?', tokenizer))?.fact.value).toBe('1,744');
  });

  it('reads a person\'s row under a column heading by the person\'s names, without the courtesy title', () => {
    const pay: ParsedTable = {
      ...english,
      id: 'Table (page 11)',
      title: '',
      header: ['', 'Cash salary and fees', 'Kiln bonus', 'Total'],
      rows: [['Ms. Ada Quill', '212,400', '18,300', '230,700'], ['Mr. Otto Penn', '98,150', '6,020', '104,170']],
      rowPages: [11, 11],
      periods: [null, null, null, null],
    };
    const facts = factsOfTable({ table: pay, report });
    expect(answerFromFacts(facts, analyseQuestion("ada quill's total pay?", tokenizer))?.fact.value).toBe('230,700');
  });

  it('gives each amount of a column the currency its first amount is printed with', () => {
    const customers: ParsedTable = {
      ...english,
      id: 'Kiln customers were as follows',
      title: 'Kiln customers were as follows',
      header: ['', '2031 Amount', '2031 % of revenue'],
      rows: [['Quillport Ltd', '$ 731', '20 %'], ['Brackwater plc', '615', '19 %']],
      rowPages: [8, 8],
      periods: [null, period(2031), period(2031)],
      unit: { printed: '(in millions)', unit: 'million', currency: '', factor: 1_000_000 },
    };
    const facts = factsOfTable({ table: customers, report });
    expect(facts.filter((f) => f.column === 1).map((f) => [f.label, f.value, f.unit])).toEqual([
      ['Quillport Ltd', '$ 731', '$ million'],
      ['Brackwater plc', '615', '$ million'],
    ]);
    // (A question in the table's scale still reads it.)
    expect(answerFromFacts(facts, analyseQuestion('brackwater plc 2031 amount, in million?', tokenizer))?.fact.value).toBe('615');
  });

  it('answers a question for a rate with no amount of money, unless the row or column says it holds rates', () => {
    const debt: ParsedTable = {
      ...english,
      id: 'Kiln debt',
      title: 'Kiln debt',
      header: ['', '2031', '2030'],
      rows: [['Kiln term loan', '$ 91,400', '$ 93,200'], ['Kiln revolver', '$ 20,000', '$ 0']],
      rowPages: [9, 9],
      periods: [null, period(2031), period(2030)],
    };
    const facts = factsOfTable({ table: debt, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor('what interest rate were we paying on the kiln term loan in 2031?')).toBeUndefined();
    expect(valueFor('how much was the kiln term loan in 2031?')).toBe('$ 91,400');
    // (So is an amount whose column heading prints the currency: "Consolidated 2031 $".)
    const headed = factsOfTable({ table: { ...debt, header: ['', 'Consolidated 2031 $', 'Consolidated 2030 $'], rows: [['Kiln term loan', '91,400', '93,200']] }, report });
    expect(answerFromFacts(headed, analyseQuestion('what interest rate were we paying on the kiln term loan in 2031?', tokenizer))?.fact.value).toBeUndefined();
    // (A column of rates answers it: "5.875%" is a rate, whatever the table's other columns hold.)
    const withRates = factsOfTable({ table: { ...debt, header: ['', '2031', '2031 Interest rate'], periods: [null, period(2031), period(2031)], rows: [['Kiln term loan', '$ 91,400', '5.875%']] }, report });
    expect(answerFromFacts(withRates, analyseQuestion('what interest rate were we paying on the kiln term loan in 2031?', tokenizer))?.fact.value).toBe('5.875%');
  });

  it('answers a question for a rate or a share with a figure, never with a value in words', () => {
    const directory: ParsedTable = { ...companyInfo, id: 'Corporate directory', title: 'Corporate directory', rows: [['Auditor', 'Vale & Co Audit Pty Ltd'], ['Ember offset rate', '38.5%']], rowPages: [3, 3] };
    const facts = factsOfTable({ table: directory, report });
    const valueFor = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect(valueFor("what rate is the kiln offset (per the auditor's report)?")).toBeUndefined();
    expect(valueFor("what rate is the ember offset (per the auditor's report)?")).toBe('38.5%');
    expect(valueFor('who is the auditor?')).toBe('Vale & Co Audit Pty Ltd');
  });

  it('answers nothing but "who" from a role: the row of a role is no figure', () => {
    expect(answerFromFacts(all, analyseQuestion('总经理的报酬是多少？', tokenizer))?.fact.holder).not.toBe(true);
    expect(who('How old is the Chief Financial Officer?')).not.toBe('Tobin Quell');
  });
});

describe('rows labelled alike under different group headings', () => {
  const income: ParsedTable = {
    ...english,
    id: 'CONSOLIDATED STATEMENTS OF INCOME (2)',
    header: ['', 'Current year', 'Prior year'],
    rows: [
      ['Weighted-average shares outstanding:', '', ''],
      ['Basic', '30,923', '31,734'],
      ['Diluted', '31,298', '32,010'],
      ['Earnings per common share:', '', ''],
      ['Basic', '1.42', '2.68'],
      ['Diluted', '1.41', '2.66'],
    ],
    rowPages: [44, 44, 44, 44, 44, 44],
  };
  const facts = factsOfTable({ table: income, report });
  const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;

  it('keeps the group heading of each row and tells alike rows apart by it', () => {
    expect(facts.filter((f) => f.label === 'Diluted' && f.year === 2031).map((f) => [f.group, f.value])).toEqual([
      ['Weighted-average shares outstanding', '31,298'],
      ['Earnings per common share', '1.41'],
    ]);
    expect([value('What were diluted earnings per share this year?'), value('How many diluted shares were outstanding in the prior year?')]).toEqual(['1.41', '32,010']);
    // Under a per-share heading a row takes no "in thousands".
    expect(facts.filter((f) => f.label === 'Diluted' && f.year === 2031).map((f) => f.unit)).toEqual(['thousand', '']);
  });
});

describe('group headings printed without a colon', () => {
  const position: ParsedTable = {
    ...english,
    id: 'STATEMENT OF QUILL POSITION',
    title: 'Statement of quill position',
    rows: [
      ['Current liabilities', '', ''],
      ['Glimmer loans', '1,122', '154'],
      ['Total current liabilities', '8,613', '4,782'],
      ['Non-current liabilities', '', ''],
      ['Glimmer loans', '4,151', '2,439'],
      ['', '4,961', '3,358'],
      ['Cash held in quills', '9,000', '7,500'],
    ],
    rowPages: [17, 17, 17, 17, 17, 17, 17],
  };
  const facts = factsOfTable({ table: position, report });
  const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
  const groupOf = (label: string) => facts.filter((f) => f.label === label && f.year === 2031).map((f) => f.group);

  it('takes a short English phrase over rows as their group, up to the row that sums it', () => {
    expect(groupOf('Glimmer loans')).toEqual(['Current liabilities', 'Non-current liabilities']);
    expect(groupOf('Total current liabilities')).toEqual(['Current liabilities']);
    // Closed by its total, or by a subtotal printed without a label.
    expect(groupOf('Cash held in quills')).toEqual([null]);
    expect([value('non-current glimmer loans this year?'), value('current glimmer loans this year?')]).toEqual(['4,151', '1,122']);
  });

  it('takes no blank Chinese row as a heading: a Chinese statement leaves a nil item blank', () => {
    const chinese: ParsedTable = {
      ...statement,
      rows: [
        ['流动负债：', '', '', ''],
        ['栖木借款', '', '', ''],
        ['短期借款', '100.00', '90.00', '11.11%'],
        ['流动负债合计', '300.00', '200.00', '50.00%'],
        ['应付栖木款', '80.00', '70.00', '14.29%'],
      ],
      rowPages: [60, 60, 60, 60, 60],
    };
    const groups = factsOfTable({ table: chinese, report }).filter((f) => f.year === 2031 && !f.change).map((f) => [f.label, f.group]);
    expect(groups).toEqual([
      ['短期借款', '流动负债'],
      ['流动负债合计', '流动负债'],
      ['应付栖木款', null],
    ]);
  });
});

describe('a label read by the head noun of what it is of', () => {
  const flows: ParsedTable = {
    ...english,
    id: 'STATEMENTS OF CASH FLOWS',
    title: 'Consolidated statements of cash flows',
    rows: [
      ['Repurchase of common quill stock', '(96,720)', '(36,011)'],
      ['Proceeds from sale of kilns, looms and quills', '1,204', '998'],
      ['Cash and cash equivalents', '150,365', '186,013'],
    ],
    rowPages: [47, 47, 47],
  };
  const facts = factsOfTable({ table: flows, report });
  const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;

  it('reads "repurchasing stock" as the repurchase of common quill stock, before a row that only holds cash', () => {
    expect(value('how much cash did we spend repurchasing stock this year? cash flow stmt')).toBe('(96,720)');
  });

  it('reads no head out of a list of things', () => {
    expect(labelStrength('Proceeds from sale of kilns, looms and quills', 'proceeds from sale of quills?')).toBe(0);
  });
});

describe('an abbreviation that blends the first letters of its words', () => {
  const regions: ParsedTable = {
    ...english,
    id: 'Glimmer revenue by region',
    title: 'Glimmer revenue by region',
    rows: [
      ['Americas', '880,120', '801,004'],
      ['Asia Pacific', '45,676', '41,628'],
      ['Latin America', '12,310', '11,902'],
      ['Quill operating expenses', '9,001', '8,750'],
    ],
    rowPages: [29, 29, 29, 29],
  };
  const facts = factsOfTable({ table: regions, report });
  const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;

  it('names the label whose words give it their first letters in turn', () => {
    expect([value('APAC this year?'), value('LATAM this year?'), value('quill OPEX this year?')]).toEqual(['45,676', '12,310', '9,001']);
  });

  it('names no label whose words do not begin its letters in order', () => {
    expect(value('APEX this year?')).toBeUndefined();
  });
});

describe('values that run on over lines of their own', () => {
  it('joins the lines under a key-value pair that have no label to its value', () => {
    const directory: ParsedTable = {
      ...companyInfo,
      id: 'Corporate directory',
      title: 'Corporate directory',
      header: ['', ''],
      rows: [
        ['Directors', 'Ms Wren Calloway'],
        ['', 'Mr Piers Quenby'],
        ['Registered office', '14 Ember Street'],
        ['', 'GLIMMERTON, VIC 3999'],
        ['Share register', 'Quillstone Registry Services'],
        ['Website', 'www.glimmer-example.test'],
      ],
      rowPages: [3, 3, 3, 3, 3, 3],
    };
    expect(factsOfTable({ table: directory, report }).map((f) => [f.label, f.value])).toEqual([
      ['Directors', 'Ms Wren Calloway, Mr Piers Quenby'],
      ['Registered office', '14 Ember Street, GLIMMERTON, VIC 3999'],
      ['Share register', 'Quillstone Registry Services'],
      ['Website', 'www.glimmer-example.test'],
    ]);
  });

  it('joins no amount: a number with no label under label-value pairs is their subtotal', () => {
    const pairs: ParsedTable = { ...english, id: 'Table (page 9)', title: '', header: ['', ''], periods: undefined, unit: null, rows: [['Quill sales', 'Glimmer Road depot'], ['', 'Brackwater'], ['Kiln sales', '1,200'], ['', '2,400']], rowPages: [9, 9, 9, 9] };
    expect(factsOfTable({ table: pairs, report }).map((f) => [f.label, f.value])).toEqual([
      ['Quill sales', 'Glimmer Road depot, Brackwater'],
      ['Kiln sales', '1,200'],
    ]);
  });
});

describe('a list of pages', () => {
  const contents: ParsedTable = {
    ...companyInfo,
    id: 'Index to statements',
    title: 'Index to statements',
    rows: [['Statements', 'Page'], ['Report of the glimmer auditors', '20'], ['Consolidated Balance Sheets', '22'], ['Consolidated Statements of Income', '23'], ['Notes to Statements', '27'], ['Exhibit', 'Quill bylaws']],
    rowPages: [19, 19, 19, 19, 19, 19],
  };
  const withPages = { ...report, pages: 60 };

  it('gives no facts: its numbers say where things are printed', () => {
    expect(factsOfTable({ table: contents, report: withPages }).map((f) => `${f.label}: ${f.value}`)).toEqual(['Statements: Page', 'Exhibit: Quill bylaws']);
  });

  it('is not a key-value table whose numbers go down, exceed the pages, or are too few', () => {
    const counts = (rows: string[][]) => factsOfTable({ table: { ...contents, rows }, report: withPages }).length;
    expect(counts([['Glimmer stores', '22'], ['Quill depots', '20'], ['Warehouses', '23'], ['Offices', '27']])).toBe(4);
    expect(counts([['Glimmer stores', '20'], ['Quill depots', '22'], ['Warehouses', '230'], ['Offices', '270']])).toBe(4);
    expect(counts([['Glimmer stores', '20'], ['Quill depots', '22'], ['Warehouses', '23']])).toBe(3);
  });
});

describe('a total row', () => {
  const depots: ParsedTable = {
    ...english,
    id: 'GLIMMER DEPOTS',
    title: 'GLIMMER DEPOTS',
    rows: [
      ['North', '5', '4'],
      ['South', '7', '6'],
      ['Total', '12', '10'],
    ],
    rowPages: [30, 30, 30],
    unit: null,
  };
  const totals = factsOfTable({ table: depots, report });
  const askTotal = (question: string) => answerFromFacts(totals, analyseQuestion(question, tokenizer))?.fact.value;

  it('answers for what its table is about, not for any question that says "total"', () => {
    expect(askTotal('What was the total of glimmer depots in the current year?')).toBe('12');
    expect(askTotal('What total quill compensation was paid in the current year?')).toBeUndefined();
  });
});

describe('a two-character label', () => {
  const balanceSheet: ParsedTable = {
    ...statement,
    id: '合并资产负债表',
    title: '合并资产负债表',
    header: ['项目', '2031 年 12 月 31 日', '2030 年 12 月 31 日'],
    rows: [
      ['存货', '89,884,492.26', '106,774,151.04'],
      ['其他', '1,200.00', '1,100.00'],
    ],
    rowPages: [73, 73],
    periods: [null, { ...period(2031), pointInTime: true }, { ...period(2030), pointInTime: true }],
  };
  const profile: ParsedTable = { ...companyInfo, id: '公司简介', title: '公司简介', rows: [['地址', '云水市兰台路 6 号']], rowPages: [8] };
  const short = [balanceSheet, profile].flatMap((table) => factsOfTable({ table, report }));
  const askShort = (question: string) => answerFromFacts(short, analyseQuestion(question, tokenizer))?.fact.value;

  it('names a statement line item whole, but not a word every table has nor a field of a key-value table', () => {
    expect(askShort('去年年底存货还剩多少钱？')).toBe('89,884,492.26');
    expect(askShort('其他业务收入是多少？')).toBeUndefined();
    expect(askShort('研发中心的地址在哪里？')).toBeUndefined();
  });
});

describe('the parent beside the group', () => {
  const parentOnly: ParsedTable = { ...statement, id: '母公司利润表', title: '母公司利润表', rows: [['净利润', '1,234.00', '1,111.00', '11.07%']], rowPages: [80] };
  const english2: ParsedTable = {
    ...english,
    id: 'Statement of profit or loss',
    title: 'Statement of profit or loss',
    header: ['', 'Parent 2031 $', 'Consolidated 2031 $'],
    rows: [['Glimmer profit after tax', '229,496', '491,955']],
    periods: [null, period(2031), period(2031)],
  };
  const both = [parentOnly, statement, english2].flatMap((table) => factsOfTable({ table, report }));
  const group = (question: string) => answerFromFacts(both, analyseQuestion(question, tokenizer))?.fact.value;

  it("answers for the group unless the parent is asked for, in either language", () => {
    expect(group('2031年净利润是多少？')).toBe('60,112,301.15');
    expect(group('2031年母公司净利润是多少？')).toBe('1,234.00');
    expect(group('What was the glimmer profit after tax in 2031?')).toBe('491,955');
    expect(group("What was the parent's glimmer profit after tax in 2031?")).toBe('229,496');
  });

  it('takes a "Company Statement of …" beside the consolidated one for the parent\'s', () => {
    const consolidated: ParsedTable = { ...english, id: 'Consolidated Statement of Quill Position', title: 'Consolidated Statement of Quill Position', rows: [['Glimmer cash at bank', '1,046', '886']], rowPages: [23] };
    const company: ParsedTable = { ...consolidated, id: 'Company Statement of Quill Position', title: 'Company Statement of Quill Position', rows: [['Glimmer cash at bank', '650', '512']], rowPages: [24] };
    const facts = [company, consolidated].flatMap((table) => factsOfTable({ table, report }));
    const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    expect([value('glimmer cash at bank this year?'), value('glimmer cash at bank this year for the parent co only?')]).toEqual(['1,046', '650']);
  });
});

describe('a label read by one of its words', () => {
  const position: ParsedTable = {
    ...english,
    id: 'STATEMENT OF FINANCIAL POSITION',
    title: 'STATEMENT OF FINANCIAL POSITION',
    rows: [
      ['Cash and cash equivalents', '1,046', '886'],
      ['Total equity and liabilities', '7,241', '6,903'],
    ],
    rowPages: [23, 23],
  };
  const own = factsOfTable({ table: position, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('names the row where the question\'s phrase ends on that word, not where the word modifies another', () => {
    expect([value('how much cash did the group have in 2031?'), value('What were the liabilities in 2031?')]).toEqual(['1,046', '7,241']);
    expect([value("How much was the premium for the directors' liability insurance in 2031?"), value('What was the cash flow in 2031?')]).toEqual([undefined, undefined]);
  });
});

describe('a Chinese label ending in the name of what it names', () => {
  const firm: ParsedTable = {
    ...companyInfo,
    id: '公司聘请的会计师事务所',
    title: '公司聘请的会计师事务所',
    rows: [
      ['会计师事务所名称', '青禾天平会计师事务所（特殊普通合伙）'],
      ['会计师事务所办公地址', '青禾市栖木路 9 号'],
      ['签字会计师姓名', '林小禾、周栖木'],
    ],
    rowPages: [6, 6, 6],
  };
  const own = factsOfTable({ table: firm, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('is named by that thing ("哪家会计师事务所" for 会计师事务所名称)', () => {
    expect(value('年报是哪家会计师事务所审的？')).toBe('青禾天平会计师事务所（特殊普通合伙）');
    expect(value('签字会计师是谁？')).toBe('林小禾、周栖木');
  });
});

describe('a Chinese count named by the noun it counts', () => {
  const staff: ParsedTable = {
    ...companyInfo,
    id: '员工情况',
    title: '员工情况',
    rows: [
      ['母公司在职织工的数量（人）', '412'],
      ['在职织工的数量合计（人）', '430'],
      ['当期领取薪酬织工总人数（人）', '431'],
      ['退休织工数', '58'],
    ],
    rowPages: [62, 62, 62, 62],
  };
  const own = factsOfTable({ table: staff, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('reads the count whose thing ends in that noun, with the fewest qualifiers before it', () => {
    expect([value('厂里现在有多少织工？'), value('织工一共有多少人？')]).toEqual(['430', '430']);
    // (A question counting something else is not answered by a count of 织工.)
    expect(value('厂里有多少纺机？')).toBeUndefined();
    // The fact index finds the count by its noun too, though the question holds no character its label starts with.
    const q = '织工一共有多少人？';
    expect(answerFromFacts(factsAskedAbout(indexFacts(own), askedText(q)), analyseQuestion(q, tokenizer))?.fact.value).toBe('430');
  });
});

describe('English labels read as a question inflects them', () => {
  const flows: ParsedTable = {
    ...english,
    id: 'Statement of glimmer flows',
    title: 'Statement of glimmer flows',
    header: ['', 'Current year', 'Prior year'],
    rows: [
      ['Glimmer and glimmer tokens', '1,803', '2,381'],
      ['Net glimmer provided by/(used in) quorvex activities', '(3,960)', '(2,215)'],
      ['Profit/(loss) before quorvex tax', '(4,310)', '(1,463)'],
    ],
    rowPages: [25, 25, 25],
  };
  const own = factsOfTable({ table: flows, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('meets a label in another form of its words, and reads words after a slash in brackets for as many before it', () => {
    // "used in" stands for "provided by"; "use" and "activity" meet "used" and "activities" by their stems.
    expect(value('How much net glimmer did we use in quorvex activity in the prior year?')).toBe('(2,215)');
    expect(value('What was the loss before quorvex tax?')).toBe('(4,310)');
    // (The row's own words still name it.)
    expect(value('Net glimmer provided by quorvex activities?')).toBe('(3,960)');
  });

  it('reads a participle and its preposition as a link the question may word otherwise', () => {
    // "from" for "provided by": the nouns on either side name the row, not the one that only shares "glimmer".
    expect(value('net glimmer from quorvex activities in the prior year?')).toBe('(2,215)');
  });

  it('lets a question leave out the first word many of the table\'s labels open with', () => {
    const led: ParsedTable = {
      ...flows,
      rows: [
        ['Glimmer and glimmer tokens', '1,803', '2,381'],
        ['Net glimmer provided by quorvex activities', '3,960', '2,215'],
        ['Net glimmer used in brindle activities', '(1,204)', '(988)'],
        ['Net increase', '2,756', '1,227'],
      ],
      rowPages: [25, 25, 25, 25],
    };
    const facts = factsOfTable({ table: led, report });
    const valueOf = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;
    // "Net" opens three labels: "glimmer from quorvex activities" names the row without it, not the one that only holds "glimmer".
    expect(valueOf('glimmer from quorvex activities in the prior year?')).toBe('2,215');
    // Left out, it never leaves a single word to name a row by: "increase" alone is not "Net increase".
    expect(valueOf('what was the increase in the prior year?')).toBeUndefined();
    // The class of a cash flow is named by its first word, without "activities".
    expect(valueOf('glimmer from quorvex in the prior year?')).toBe('2,215');
    expect(valueOf('glimmer used in brindle in the prior year?')).toBe('(988)');
    // A first word only one label opens with is part of what that label names.
    const once: ParsedTable = { ...led, rows: led.rows.slice(0, 2), rowPages: [25, 25] };
    expect(answerFromFacts(factsOfTable({ table: once, report }), analyseQuestion('glimmer from quorvex activities in the prior year?', tokenizer))?.fact.value).toBe('2,381');
  });
});

describe('a table of periods set out as rows', () => {
  const quarters: ParsedTable = {
    ...english,
    id: 'Table (page 33)',
    title: '',
    header: ['Quarter Ended', 'Gross glimmer', 'QBOs'],
    rows: [
      ['2031:', '', ''],
      ['March 31', '$ 1,200', '70'],
      ['December 31', '1,400', '64'],
      ['2030:', '', ''],
      ['March 31', '$ 1,100', '71'],
      ['December 31', '1,300', '66'],
    ],
    rowPages: [33, 33, 33, 33, 33, 33],
    periods: undefined,
    unit: null,
  };
  const own = factsOfTable({ table: quarters, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('names a row labelled by a date alone by the same day and month, in the year of its block', () => {
    expect(value('what was our QBO for the quarter ended dec 31 2031?')).toBe('64');
    expect(value('QBOs for the quarter ended 31 March 2030?')).toBe('71');
    // Another day names no row; a column alone is not the question's row.
    expect(value('what was our QBO for the quarter ended june 30 2031?')).toBeUndefined();
  });
});

describe('a heading over all the value columns', () => {
  const obligations: ParsedTable = {
    ...english,
    id: 'Glimmer obligations',
    title: 'Glimmer obligations',
    header: ['(in thousands)', 'Payments due by period Total', 'Payments due by period Less than 1 year', 'Payments due by period More than 1 year'],
    headerRows: [
      ['', 'Payments due by period', 'Payments due by period', 'Payments due by period'],
      ['(in thousands)', 'Total', 'Less than 1 year', 'More than 1 year'],
    ],
    rows: [
      ['Quorvex leases', '$ 208,567', '$ 48,090', '$ 160,477'],
      ['Glimmer bonds', '12,000', '2,000', '10,000'],
    ],
    rowPages: [20, 20],
    periods: [null, null, null, null],
    unit: null,
  };
  it('names a column by its own words, without the heading every value column shares', () => {
    const own = factsOfTable({ table: obligations, report });
    expect(answerFromFacts(own, analyseQuestion('total quorvex lease commitments as of 2031?', tokenizer))?.fact.value).toBe('$ 208,567');
    // A Chinese heading over every column is kept: it may be the first line of one column's long heading, spread.
    const spread: ParsedTable = {
      ...obligations,
      header: ['单位名称', '占栖木余额合计数 栖木余额', '占栖木余额合计数 的比例', '占栖木余额合计数 坏账准备'],
      headerRows: [
        ['', '占栖木余额合计数', '占栖木余额合计数', '占栖木余额合计数'],
        ['单位名称', '栖木余额', '的比例', '坏账准备'],
      ],
      rows: [['青禾公司', '1,204.00', '12.5%', '60.20']],
      rowPages: [20],
    };
    expect(factsOfTable({ table: spread, report }).map((f) => f.attribute)).toEqual(['占栖木余额合计数 栖木余额', '占栖木余额合计数 的比例', '占栖木余额合计数 坏账准备']);
    // A level every column shares under the headings ("Grouped") comes off their end.
    const under: ParsedTable = {
      ...obligations,
      header: ['', 'Total Grouped', 'Within a year Grouped', 'Later Grouped'],
      headerRows: [
        ['', 'Total', 'Within a year', 'Later'],
        ['', 'Grouped', 'Grouped', 'Grouped'],
      ],
      rows: [['Quorvex leases', '900', '300', '600']],
      rowPages: [20],
    };
    expect(factsOfTable({ table: under, report }).map((f) => f.attribute)).toEqual(['Total', 'Within a year', 'Later']);
  });
});

describe('a key-value table broken from an amount over lines', () => {
  const broken: ParsedTable = { ...companyInfo, id: '栖木补助', title: '栖木补助', rows: [['仓储泵', '00'], ['股票代码', '000570'], ['退回股数', '0']], rowPages: [142, 142, 142] };
  const own = factsOfTable({ table: broken, report });

  it('takes no pair whose value is zeros alone, but keeps a code with leading zeros and a single 0', () => {
    expect(own.map((f) => [f.label, f.value])).toEqual([
      ['股票代码', '000570'],
      ['退回股数', '0'],
    ]);
  });
});

describe('a question for a percentage', () => {
  const mix: ParsedTable = {
    ...english,
    id: 'Glimmer sales by line',
    title: 'Glimmer sales by line',
    header: ['', 'Current year', 'Prior year'],
    rows: [
      ['Quorvex lamps', '54.7 %', '54.9 %'],
      ['Quorvex oil', '5.6', '4.4'],
      ['Total', '100.0 %', '100.0 %'],
    ],
    rowPages: [3, 3, 3],
    unit: null,
  };
  const amounts: ParsedTable = { ...english, id: 'Quorvex oil deliveries', title: 'Quorvex oil deliveries', header: ['', 'Current year', 'Prior year'], rows: [['Quorvex oil sold', '812', '790']], rowPages: [9] };
  const own = [mix, amounts].flatMap((table) => factsOfTable({ table, report }));
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('takes a value in a column that prints "%" on any row, never an amount', () => {
    expect(value('What percentage of glimmer sales came from quorvex oil sold?')).toBe('5.6');
    expect(value('How much quorvex oil was sold?')).toBe('812');
  });
});

describe('a period table whose rows a label spanning a block and a qualifying column name', () => {
  const output: ParsedTable = {
    ...statement,
    id: '产销量情况',
    title: '产销量情况',
    header: ['行业分类', '项目', '单位', '2031 年', '2030 年', '同比增减'],
    rows: [
      ['', '销售量', '台', '536,932', '556,443', '-3.51%'],
      ['栖木泵', '生产量', '台', '519,339', '562,223', '-7.63%'],
      ['', '库存量', '台', '48,003', '65,596', '-26.82%'],
      ['', '销售量', '万台', '13.81', '15.02', '-8.06%'],
      ['仓储泵', '生产量', '万台', '12.90', '14.11', '-8.58%'],
      ['', '库存量', '万台', '2.24', '3.15', '-28.89%'],
    ],
    rowPages: [13, 13, 13, 13, 13, 13],
    periods: [null, null, null, period(2031), period(2030), { ...period(null), change: true }],
    unit: null,
  };
  const own = factsOfTable({ table: output, report });
  const fact = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact;

  it('gives every row of the block the label printed once in it, qualified by the next column, with the row\'s unit', () => {
    expect([fact('栖木泵销售量是多少？')?.value, fact('栖木泵销售量是多少？')?.unit, fact('仓储泵的库存量有多少？')?.value, fact('仓储泵库存量有多少？')?.unit]).toEqual(['536,932', '台', '2.24', '万台']);
    expect(fact('2030年栖木泵生产量多少台？')?.value).toBe('562,223');
    // A label alone names no row of the block: which of the three is asked is not said.
    expect(fact('栖木泵多少台？')).toBeUndefined();
  });

  it('reads "比上年变动多少" as the change column of the report\'s own year, not as a question about the year before', () => {
    expect(fact('栖木泵库存量比上年变动多少？')?.value).toBe('-26.82%');
    expect(fact('仓储泵生产量较上年变化多少？')?.value).toBe('-8.58%');
  });
});

describe('a statement the question names', () => {
  const balance: ParsedTable = {
    ...english,
    id: 'STATEMENT OF QUILL POSITION',
    title: 'Statement of quill position',
    rows: [
      ['Glimmer plant and kilns', '40,200', '38,100'],
      ['Cash', '9,000', '7,500'],
    ],
    rowPages: [20, 20],
  };
  const flows: ParsedTable = {
    ...english,
    id: 'STATEMENT OF CASH FLOWS',
    title: 'Consolidated statement of cash flows',
    rows: [
      ['Payments for glimmer plant and kilns', '(6,290)', '(5,709)'],
      ['Proceeds from sale of kilns', '312', '140'],
      ['Cash at end of year', '9,000', '7,500'],
    ],
    rowPages: [22, 22, 22],
  };
  const both = [balance, flows].flatMap((table) => factsOfTable({ table, report }));
  const askBoth = (question: string) => answerFromFacts(both, analyseQuestion(question, tokenizer))?.fact;

  it('reads a row of the named statement by what it is of, and prefers it to a row labelled alike elsewhere', () => {
    expect(askBoth('capex on glimmer plant and kilns per the cash flow statement?')?.value).toBe('(6,290)');
    expect(askBoth('what did we get for the sale of kilns per the cash flow statement?')?.value).toBe('312');
  });

  it('reads the label named whole when no statement is named, and no row by what it is of', () => {
    expect(askBoth('glimmer plant and kilns?')?.value).toBe('40,200');
    expect(askBoth('capex on glimmer plant and kilns?')?.value).toBe('40,200');
    expect(askBoth('what did we get for the sale of kilns?')?.value).not.toBe('312');
  });
});

describe('labels the question names equally', () => {
  const costs: ParsedTable = {
    ...english,
    id: 'QUILL COSTS',
    title: '',
    rows: [
      ['Operating quill cost', '48,100', '45,400'],
      ['Variable quill cost', '11,200', '10,800'],
      ['Net quill cost', '49,700', '46,200'],
    ],
    rowPages: [36, 36, 36],
  };
  const askCosts = (question: string) => answerFromFacts(factsOfTable({ table: costs, report }), analyseQuestion(question, tokenizer))?.fact;

  it('takes the label whose words the question says in a row, not one whose words it scatters', () => {
    expect(askCosts('net quill cost in operating expenses for the current year?')?.value).toBe('49,700');
    expect(askCosts('operating quill cost, net of sublease income, this year?')?.value).toBe('48,100');
  });
});

describe('a statement named in staff shorthand', () => {
  const position: ParsedTable = {
    ...english,
    id: 'BALANCE SHEETS',
    title: 'Consolidated balance sheets',
    rows: [
      ['Quill bonds', '18,640', '20,575'],
      ['Cash', '9,000', '7,500'],
    ],
    rowPages: [20, 20],
  };
  const flows: ParsedTable = {
    ...english,
    id: 'STATEMENTS OF CASH FLOWS',
    title: 'Consolidated statements of cash flows',
    rows: [
      ['Purchase of kilns', '(6,290)', '(5,709)'],
      ['Purchase of quill bonds', '(35,576)', '(11,627)'],
      ['Purchase of glimmer rights', '(1,012)', '(947)'],
      ['Cash at end of year', '9,000', '7,500'],
    ],
    rowPages: [22, 22, 22, 22],
  };
  const both = [position, flows].flatMap((table) => factsOfTable({ table, report }));
  const ask = (question: string) => answerFromFacts(both, analyseQuestion(question, tokenizer))?.fact;

  it('reads "cf stmt" as the statement of cash flows by the initials of its title words', () => {
    expect(ask('how much did we spend buying quill bonds? cf stmt pls')?.value).toBe('(35,576)');
    expect(ask('quill bonds on the bs?')?.value).toBe('18,640');
  });

  it('reads a row of the named statement by what it is of, though its label is also read without its common first word', () => {
    expect(ask('how much did we spend buying quill bonds? (cash flow)')?.value).toBe('(35,576)');
  });

  it('keeps the row named whole when no statement is named', () => {
    expect(ask('how much did we spend buying quill bonds?')?.value).toBe('18,640');
  });
});

describe('a table of people by the columns of each period', () => {
  const pay: ParsedTable = {
    ...english,
    id: 'Table (page 14)',
    title: '',
    header: ['Name', 'Fixed stipend 2031', 'Fixed stipend 2030', 'Harvest bonus - QX 2031', 'Harvest bonus - QX 2030', 'Harvest bonus - ZR 2031', 'Harvest bonus - ZR 2030'],
    headerRows: [
      ['', 'Fixed stipend', '', 'Harvest bonus - QX', '', 'Harvest bonus - ZR', ''],
      ['Name', '2031', '2030', '2031', '2030', '2031', '2030'],
    ],
    rows: [
      ['Growers:', '', '', '', '', '', ''],
      ['Mr. Tobin Arkwell', '91.20%', '90.10%', '8.80%', '9.90%', '-', '-'],
      ['Ms. Ilse Arkwell', '88.00%', '87.50%', '7.00%', '8.50%', '5.00%', '4.00%'],
      ['Dr Quenby Fallow', '100.00%', '100.00%', '-', '-', '-', '-'],
    ],
    rowPages: [14, 14, 14, 14],
    periods: [null, period(2031), period(2030), period(2031), period(2030), period(2031), period(2030)],
    unit: null,
  };
  const own = factsOfTable({ table: pay, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('names a listed person by a name no one else in the table bears', () => {
    expect(value("what % of tobin's 2031 pay was the fixed stipend?")).toBe('91.20%');
    expect(value('fixed stipend share for quenby in 2030?')).toBe('100.00%');
    // "Arkwell" is two people's: it names neither.
    expect(value("arkwell's fixed stipend share in 2031?")).toBeUndefined();
    // All of a person's names, without the title, name them too.
    expect(value('ilse arkwell fixed stipend 2031?')).toBe('88.00%');
  });

  it('answers no question for a date by a percentage of the person asked about', () => {
    expect(value('quenby fallow - on the grower board since when?')).toBeUndefined();
    const directory: ParsedTable = { ...english, id: 'Growers', title: 'Growers', header: ['', ''], rows: [['Grower since', '12 March 2029'], ['Fixed stipend', '100.00%']], rowPages: [7, 7], periods: [null, null], unit: null };
    expect(answerFromFacts(factsOfTable({ table: directory, report }), analyseQuestion('grower since when?', tokenizer))?.fact.value).toBe('12 March 2029');
  });

  it('takes, of the columns of the asked period, the one whose own heading words the question says', () => {
    expect(value("what % of tobin's 2031 pay was harvest bonus (qx)?")).toBe('8.80%');
    expect(value("ilse's zr harvest bonus share in 2031?")).toBe('5.00%');
    expect(value("ilse's zr harvest bonus share in 2030?")).toBe('4.00%');
  });

  it('reads no person in a label of capitalised words without a courtesy title, even in a column headed "Name"', () => {
    const untitled: ParsedTable = { ...pay, rows: [['Tobin Arkwell', '91.20%', '90.10%', '8.80%', '9.90%', '-', '-'], ['Quorvex Holdings Pty Ltd', '50.00%', '50.00%', '-', '-', '-', '-']], rowPages: [14, 14] };
    const facts = factsOfTable({ table: untitled, report });
    expect(answerFromFacts(facts, analyseQuestion("tobin's fixed stipend in 2031?", tokenizer))).toBeNull();
    expect(answerFromFacts(facts, analyseQuestion('how many staff did quorvex have in 2031?', tokenizer))).toBeNull();
  });
});

describe('the words a question asks a row by', () => {
  it('holds no "year" from "last year", a period, but keeps a year the question names as a word', () => {
    expect([...askedText('total weft sales last year?').words]).toEqual(['total', 'weft', 'sale']);
    expect(askedText('weft profit for the year?').words.has('year')).toBe(true);
  });
});

describe('a group total printed as a bare line of amounts', () => {
  const position: ParsedTable = {
    ...english,
    id: 'KILN STATEMENT OF FINANCIAL POSITION',
    title: 'KILN STATEMENT OF FINANCIAL POSITION',
    header: ['', '2031 £’000', '2030 £’000'],
    rows: [
      ['Non-current assets', '', ''],
      ['Kiln plant', '3,720', '3,100'],
      ['Glaze investments', '490', '415'],
      ['', '4,210', '3,515'],
      ['Current assets', '', ''],
      ['Receivables', '160', '(35)'],
      ['Cash', '905', '812'],
      ['', '1,070', '777'],
      ['Equity', '', ''],
      ['Share capital', '7,300', '7,300'],
      ['Retained earnings', '1,150', '1,020'],
      ['', '8,450', '8,320'],
      ['Buy-back reserve', '(120)', '(120)'],
      ['Total equity', '8,330', '8,200'],
    ],
    rowPages: Array.from({ length: 14 }, () => 23),
    periods: [null, period(2031), period(2030)],
    unit: { printed: '£’000', unit: 'thousand', currency: 'GBP', factor: 1000 },
  };
  const facts = factsOfTable({ table: position, report });
  const value = (question: string) => answerFromFacts(facts, analyseQuestion(question, tokenizer))?.fact.value;

  it('names it the total of its group when its amounts are exactly the sums of the rows above', () => {
    expect([value('total non-current assets in 2031?'), value('total non-current assets in 2030?')]).toEqual(['4,210', '3,515']);
  });

  it('names no total where the sums do not hold, nor a subtotal within a group whose total the table prints', () => {
    // (1,070 is no 160 + 905; in 2030, (35) + 812 = 777 holds.)
    expect([value('total current assets in 2031?'), value('total current assets in 2030?')]).toEqual([undefined, '777']);
    expect(facts.filter((f) => f.value === '8,450').map((f) => f.label)).toEqual([]);
    expect(value('total equity in 2031?')).toBe('8,330');
  });

  it('names none in a note, where a group heading qualifies the note\'s subject, not the whole entity', () => {
    const note: ParsedTable = { ...position, id: 'Note 11. Kiln inventories', title: 'Note 11. Kiln inventories', section: { id: '11', path: ['Note 11. Kiln inventories'] } };
    const noteFacts = factsOfTable({ table: note, report });
    expect(noteFacts.filter((f) => f.label.startsWith('Total ') && f.label !== 'Total equity').map((f) => f.label)).toEqual([]);
  });
});

describe('a quantity asked in a unit of measure, or a rate', () => {
  const products: ParsedTable = {
    ...statement,
    id: '产品分类',
    title: '产品分类',
    header: ['产品分类', '2031 年 金额', '2030 年 金额'],
    rows: [['青禾釉料', '1,204,310.55', '1,187,902.13']],
    rowPages: [17],
    periods: [null, period(2031), period(2030)],
  };
  const volumes: ParsedTable = {
    ...statement,
    id: '产销量情况',
    title: '产销量情况',
    header: ['项目', '单位', '2031 年', '2030 年'],
    rows: [['栖木窑砖销售量', '吨', '12,400', '11,900']],
    rowPages: [18],
    periods: [null, null, period(2031), period(2030)],
    unit: null,
  };
  const lenders: ParsedTable = {
    ...companyInfo,
    id: '按欠款方归集的其他应收款',
    title: '按欠款方归集的其他应收款',
    header: ['单位名称', '款项的性质', '期末余额'],
    rows: [['青禾港务集团有限公司', '借款', '8,400,000.00']],
    rowPages: [134],
    // (The balance column is the year-end's: a period column.)
    periods: [null, null, period(2031)],
    keyValue: false,
  };
  // (A list of terms read as key and value: the first value cell is the "指" that joins them.)
  const terms: ParsedTable = { ...companyInfo, id: '释义', title: '释义', rows: [['栖木科技', '指', '青禾栖木科技有限公司']], rowPages: [6] };
  const own = [products, volumes, lenders, terms].flatMap((table) => factsOfTable({ table, report }));
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('answers a weight asked with no amount of money, but with a row that holds one', () => {
    expect(value('31年青禾釉料出货多少吨？')).toBeUndefined();
    expect(value('栖木窑砖销售量31年多少吨？')).toBe('12,400');
  });

  it('answers a rate with no amount from a column of balances', () => {
    expect(value('青禾港务集团那笔2031年的借款年利率多少？')).toBeUndefined();
    expect(value('青禾港务集团那笔2031年的借款期末余额多少？')).toBe('8,400,000.00');
  });

  it('answers an area asked with a number only, never a word', () => {
    expect(value('栖木科技的用海面积一共几公顷？')).toBeUndefined();
  });
});

describe('a Chinese label named in parts, with the asker\'s words between them', () => {
  const suppliers: ParsedTable = {
    ...companyInfo,
    id: '主要窑商情况',
    title: '主要窑商情况',
    rows: [
      ['前五名窑商合计采购金额（元）', '96,204,118.50'],
      ['前五名窑商合计采购金额占年度采购总额比例', '17.06%'],
    ],
    rowPages: [19, 19],
  };
  const own = factsOfTable({ table: suppliers, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('reads the label the parts cover, before a shorter one the first part names whole', () => {
    expect(value('前五名窑商采购金额全部加总后占年度采购总额比例是多少')).toBe('17.06%');
    expect(value('前五名窑商采购金额是多少')).toBe('96,204,118.50');
  });

  it('is weaker than the label named whole, and needs most of it and a word of two characters or more between parts', () => {
    const parts = '前五名窑商采购金额全部加总后占年度采购总额比例';
    expect(labelStrength('前五名窑商合计采购金额占年度采购总额比例', parts)).toBeGreaterThan(labelStrength('前五名窑商合计采购金额', parts));
    // (One character inside a compound makes another compound; a few scattered pairs name nothing.)
    expect(labelStrength('窑业收入', '窑业总收入是多少')).toBe(0);
    expect(labelStrength('窑业收入', '窑业发展战略中收入')).toBe(0);
    // (The whole stretch printed as a term of its own is that term.)
    expect(labelStrength('窑业收入', '窑业釉料收入是多少', (term) => term === '窑业釉料收入')).toBe(0);
    expect(labelStrength('窑业收入', '窑业釉料收入是多少')).toBeGreaterThan(0);
  });
});

describe('a column of percentages under a heading cut short', () => {
  // (The heading 持股比例 printed over two lines, its second read apart: the column is headed "持股比".)
  const holders: ParsedTable = {
    ...companyInfo,
    id: '前 10 名股东持股情况',
    title: '前 10 名股东持股情况',
    header: ['股东名称', '股东性质', '持股比', '持股数量'],
    rows: [
      ['林小禾', '境内自然人', '12.50%', '41,200,000'],
      ['周栖木', '境内自然人', '3.75%', '12,360,000'],
    ],
    rowPages: [51, 51],
    keyValue: false,
  };
  const own = factsOfTable({ table: holders, report });
  const value = (question: string) => answerFromFacts(own, analyseQuestion(question, tokenizer))?.fact.value;

  it('answers a question for a percentage of the row, as the heading would', () => {
    expect(value('周栖木的股份占总股本百分之几？')).toBe('3.75%');
    expect(value('周栖木持股数量是多少？')).toBe('12,360,000');
  });
});

describe('a key-value table whose figures stand flush right, past their column', () => {
  // (Three columns: the words of a name fill the second, a figure printed flush right the third.)
  const firm: ParsedTable = {
    ...companyInfo,
    id: '聘任的会计师事务所',
    title: '聘任的会计师事务所',
    header: ['', '', ''],
    rows: [
      ['会计师事务所名称', '青禾天平会计师事务所（特殊普通合伙）', ''],
      ['会计师事务所报酬（万元）', '', '46'],
      ['会计师事务所审计服务的连续年限', '3', ''],
    ],
    rowPages: [37, 37, 37],
  };
  const own = factsOfTable({ table: firm, report });

  it('reads the figure of the last column as the value of the row', () => {
    expect(own.map((f) => [f.label, f.value])).toEqual([
      ['会计师事务所名称', '青禾天平会计师事务所（特殊普通合伙）'],
      ['会计师事务所报酬', '46'],
      ['会计师事务所审计服务的连续年限', '3'],
    ]);
  });
});
