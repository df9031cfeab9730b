import { describe, expect, it } from 'vitest';
import { sectionsNamed } from '../../../src/answer/namedSection.js';
import { sourcePhrase } from '../../../src/answer/questionAnalysis.js';
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

  it('finds the headings that hold every word of the phrase, or whose consecutive words a capitals initialism spells', () => {
    const headings = ["Chairman's Statement", 'Item 7. Management’s Discussion and Analysis of Loom Operations', 'Consolidated Statement of Loom Income', 'Loom Review'];
    expect([...sectionsNamed("chairman's statement", headings, 'Tarnwick Mills Annual Report 2031')]).toEqual(["Chairman's Statement"]);
    expect([...sectionsNamed('MD&A', headings, 'Tarnwick Mills Annual Report 2031')]).toEqual(['Item 7. Management’s Discussion and Analysis of Loom Operations']);
    // Two letters spell too much by chance, and an initialism is read only as typed in capitals.
    expect([...sectionsNamed('LR', headings, 'Tarnwick Mills Annual Report 2031'), ...sectionsNamed('md&a', headings, 'Tarnwick Mills Annual Report 2031')]).toEqual([]);
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
