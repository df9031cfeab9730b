import { describe, expect, it } from 'vitest';
import { analyseQuestion, zhWholePhrase } from '../../../src/answer/questionAnalysis.js';
import { createTokenizer } from '../../../src/text/tokenize.js';

const tokenizer = createTokenizer();

describe('analyseQuestion', () => {
  it('keeps only the words that say what is asked: no question words, pronouns or auxiliaries', () => {
    expect(analyseQuestion('how many female staff do we have', tokenizer).tokens).toEqual(['female', 'staff']);
    expect(analyseQuestion("what's our quorvex margin?", tokenizer).tokens).toEqual(['quorvex', 'margin']);
    // ("When" asks for a date, as "where" for a place: neither is a word the answer prints.)
    expect(analyseQuestion('when was the quorvex mill founded?', tokenizer).tokens).toEqual(['quorvex', 'mill', 'founded']);
    // (A verb of stance used as "be" says where the figure is by the noun after it.)
    expect(analyseQuestion('quill gain sitting in other income?', tokenizer).tokens).toEqual(['quill', 'gain', 'income']);
    // An auxiliary and "not" are function words, typed with the apostrophe or without it.
    expect(analyseQuestion("which quorvex levies havent we paid and didn't book?", tokenizer).tokens).toEqual(['quorvex', 'levies', 'paid', 'book']);
  });

  it('reads a bare English noun phrase with a period as asking for a figure', () => {
    const wants = (q: string) => analyseQuestion(q, tokenizer).wantsFigure;
    expect([wants('quorvex sales in FY31?'), wants('glimmer segment revenue 2031?'), wants('QX sales to outside members H1 2031')]).toEqual([true, true, true]);
    expect([wants('Who audits quorvex in 2031?'), wants('glimmer strategy?'), wants('Describe the glimmer plan for 2031')]).toEqual([false, false, false]);
  });

  it('reads "what was/were …" bound to a period as asking for a figure, and without one as asking for words', () => {
    const wants = (q: string) => analyseQuestion(q, tokenizer).wantsFigure;
    expect([wants('What were the quorvex emissions in 2031?'), wants("What was glimmer's output for FY31?"), wants('what is the quorvex backlog in H1 2031')]).toEqual([true, true, true]);
    expect([wants('What is the goal of the quorvex strategy?'), wants('What was the glimmer policy?'), wants('Which glimmer plant opened in 2031?')]).toEqual([false, false, false]);
    // The report's own period named as a statement names it: "for the year", "at year end".
    expect([wants('what was our quorvex loss for the year?'), wants('What were glimmer stocks at year-end?'), wants('what was the quorvex levy during the financial year')]).toEqual([true, true, true]);
    expect([wants('what was our quorvex loss?'), wants('What were the glimmer plans of the year?')]).toEqual([false, false]);
  });

  it('reads a measuring noun heading what is measured as asking for a figure', () => {
    const wants = (q: string) => analyseQuestion(q, tokenizer).wantsFigure;
    expect([wants('whats the usual size of one of our quorvex depots?'), wants('what is the floor area of the glimmer hall'), wants('what capacity of quill can the plant hold?')]).toEqual([true, true, true]);
    expect([wants('whats the usual layout of our quorvex depots?')]).toEqual([false]);
  });

  it('reads the whole a Chinese question names before the part it asks', () => {
    expect([zhWholePhrase('釉料费用明细里窑具费那块花了多少'), zhWholePhrase('合并现金流量表里，收到的栖木返还有多少？'), zhWholePhrase('看研发费用当中直接投入多少')]).toEqual([
      '釉料费用',
      '合并现金流量表',
      '研发费用',
    ]);
    // ("这里", "哪里" are "here" and "where"; 其中 is no whole; nothing after 里 is no part.)
    expect([zhWholePhrase('青禾这里的窑炉有几座'), zhWholePhrase('栖木仓库在哪里'), zhWholePhrase('其中釉料多少'), zhWholePhrase('釉料费用里')]).toEqual([null, null, null, null]);
  });

  it('reads the chat spellings of function words as function words, and "vs" as one', () => {
    const tokens = (q: string) => analyseQuestion(q, tokenizer).tokens;
    expect(tokens('when does the quorvex lease run thru?')).toEqual(['quorvex', 'lease', 'run']);
    expect(tokens('how many glimmer units r left for u?')).toEqual(['glimmer', 'units', 'left']);
    expect(tokens('the kiln loan - its margin vs the quill index rate?')).toEqual(['kiln', 'loan', 'margin', 'quill', 'index', 'rate']);
  });

  it('reads a currency and a scale typed without a number ("£k", "$m") as the unit wanted, not as words', () => {
    const tokens = (q: string) => analyseQuestion(q, tokenizer).tokens;
    expect(tokens('quorvex kiln levy for fy31? £k')).toEqual(['quorvex', 'kiln', 'levy', '2031']);
    expect([tokens('glimmer grants in $m, 2031'), tokens("glimmer grants (US$000s) 2031"), tokens("glimmer grants, £'000, 2031"), tokens('glimmer grants 2031 (AUD k)')]).toEqual([
      ['glimmer', 'grants', '2031'],
      ['glimmer', 'grants', '2031'],
      ['glimmer', 'grants', '2031'],
      ['glimmer', 'grants', '2031'],
    ]);
    // (A figure with its scale is the question's own, and a scale letter inside a word is that word.)
    expect(tokens('glimmer grants above £150k in 2031')).toContain('150k');
    expect(tokens('glimmer km driven in 2031')).toContain('km');
  });

  it('reads an intention ("打算", "想要") as the asking, not as a word of what is asked', () => {
    const tokens = analyseQuestion('31年栖木釉料收入打算做到多少？', tokenizer).tokens;
    expect(tokens.filter((t) => /栖木|釉料/u.test(t)).slice(0, 2)).toEqual(['栖木', '釉料']);
    expect(tokens.filter((t) => /打算|想要/u.test(t))).toEqual([]);
    expect(analyseQuestion('青禾想要卖出多少窑具', tokenizer).tokens.filter((t) => /想要/u.test(t))).toEqual([]);
  });

  it('reads "去年" as a period and "多少钱" as the kind of answer, not as words a passage must print', () => {
    const tokens = analyseQuestion('去年栖木奖励成本一共计提了多少钱？', tokenizer).tokens;
    expect(tokens.slice(0, 4)).toEqual(['栖木', '奖励', '成本', '计提']);
    expect(tokens.filter((t) => /去|钱/u.test(t))).toEqual([]);
  });

  it('matches an English question without the words that say where, when or what kind of figure', () => {
    const match = (q: string) => analyseQuestion(q, tokenizer).matchText;
    expect(analyseQuestion("By roughly what percentage did glimmer sales rise in the year ended 30 June 2031, according to the Chair's letter?", tokenizer).tokens).toEqual(
      ['glimmer', 'sales', 'rise', '2031'],
    );
    expect(match('how big were the quorvex orders in H1 2031?')).toBe('how much were the quorvex orders in first half 2031?');
    expect([match('quorvex capex in FY31?'), match("quorvex capex in FY 2031?"), match('quorvex debt at YE31?')]).toEqual(['quorvex capex in 2031?', 'quorvex capex in 2031?', 'quorvex debt at 2031?']);
    expect(match('What were quorvex fees as of December 31, 2031?')).toBe('What were quorvex fees as of 2031?');
    // The place a question names goes; what follows it stays ("per share" names no place).
    expect(match('quorvex capex per the Chair’s letter for 2031?').replace(/\s+/gu, ' ')).toBe('quorvex capex for 2031 ?');
    expect(match('quorvex earnings per share in 2031?')).toBe('quorvex earnings per share in 2031?');
    // A question word contracted without the apostrophe, and a phrasal verb's particle, are no topic;
    // "YE" alone is the year end.
    expect(analyseQuestion('whats the quorvex levy netted off glimmer stock?', tokenizer).tokens).toEqual(['quorvex', 'levy', 'netted', 'glimmer', 'stock']);
    // The moment a balance is asked at is a period, not a topic.
    expect([match('quorvex debt at YE?'), match('quorvex cash as at the end of the financial year?'), match('quorvex year-end party costs?')]).toEqual([
      'quorvex debt ?',
      'quorvex cash ?',
      'quorvex year-end party costs?',
    ]);
    // A year typed in two digits after a day and month is the year of a written date; "last year" is
    // the year of the latest report (as 去年), and a period a figure is asked for.
    const dated = analyseQuestion('how much quorvex debt was owing at 30 june 31?', tokenizer);
    expect([dated.matchText, dated.years]).toEqual(['how much quorvex debt was owing at 2031?', [2031]]);
    expect([match("quorvex sales in june '31?"), match('quorvex cash at dec 31, 31?')]).toEqual(['quorvex sales in june 2031?', 'quorvex cash at 2031?']);
    expect(match('quorvex loss on 30 june 31.5 million')).toBe('quorvex loss on 31.5 million');
    // An alternative the asker rules out names what is not asked: no passage is held to its words.
    // (The part noun of the place named, "recon", is no word of a passage either.)
    expect([match('quorvex additions 2031? from the quill recon not the cash flow'), match('what did the parent make on its own (not consolidated) in 2031?')]).toEqual([
      'quorvex additions 2031? from the quill',
      'what did the parent make on its own in 2031?',
    ]);
    // ("Not" inside what is asked stays: tax losses not recognised are a quantity of their own.)
    expect(match('quorvex tax losses not recognised?')).toBe('quorvex tax losses not recognised?');
    expect(analyseQuestion('栖木专户利息净额多少？（不是期末那个）', tokenizer).tokens).not.toContain('累计');
    // So is one after the words that name a year or its end; not a share, a decimal or a span of time.
    const yearEnd = analyseQuestion('how much quorvex cash at end of 30?', tokenizer);
    expect([yearEnd.matchText, yearEnd.years]).toEqual(['how much quorvex cash at end of 2030?', [2030]]);
    expect([match('quorvex debt at yr end 31'), match('quorvex sales y/e 31'), match('fiscal 31 quorvex sales')]).toEqual(['quorvex debt at yr end 2031', 'quorvex sales y/e 2031', 'fiscal 2031 quorvex sales']);
    expect([match('quorvex yield at end of 31%'), match('quorvex rate at end of 31.5'), match('quorvex refund at the end of 30 days')]).toEqual([
      'quorvex yield at end of 31%',
      'quorvex rate at end of 31.5',
      'quorvex refund at the end of 30 days',
    ]);
    const lastYear = analyseQuestion('what was quorvex revenue last year?', tokenizer);
    expect([lastYear.tokens, lastYear.wantsFigure]).toEqual([['quorvex', 'revenue'], true]);
    // A verb of holding a role before "as" says only that it is held, as "is" does.
    expect(['who serves as quorvex company secretary?', 'who acted as glimmer trustee in 2031?'].map((q) => analyseQuestion(q, tokenizer).tokens)).toEqual([
      ['quorvex', 'company', 'secretary'],
      ['glimmer', 'trustee', '2031'],
    ]);
    // "Left" after "be" or "have" says only that an amount remains; "left the board" is an event.
    expect(['how much quorvex credit was still left on the glimmer facility?', 'who left the quorvex board in 2031?'].map((q) => analyseQuestion(q, tokenizer).tokens)).toEqual([
      ['quorvex', 'credit', 'glimmer', 'facility'],
      ['left', 'quorvex', 'board', '2031'],
    ]);
    // A light verb names no action of its own: the noun or particle it joins does.
    expect(analyseQuestion('how much did quorvex bring in for us in 2031?', tokenizer).tokens).toEqual(['quorvex', '2031']);
    expect(analyseQuestion('what did we get from selling the glimmer plant?', tokenizer).tokens).toEqual(['selling', 'glimmer', 'plant']);
    expect(analyseQuestion('how big were the quorvex orders?', tokenizer).wantsFigure).toBe(true);
    expect(analyseQuestion('by what % did glimmer sales go up?', tokenizer).wantsFigure).toBe(true);
    // A measuring noun heading what is measured asks for a figure; a name does not.
    expect(['What was the amount of the quorvex premium?', 'What was the number of glimmer holders?', 'What is the name of the quorvex auditor?'].map((q) => analyseQuestion(q, tokenizer).wantsFigure)).toEqual([
      true,
      true,
      false,
    ]);
    // (Hedges are no topic: "roughly" is not a word a passage must hold.)
    expect(analyseQuestion('roughly how many glimmers do we keep?', tokenizer).tokens).toEqual(['glimmers', 'keep']);
  });

  it('reads the years a question names and whether it asks for a figure', () => {
    const analysis = analyseQuestion('How much did the Zorblat segment earn in 2031?', tokenizer);
    expect([analysis.language, analysis.years, analysis.wantsFigure]).toEqual(['en', [2031], true]);
  });
});
