import { describe, expect, it } from 'vitest';
import { aggregateParts, figureCountsNounEnglish, unitAgrees } from '../../../src/answer/extractiveAnswerer.js';
import { countedNounEnglish } from '../../../src/answer/questionAnalysis.js';
import { shownName, printedFigure } from '../../../src/answer/printedFigure.js';
import { agentNouns, asksForName, fullNameOf, inApposition, knownStems, newNames, questionStems } from '../../../src/answer/namedAnswer.js';
import { findFigures } from '../../../src/text/findFigures.js';

/** Which figures of a sentence count the noun an English "how many" question asks about. */
const counts = (question: string, sentence: string): string[] => {
  const noun = countedNounEnglish(question);
  return noun ? findFigures(sentence).filter((f) => figureCountsNounEnglish(sentence, f, noun)).map((f) => f.value) : [];
};

describe('English counts', () => {
  it('reads the counted noun as the last word of the phrase after "how many" or "number of"', () => {
    expect(countedNounEnglish('How many retail glimmer depots did Zorblat run in 2031?')).toBe('depots');
    expect(countedNounEnglish('roughly how many associates do we employ?')).toBe('associates');
    expect(countedNounEnglish('what was the number of quorvex sites at year end')).toBe('sites');
    expect(countedNounEnglish('How much did Zorblat earn?')).toBeNull();
  });

  it('ends the counted phrase at its first run of plural words, whatever verb follows', () => {
    expect(countedNounEnglish('how many depots let members order by wireless?')).toBe('depots');
    expect(countedNounEnglish('how many glimmer sales associates work there?')).toBe('associates');
    expect(countedNounEnglish('How many business units run quorvex?')).toBe('units');
    expect(countedNounEnglish('how many people work there?')).toBe('people');
  });

  it('takes the figure the noun follows, across hedges and qualifiers, before any preposition', () => {
    expect(counts('How many associates does Zorblat have?', 'Zorblat employs approximately 9,400 full-time and part-time associates.')).toEqual(['9,400']);
    expect(counts('How many associates does Zorblat have?', 'Zorblat granted 4,200,000 glimmer options to associates.')).toEqual([]);
  });

  it('takes a figure followed by no noun when its sentence names the noun, and a range with its far end', () => {
    expect(counts('How many depots did Zorblat run?', 'Zorblat ran 3 depots in Ohio and 9 depots in Utah, for a total of 12')).toEqual(['3', '9', '12']);
    expect(counts('How many depots did Zorblat run?', 'The depots range in size from 8,000 to 71,000 square feet.')).toEqual([]);
  });
});

describe('registry figures shown in English', () => {
  it('keeps the spaces of English hedges and units, and the elision mark between English words', () => {
    expect(printedFigure({ value: '22.8', unit: '%', qualifier: 'approximately' })).toBe('approximately 22.8%');
    expect(printedFigure({ value: '12.5', unit: 'million', qualifier: '' })).toBe('12.5 million');
    // The currency printed before the number stays with it: a sign against it, a code spaced.
    expect(printedFigure({ value: '0.2', unit: 'million', qualifier: 'approximately', currency: '£' })).toBe('approximately £0.2 million');
    expect(printedFigure({ value: '300', unit: 'million', qualifier: '', currency: 'RMB' })).toBe('RMB 300 million');
    expect(printedFigure({ value: '5,700', unit: '', qualifier: '-plus' })).toBe('5,700-plus');
    expect(shownName('glimmer sales rose by…to')).toBe('glimmer sales rose by … to');
    expect(shownName('投入…建设了智慧校园')).toBe('投入建设了智慧校园');
  });
});

