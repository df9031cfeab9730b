import { describe, expect, it } from 'vitest';
import { derivedAsPrinted, oneEditApart, spelledAsPrinted, spelledOut, unclipped, unclippedPairs, vocabularyOf } from '../../../src/answer/spelling.js';
import { stemWord } from '../../../src/text/stem.js';
import { EN_STOP_WORDS } from '../../../src/answer/questionAnalysis.js';

const report = vocabularyOf(['Quillmere offers glimmer delivery in 57 locations.', 'The glimmer revolver was outstanding at year end.', 'Quillmere will implement the ledger.']);
const stop = (word: string) => ['which', 'there'].includes(word);

describe('typos read as the words the report prints', () => {
  it('finds a word one letter dropped, added, changed or two swapped away', () => {
    expect([oneEditApart('locatons', 'locations'), oneEditApart('glimmre', 'glimmer'), oneEditApart('ledgar', 'ledger'), oneEditApart('ledgers', 'ledger')]).toEqual([true, true, true, true]);
    expect([oneEditApart('ledger', 'ledger'), oneEditApart('lodgers', 'ledger'), oneEditApart('glim', 'glimmer')]).toEqual([false, false, false]);
  });

  it('corrects a word the report never prints to the one printed word near it, and keeps everything else', () => {
    expect(spelledAsPrinted('in how many locatons is glimmer delivery offered?', [report], stop)).toBe('in how many locations is glimmer delivery offered?');
    expect(spelledAsPrinted('how much was outstandng on the revolver?', [report], stop)).toBe('how much was outstanding on the revolver?');
    // (A word the report prints only in the plural is the same word, no typo: stems find it.)
    expect(spelledAsPrinted('which location offers glimmer delivery?', [report], stop)).toBe('which location offers glimmer delivery?');
    // (Short words, stop words and words no printed word is near stay as typed.)
    expect(spelledAsPrinted('when will they implemnt the carbon ledgr, which one, and the qill?', [report], stop)).toBe(
      'when will they implement the carbon ledger, which one, and the qill?',
    );
  });

  it('keeps a word the report prints whole as the start of its doer noun, and still corrects a misspelt doer noun', () => {
    const officers = vocabularyOf(['The Chairwoman and the Inspectors met at the mill.', 'The supply chain runs through Kettering Vale.']);
    // ("chair" is one letter from the printed "chain", but the report prints it in "Chairwoman".)
    expect(spelledAsPrinted('who is the chair?', [officers], stop)).toBe('who is the chair?');
    expect(spelledAsPrinted('what did the inspecters find?', [officers], stop)).toBe('what did the inspectors find?');
  });
});

