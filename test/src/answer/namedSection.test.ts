import { describe, expect, it } from 'vitest';
import { sectionsNamed } from '../../../src/answer/namedSection.js';
import { placeOfProse, sourcePhrase } from '../../../src/answer/questionAnalysis.js';
import { type PdfBlock, statementRow } from '../../fixtures/pdfs.js';
import { plainReportService } from './reportFixture.js';

describe('the part of a report a question names', () => {
  it('reads the phrase after words that say where a figure is stated, up to a preposition that starts what follows', () => {
    expect(sourcePhrase('What was loom revenue per the MD&A for 2031?')).toBe('MD&A');
    expect(sourcePhrase("How much was depreciation in 2031, according to the chairman's statement?")).toBe("chairman's statement");
    expect(sourcePhrase('Loom costs as set out in our operating review, approx?')).toBe('operating review');
    // "per share" says what an amount is divided by, not where it is printed.
    expect([sourcePhrase('What were earnings per share in 2031?'), sourcePhrase('What was depreciation in 2031?')]).toEqual([null, null]);
  });

  it('reads "in/on/from the … note, list, table, recon" and such a phrase typed after the question as a place, its years left out', () => {
    expect(sourcePhrase('how much did the auditors charge in 2031, from the loom levy note?')).toBe('loom levy note');
    expect(sourcePhrase('biggest holder on the substantial holdings list is quorvex nominees - what %?')).toBe('substantial holdings list');
    expect(sourcePhrase('statutory rate used in the fy31 tax recon?')).toBe('tax recon');
    // (As a clipped "recon" is read: the report's heading prints the plural.)
    expect(sourcePhrase('loom additions in 2031? from the loom reconciliations')).toBe('loom reconciliations');
    expect(sourcePhrase('how many kiln shares were in issue at 31 dec 31? kiln capital note')).toBe('kiln capital note');
    expect(sourcePhrase('current state tax for fy31 (tax note)?')).toBe('tax note');
    // No words before the part noun name no part; "notes" are a debt as often as a part of the report.
    expect([sourcePhrase('what is the total in the table?'), sourcePhrase('interest paid on the convertible notes in 2031?')]).toEqual([null, null]);
  });

  it('reads a note, table, list or reconciliation for its tables, and a report, letter, review or statement for its prose', () => {
    expect(['tax note', 'holdings list', 'lease recon', 'kiln table', '5 yr summary'].map(placeOfProse)).toEqual([false, false, false, false, false]);
    expect(["chairman's statement", 'MD&A', 'remuneration report', 'operating review'].map(placeOfProse)).toEqual([true, true, true, true]);
  });

  it('finds the headings that hold every word of the phrase, or whose consecutive words a capitals initialism spells', () => {
    const headings = ["Chairman's Statement", 'Item 7. Management’s Discussion and Analysis of Loom Operations', 'Consolidated Statement of Loom Income', 'Loom Review'];
    expect([...sectionsNamed("chairman's statement", headings, 'Tarnwick Mills Annual Report 2031')]).toEqual(["Chairman's Statement"]);
    expect([...sectionsNamed('MD&A', headings, 'Tarnwick Mills Annual Report 2031')]).toEqual(['Item 7. Management’s Discussion and Analysis of Loom Operations']);
    // Two letters spell too much by chance, and an initialism is read only as typed in capitals.
    expect([...sectionsNamed('LR', headings, 'Tarnwick Mills Annual Report 2031'), ...sectionsNamed('md&a', headings, 'Tarnwick Mills Annual Report 2031')]).toEqual([]);
    // A note's heading need not say "note", nor a list's "list".
    expect([...sectionsNamed('loom levy note', [...headings, '5. Loom levy'], 'Tarnwick Mills Annual Report 2031')]).toEqual(['5. Loom levy']);
    // The report's own title names the whole report, not a part of it.
    expect([...sectionsNamed('annual report', [...headings, 'Annual Report of the Loom Trustees'], 'Tarnwick Mills Annual Report 2031')]).toEqual([]);
  });
});

/** An invented annual report, built as a PDF in the test: a statement row and prose that state one quantity differently. */
const service = plainReportService('tarnwick-2031.pdf', [
  ['Tarnwick Mills plc', 'Annual Report 2031'],
  [
    { line: "Chairman's Statement", size: 14 },
    'The new looms came into service in March and the mills ran at full shift for most of the year.',
    'Depreciation for 2031 rose to £4.2 million as the new looms came into service.',
  ],
  [
    { line: 'Management’s Discussion and Analysis of Loom Operations', size: 14 },
    'Loom revenue for 2031 was £88.1 million, up from £80.6 million in 2030.',
    'Weaving hours rose by a fifth across the three mills.',
  ],
  [
    { line: 'Consolidated Statement of Loom Income', size: 14 },
    { line: '(in thousands)', align: 'right' },
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Loom revenue', '88,140', '80,575'),
    statementRow('Depreciation', '4,187', '3,902'),
    statementRow('Operating profit', '12,406', '11,170'),
  ],
]);

describe('a question that names where its figure is stated', () => {
  const figures = async (question: string) => (await service().ask(question)).figures.map((f) => f.value);

  it('reads the statement when the question names no part', async () => {
    expect(await figures('What was depreciation in 2031?')).toEqual(['4,187']);
  });

  it('reads the named part first: its sentence, not the statement row printed elsewhere', async () => {
    expect(await figures("What was depreciation in 2031 according to the chairman's statement?")).toEqual(['4.2']);
    expect(await figures('What was loom revenue per the MD&A for 2031?')).toEqual(['88.1']);
  });

  it('reads the whole report when the named part does not say, or the part named is the report itself', async () => {
    expect(await figures('What was operating profit per the MD&A for 2031?')).toEqual(['12,406']);
    expect(await figures('What was depreciation in 2031 according to the annual report?')).toEqual(['4,187']);
  });
});

/** An invented report whose notes hold a list and a table beside prose that repeats the note's words. */
const notesService = plainReportService('quorvex-2031.pdf', [
  ['Quorvex Kilns plc', 'Annual Report 2031'],
  [
    { line: 'Directors’ Report', size: 14 },
    'The directors present their report on the kilns for the year ended 31 December 2031.',
    { line: 'Substantial holdings', size: 12 },
    'Tarnwick Nominees Clients 12.7%',
    'Brill Share Dealing Clients 9.6%',
    'Osk Holdings Pty Ltd 5.9%',
  ],
  [
    { line: '12. Kiln pension plans', size: 12 },
    'The kiln savings plan and the kiln bonus plan cover most kiln staff. Forfeiture of benefits under the',
    'kiln savings plan is possible; its benefits were valued at £18.3 million in 2031.',
    { placed: [{ text: '2031', x: 400, align: 'right' }, { text: '2030', x: 510, align: 'right' }], advance: 20 },
    statementRow('Kiln savings plan', '4,812', '3,407'),
    statementRow('Kiln bonus plan', '1,204', '1,187'),
  ],
]);

describe('a question that names a note or a list of the report', () => {
  const answer = async (question: string) => {
    const result = await notesService().ask(question);
    return result.found ? (result.figures[0]?.value ?? result.answer.split('\n')[0]) : 'not found';
  };

  it('reads the list under the heading it names, whose lines do not repeat the heading', async () => {
    expect(await answer('biggest holder on the substantial holdings list is tarnwick nominees - what %?')).toBe('12.7');
  });

  it('weighs a note’s table against its prose as anywhere: the row that names the plan answers', async () => {
    expect(await answer('what did the kiln savings plan cost us in 2031? (kiln pension plans note)')).toBe('4,812');
  });
});