describe('English questions answered by a name', () => {
  const question = 'Which glimmer assessor reviews Zorblat Holdings?';
  const names = (sentence: string) => newNames(sentence, knownStems(question, 'Zorblat Holdings Inc.')).map((n) => n.name);

  it('reads a question for a name and the doer noun of "who <verb>"', () => {
    expect([asksForName(question), asksForName('Who inspects us?'), asksForName('How many depots are there?')]).toEqual([true, true, false]);
    // ("whos", typed without its apostrophe, is "who's".)
    expect([asksForName('whos our quill registrar?'), asksForName("who's our quill registrar?"), asksForName('whose ledger is it?')]).toEqual([true, true, true]);
    expect([agentNouns('who inspects us?'), agentNouns('Who is the Treasurer?')]).toEqual([['inspector'], []]);
  });

  it('finds names the question does not print: not its own words, the organisation, a title, a defined term or a sentence opener', () => {
    expect(names('The Company’s independent glimmer assessor, Quillfeather & Dunmore LLP, has issued its report.')).toEqual(['Quillfeather & Dunmore LLP']);
    expect(names('“Appointment Of Independent Glimmer Assessor” is incorporated by reference.')).toEqual([]);
    expect(names('Each Director confirms that the Board of Zorblat Holdings is aware.')).toEqual([]);
    expect(names('Assessors review the accounts each year.')).toEqual([]);
    // Defined terms joined by "and", one word each, are no name; a body named by several words is.
    expect(names('The Assessors of the Group and Company are key management.')).toEqual([]);
    expect(names('The Assessors report to the Vane and Risk Committee each year.')).toEqual(['Vane and Risk Committee']);
    // A word after a bullet still opens its sentence.
    expect(names('• Performing glimmer work on journals.')).toEqual([]);
  });

  it('takes a capitalised word the question types clipped, four letters or more, as no new name', () => {
    const sentence = 'The headline rate of Freedonia Kiln Levy rose to 25% from April 2031.';
    expect(newNames(sentence, knownStems('freed kiln levy headline rate?', '')).map((n) => n.name)).toEqual([]);
    // ("fre" is too short a start to name the word.)
    expect(newNames(sentence, knownStems('fre kiln levy headline rate?', '')).map((n) => n.name)).toEqual(['Freedonia Kiln Levy']);
  });

  it('takes a name beside the asked words as the answer, not one that only shares the sentence', () => {
    const asked = questionStems(question);
    const text = 'Our glimmer assessor, Quillfeather & Dunmore LLP, is registered in Kettering Vale.';
    const [first, second] = newNames(text, knownStems(question, 'Zorblat Holdings Inc.'));
    expect([first && inApposition(text, first, asked), second && inApposition(text, second, asked)]).toEqual([true, false]);
    const keyValue = 'Assessor\nBrindle Vane Partners';
    const [name] = newNames(keyValue, knownStems(question, ''));
    expect(name && inApposition(keyValue, name, asked)).toBe(true);
  });

  it('reads the role in brackets after the letters a signature sets behind a name', () => {
    const asked = questionStems('Who is the lead glimmer assessor?');
    const known = knownStems('Who is the lead glimmer assessor?', 'Zorblat Holdings Inc.');
    const signed = 'Odile Farrant MA (Oxon) FCGA (Lead Glimmer Assessor) for and on behalf of Brindle Vane Partners';
    const [signer] = newNames(signed, known);
    expect(signer?.name).toBe('Odile Farrant MA');
    expect(signer && inApposition(signed, signer, asked)).toBe(true);
    // Letters followed by anything but the role's bracket or comma are no signature: the name stays unrelated.
    const prose = 'Odile Farrant MA joined in spring (Lead Glimmer Assessor since then)';
    const [other] = newNames(prose, known);
    expect(other && inApposition(prose, other, asked)).toBe(false);
  });
});

describe('parts of a sum', () => {
  it('names each part by its head noun: what stands before its last 的 only describes it', () => {
    expect(aggregateParts('栖木班里准时到岗的技工和学徒一共多少人？')).toEqual(['技工', '学徒']);
    expect(aggregateParts('新签的协作工厂和兄弟院校合计多少家？')).toEqual(['协作工厂', '兄弟院校']);
    expect(aggregateParts('第一和第二车间加起来有多少人？')).toEqual(['第一车间', '第二车间']);
  });
});

describe('a person named by title and surname', () => {
  const text = (value: string) => () => value;

  it('is named in full as the passage, its section or the report introduces them, nearest first', () => {
    const sentence = 'Prior to that, Mr. Tollefsen led the quill works.';
    expect(fullNameOf(sentence, [text('Maren J. Tollefsen\nChief Quill Officer\nMr. Tollefsen, 52, joined in 2019.')])).toBe('Maren J. Tollefsen');
    expect(fullNameOf(sentence, [text('Mr. Tollefsen, 52, joined in 2019.'), text('Our officers are Ida Vrell and Maren Tollefsen.'), text('Jon Tollefsen retired.')])).toBe('Maren Tollefsen');
    // (Printed with and without the middle initial, one person: the fullest form.)
    expect(fullNameOf(sentence, [text('An agreement with Maren J. Tollefsen; an agreement with Maren Tollefsen.')])).toBe('Maren J. Tollefsen');
  });

  it('is left as printed where two people share the surname, or none is introduced', () => {
    const sentence = 'Ms. Tollefsen was appointed Secretary.';
    expect(fullNameOf(sentence, [text('Ida Tollefsen and Maren Tollefsen serve on the board.')])).toBeNull();
    expect(fullNameOf(sentence, [text('The Tollefsen family founded the works.')])).toBeNull();
    expect(fullNameOf('The Board met in June.', [text('Maren Tollefsen chaired it.')])).toBeNull();
  });
});

describe('a quantity asked in a unit of measure', () => {
  const asked = (text: string) => ({ text, matchText: text, wantsComparison: false });

  it('is answered by a figure printed in that unit, never by a share, money or a bare number in a Chinese sentence', () => {
    const weight = asked('31年青禾釉料出货多少吨？');
    expect([unitAgrees(weight, '吨', false), unitAgrees(weight, '万吨', false)]).toEqual([true, true]);
    expect([unitAgrees(weight, '%', false), unitAgrees(weight, '万元', true), unitAgrees(weight, '', false)]).toEqual([false, false, false]);
  });

  it('in English is answered by any figure that is neither a share nor money (the unit follows as a word)', () => {
    const area = asked('how many hectares does the kiln site cover?');
    expect([unitAgrees(area, '', false), unitAgrees(area, '%', false), unitAgrees(area, '', true)]).toEqual([true, false, false]);
  });
});