describe('shortened forms read as the phrases the report prints', () => {
  const texts = [
    'Zorvane profit before levy rose. Zorvane profit before levy was 12 glims.',
    'Depreciation and amortization was 9 glims. Depreciation and amortization rose.',
    'See Management’s Discussion and Analysis. The MD&A covers Management’s Discussion and Analysis and Management’s Discussion and Analysis.',
    'Capital expenditure was 40 glims; capital expenditures will rise; capital expenditure plans.',
    'Two graphite deposits lie north; the graphite deposits are small.',
    'The statement of comprehensive income, the statement of comprehensive income and a statement of comprehensive income.',
    'Other comprehensive income fell; other comprehensive income was 3 glims.',
    'Accounts receivable represents 2 glims; accounts receivable represents most of it. EBITDA was 5 glims.',
    'Quilling, glazing and assembly costs rose; quilling, glazing and assembly took 4 glims.',
    'Trade accounts payable were 7 glims; trade accounts payable fell. Exhibit 10.26AP is filed.',
    'Under accounting principles, and accounting principles again, the accounting principles hold.',
    'The kiln reconciliation and the glaze reconciliation follow. Remaining contractual sums, remaining contractual dates and remaining contractual terms are listed.',
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'a', 'and', 'was', 'what', 'how', 'much'].includes(word);
  const read = (question: string) => spelledOut(question, () => texts, [vocabulary], stopWords);

  it('reads an initialism in capitals as the printed words it spells, "&" as "and"', () => {
    expect(read('What was PBL in 2031?')).toBe('What was profit before levy in 2031?');
    // ("discussion and analysis" is what the printed MD&A abbreviates, not a D&A.)
    expect(read('how much D&A was charged?')).toBe('how much depreciation and amortization was charged?');
    // (A phrase opening on a function word is no initialism's phrase.)
    expect(read('OCI for 2031?')).toBe('other comprehensive income for 2031?');
    // (A comma may follow a word of the phrase.)
    expect(read('QG&A costs in 2031?')).toBe('quilling, glazing and assembly costs in 2031?');
  });

  it('reads a phrase opening on a stop word as a term only when the report prints it as a label, capitalised at the start of a line', () => {
    const stopList = (word: string) => EN_STOP_WORDS.has(word);
    const labelled = ['Statement of glaze reserves', 'Other glaze reserves 12 9', 'Total glaze reserves 40 31', 'The statement of glaze reserves shows other glaze reserves.'];
    const unlabelled = ['The statement of glaze reserves shows other glaze reserves, and other glaze reserves fell.'];
    const readWith = (lines: string[], question: string) => spelledOut(question, () => [lines.join('\n')], [vocabularyOf(lines)], stopList);
    // ("other" is on the stop list, as "of" is; printed as a statement's row, "Other glaze reserves" is a term.)
    expect(readWith(labelled, 'OGR for 2031?')).toBe('other glaze reserves for 2031?');
    expect(readWith(unlabelled, 'OGR for 2031?')).toBe('OGR for 2031?');
  });

  it('reads letters joined by "&" or "/" as an initialism in any case, the phrase printed beside the question\'s neighbour first, and as printed when the report prints it so', () => {
    expect(read('how much d&a was charged?')).toBe('how much depreciation and amortization was charged?');
    expect(read('qg&a costs in 2031?')).toBe('quilling, glazing and assembly costs in 2031?');
    // (The report prints "MD&A" itself: the typed form is read in its printed case.)
    expect(read('what does the md&a cover?')).toBe('what does the MD&A cover?');
    // (Single letters joined by "/" are an initialism too, though its bare letters are printed in a code.)
    expect(read('how much a/r at year end?')).toBe('how much accounts receivable at year end?');
    // (The phrase printed beside the question's neighbour wins over the commonest: "trade accounts payable".)
    expect(read('trade a/p at year end?')).toBe('trade accounts payable at year end?');
    // (A word of letters alone stays lower case: it may be a word.)
    expect(read('how much pbl in 2031?')).toBe('how much pbl in 2031?');
  });

  it('reads a clipped compound as two printed words beginning with its parts, only when the report keeps printing them', () => {
    expect(read('how much capex in 2031?')).toBe('how much capital expenditure in 2031?');
    expect(read('what grade is the ore?')).toBe('what grade is the ore?');
    // ("recon" begins the printed "reconciliation": one word clipped, left for `unclipped`, not "remaining contractual".)
    expect(read('additions in the kiln recon?')).toBe('additions in the kiln recon?');
  });

  it('keeps a form the report prints, and one the question spells out itself', () => {
    expect(read('EBITDA for 2031?')).toBe('EBITDA for 2031?');
    expect(read('annual recurring revenue (ARR) for 2031?')).toBe('annual recurring revenue (ARR) for 2031?');
  });
});

describe('initialisms typed in lower case read as the terms the report capitalises', () => {
  const texts = [
    'Mira Holt, Chief Quill Officer, joined in 2029. The Chief Quill Officer reports to the board.',
    'Our chief quill officer also chairs the glimmer committee.',
    'Zorvane Pacific Pty Ltd holds the lease; Zorvane Pacific Pty Ltd pays rent.',
    'Growth in our glimmer operations planning slowed; glimmer operations planning rose later.',
    'See the Statement of Quill Flows. The Statement of Quill Flows shows it.',
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'our', 'who', 'is', 'how', 'many', 'in', 'what', 'do'].includes(word);
  const read = (question: string) => spelledOut(question, () => texts, [vocabulary], stopWords);

  it('reads three or four lower-case letters as the phrase they spell, printed in capitals as a term', () => {
    expect(read('who is our cqo?')).toBe('who is our chief quill officer?');
  });

  it('keeps the word when the phrase is only printed in lower case, the tail of a longer name, or two letters long', () => {
    // ("glimmer operations planning" is never capitalised: a run of words, no term.)
    expect(read('how did gop grow?')).toBe('how did gop grow?');
    // ("Pacific Pty Ltd" is capitalised only inside the name "Zorvane Pacific Pty Ltd".)
    expect(read('how many ppl do we employ?')).toBe('how many ppl do we employ?');
    // (Two letters are as often a unit as initials: "qf" stays, though "Quill Flows" is capitalised.)
    expect(read('what does the qf show?')).toBe('what does the qf show?');
  });
});

describe('initialisms typed in lower case read as a phrase the report keeps printing, however cased', () => {
  const texts = [
    ...Array.from({ length: 6 }, (_, i) => `The quill value of holding ${i} was measured; quill value moved with the glimmer rate.`),
    'The zorblat cash was opened. The zorblat cash was closed.',
    ...Array.from({ length: 5 }, (_, i) => `The following table ${i} shows kiln figures; the fee table ${i} follows. A following table and a fee table come after.`),
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'was', 'what', 'in', 'how', 'many', 'did', 'does', 'show'].includes(word);
  const read = (question: string) => spelledOut(question, () => texts, [vocabulary], stopWords);

  it('reads two consonants as a phrase printed ten times and twice as often as any other they spell', () => {
    expect(read('what qv movement in 2031?')).toBe('what quill value movement in 2031?');
  });

  it('keeps letters whose phrase is printed a few times, or no more often than another', () => {
    // ("zorblat cash" is printed twice: a run of words, for all the letters know.)
    expect(read('what zc in 2031?')).toBe('what zc in 2031?');
    // ("following table" and "fee table" are printed alike often: the letters may be either.)
    expect(read('what does the ft show?')).toBe('what does the ft show?');
    // (A vowel makes two letters a word or a unit, not initials.)
    expect(read('what qa in 2031?')).toBe('what qa in 2031?');
  });
});

describe('words clipped to their consonants read as the printed word they clip', () => {
  const texts = [
    'The quorvex statement shows quarterly figures. The statement of glimmer flows is below; another statement follows.',
    'Management of the quarter: each quarter the management board met. Management fees rose in the last quarter.',
    'Our accounts were audited; the accounts show 12 glims. The accounts were signed.',
    'The vorn settlement and the vorn statement differ; settlement was late, settlement was paid, settlement again.',
    'The billing team was big this year; billing rose and billing fell.',
    'Total shareholder return rose; total shareholder return is a measure of quill.',
    'The treasurer reported; the treasurer and a deputy treasurer signed.',
    'Vorn revenue rose; revenue from glimmer and revenue from quill; total revenues.',
    'Glimmer dividends were paid; dividends rose; the dividend was raised and dividends again.',
    'Glitter and glimmer: glitter sold, glitter fell, glitter rose.',
    'The company grew; the company hired; the company paid accrued quill compensation; company again and the company once more.',
    'The average depot is small; the average hall is large; on average, and the average again. Advertising was cut.',
    'Glimmer feedback was heard; feedback again, and feedback once more. Quill fees rose.',
    'Kiln claims incurred but not yet reported rose; kiln claims incurred but not yet reported fell.',
    'Each year the kiln year closes: a year of glimmer, a year of quill, and a year again.',
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'a', 'and', 'our', 'was', 'what', 'how', 'for', 'is'].includes(word);
  const read = (question: string) => unclipped(question, () => texts, [vocabulary], stopWords, stemWord);

  it('reads a skeleton as the one printed word that holds its letters in order, first to last', () => {
    expect(read('mgmt fees for the qtr?')).toBe('management fees for the quarter?');
    expect(read('who signed our accts?')).toBe('who signed our accounts?');
    // (A skeleton may end on the letter before a silent "e": "avg" is "average", not "advertising".)
    expect(read('the avg depot?')).toBe('the average depot?');
  });

  it('reads a word clipped to its start as the one printed word it begins, a typed plural as a printed plural', () => {
    expect(read('vorn rev in 2031?')).toBe('vorn revenue in 2031?');
    expect(read('glimmer divs paid?')).toBe('glimmer dividends paid?');
    // ("gli" begins "glimmer" and "glitter", printed about as often: it stays.)
    expect(read('gli sales?')).toBe('gli sales?');
  });

  it('reads a clipping as the word the report prints beside the question\'s neighbouring word, before the commonest', () => {
    expect(read('accrued quill comp?')).toBe('accrued quill compensation?');
    expect(read('what does the comp do?')).toBe('what does the company do?');
  });

  it('keeps a skeleton two printed words could stand for, a word with vowels, and an initialism the report spells out', () => {
    // ("stmt" could be statement or settlement, printed about as often.)
    expect(read('vorn stmt?')).toBe('vorn stmt?');
    expect(read('was the team big?')).toBe('was the team big?');
    expect(read('what was tsr?')).toBe('what was tsr?');
  });

  it('reads a skeleton as its printed word when that word is printed many times as often as the phrase its letters begin', () => {
    // ("yet reported" is printed twice; "year" six times.)
    expect(read('what yr was the kiln built?')).toBe('what year was the kiln built?');
    // (Typed in capitals it is an initialism, never a clipped word.)
    expect(read('what was the kiln YR?')).toBe('what was the kiln YR?');
  });

  it('keeps a word the report prints only in another form of it, though it begins a longer printed word', () => {
    // ("fees" is printed: "fee" is its singular, not the start of "feedback".)
    expect(read('the quill fee?')).toBe('the quill fee?');
    expect(read('glimmer feed?')).toBe('glimmer feedback?');
  });
});

describe('another form of a printed word, beside the word the report prints it with', () => {
  const texts = [
    'The quill register is kept by Brackwater Registry Services. Our quill register lists 412 holders.',
    'Each holder of quills had a registration number; registration closed in May. The quill was registered.',
    'The accountant firm Vale & Co signed the glimmer accounts; the accountant firm was paid.',
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'a', 'our', 'who', 'is', 'whos', 'what', 'was'].includes(word);
  const read = (question: string) => derivedAsPrinted(question, () => texts, [vocabulary], stopWords, stemWord);

  it('reads a word the report never prints as the printed word of its root beside the question\'s neighbour', () => {
    expect(read('whos our quill registery?')).toBe('whos our quill register?');
    expect(read('which accountancy firm signed?')).toBe('which accountant firm signed?');
  });

  it('leaves it as typed with no neighbour printed beside a word of its root, or when the report prints it', () => {
    expect(read('registery?')).toBe('registery?');
    expect(read('whos our glimmer registery?')).toBe('whos our glimmer registery?');
    expect(read('whos our quill registry?')).toBe('whos our quill registry?');
  });
});

describe('clipped words side by side', () => {
  const texts = [
    'Administrative expenses were 309; administrative expenses fell, as administrative costs did. Exploration costs rose; exploration again, and exploration.',
    'The expected quill yield and the expected glimmer yield. Exports of quills and exports of glimmer.',
  ];
  const vocabulary = vocabularyOf(texts);
  const stopWords = (word: string) => ['of', 'the', 'a', 'and', 'what', 'were', 'for', 'fy'].includes(word);
  const read = (question: string) => unclipped(question, () => texts, [vocabulary], stopWords, stemWord);

  it('reads a clipped neighbour by the printed word it begins, and three consonant-like letters as a word\'s first letters too', () => {
    expect(read('what were admin exp for the fy?')).toBe('what were administrative expenses for the fy?');
  });
});

describe('the Latin abbreviations of a list of examples', () => {
  it('reads "etc" as no clipped word of the report, however often the report prints one it could clip', () => {
    const texts = ['Electronic glimmer sales rose; electronic quill orders and electronic kiln bookings grew.', 'Our electronic ledger is audited.'];
    const read = (question: string) => unclipped(question, () => texts, [vocabularyOf(texts)], (word) => EN_STOP_WORDS.has(word), stemWord);
    expect(read('kiln commission (quills, glazes etc) in 2031?')).toBe('kiln commission (quills, glazes etc) in 2031?');
  });
});

describe('two clipped words in a row', () => {
  const texts = [
    'The market value of the kilns rose; the market value of the glazes fell.',
    'Operating hours rose in spring. Operating hours fell in summer. Operating hours held in winter.',
    'A single sample feed was tried once.',
  ];
  const stopList = (word: string) => EN_STOP_WORDS.has(word);
  const read = (question: string) => unclippedPairs(question, () => texts, [vocabularyOf(texts)], stopList);

  it('reads them as the two printed words they begin or hold, printed together at least twice', () => {
    expect([read('what was the kiln mkt val in 2031?'), read('new op hours in 2031?')]).toEqual(['what was the kiln market value in 2031?', 'new operating hours in 2031?']);
  });

  it('leaves them as typed where the pair is printed once, or where both words are printed as typed', () => {
    expect([read('any sa fd this year?'), read('the kiln market value?')]).toEqual(['any sa fd this year?', 'the kiln market value?']);
  });
});
