import type { ParsedTable, SectionRef } from '../../src/store/shapes.js';
import { isYearNumber, parseAmount } from '../../src/text/amounts.js';
import { isDateLine, isPeriodLine, periodOf } from '../../src/text/periods.js';
import { unitInLabel, unitLine, type TableUnit } from '../../src/text/unitLines.js';
import { breaksOff, isParenthetical, leadsInto, readsAsSentence, refersBack } from '../structure/headingShapes.js';
import { isSourceNote, sameTitle, tableCaption } from '../structure/lineShapes.js';
import type { CleanLine, Segment } from '../types.js';
import { cellKey } from './cellText.js';
import { columnOf, joinCell, type GridRow, type LayoutTable } from './findLayoutTables.js';

/**
 * Found layout tables made into the report's tables: caption or title, header rows, the period of
 * each column, the unit of the amounts, a source note, and a table that runs on over a page break
 * joined to where it began.
 */

export interface LayoutTableContext {
  lines: readonly CleanLine[];
  /** Section of the report a line stands in (from the structure stage). */
  sectionAt(line: number): SectionRef;
  /** Body font size, to tell a title set larger from the text around it. */
  bodySize: number;
  language: 'zh' | 'en';
}

/** A title line has more space under it than this many of the table's row pitches. */
const APART_PITCHES = 1.3;
/** How many lines above a table are searched for its caption, title and unit. */
const CONTEXT_LINES = 5;
/** At most this many rows at the top of a table are header rows. */
const MAX_HEADER_ROWS = 4;
const ENUMERATOR = /^(?:第[一二三四五六七八九十百]+[节章部分篇]\s*|[（(]?[一二三四五六七八九十]+[)）、．.]\s*|[（(]?\d{1,2}[)）、．.]\s*(?!\d)|[（(][a-zA-Z][)）]\s*)/u;
const TITLE_PERIOD = /[\s,]+(?:for\s+the\s+(?:fiscal\s+)?(?:years?|periods?|quarters?)\s+ended|as\s+(?:of|at)|at\s+\d{1,2}\s+[A-Za-z]+\s+\d{4})\b.*$/iu;
const NOTE_TITLE = /^\s*(?:notes?|附注|注释)\s*$/iu;
const SENTENCE_END = /[。；;！？!?]$/u;
const CHECKBOX = /[□√☑☐■]/u;
const LABEL_VALUE = /^[^：:]{2,12}[：:]\s*\S/u;

interface Described {
  table: ParsedTable;
  found: LayoutTable;
  captioned: boolean;
  titled: boolean;
}

export interface LayoutTables {
  tables: ParsedTable[];
  /** The lines each table's rows were read from, [first, last] per page it spans. */
  lineRanges: Map<string, Array<readonly [number, number]>>;
}

export function tablesFromLayout(found: readonly LayoutTable[], context: LayoutTableContext): LayoutTables {
  // Each table's title is looked for above it, up to the last row of figures of the table before it,
  // never past it (the label-only lines that close a table may still be the next one's title).
  const described = found.map((f, i) => describe(f, context, lastFilledLine(found[i - 1])));
  const merged: Array<{ head: Described; parts: LayoutTable[] }> = [];
  for (const d of described) {
    const previous = merged.at(-1);
    if (previous && continues(previous.head, d, context)) {
      appendRows(previous.head.table, d);
      previous.parts.push(d.found);
      continue;
    }
    merged.push({ head: d, parts: [d.found] });
  }
  const tables = uniqueIds(merged.map((m) => m.head.table), context.language);
  const lineRanges = new Map(tables.map((t, i) => [t.id, (merged[i]?.parts ?? []).map((p) => [p.lineStart, p.lineEnd] as const)]));
  return { tables, lineRanges };
}

/** The last line of a table's last row with two cells or more filled; -1 for none. */
function lastFilledLine(table: LayoutTable | undefined): number {
  const row = table?.rows.findLast((r) => r.cells.filter((c) => c !== '').length >= 2);
  return row ? Math.max(...row.lines) : -1;
}

function describe(found: LayoutTable, context: LayoutTableContext, previousEnd: number): Described {
  const { lines } = context;
  const first = found.preamble[0] ?? found.lineStart;
  const above: number[] = [];
  for (let i = first - 1; i > previousEnd && above.length < CONTEXT_LINES; i -= 1) {
    if (lines[i]?.page !== lines[first]?.page) break;
    above.push(i);
  }
  const context_ = [...[...found.preamble].reverse(), ...above];
  const captionAt = context_.find((i) => tableCaption(lines[i]?.text ?? '') !== null);
  const caption = captionAt !== undefined ? tableCaption(lines[captionAt]?.text ?? '') : null;
  // A line over the amount columns only ("Consolidated", "Parent", "本期发生额") names a group of
  // columns: it heads them, it is not the table's title.
  const groupLines = found.groupLines;
  // A line inside the run above the first row is the title only when the table opens with column
  // titles, or when it stands apart from the rows: more space under it than between rows, larger
  // type, capitals, or a unit or period line under it. Otherwise it is a cell (a wrapped label, a row
  // carried over from the previous page above the rest of the rows).
  const pitch = rowPitch(lines, found.lineStart, found.lineEnd);
  const standsApart = (i: number) => {
    const line = lines[i];
    const next = lines[i + 1];
    const g = line?.geometry;
    if (!line || !g || !next?.geometry || next.page !== line.page) return true;
    const gap = next.geometry.y - g.y;
    const capitals = /[A-Z]{2}/u.test(line.text) && !/[a-z]/u.test(line.text);
    return gap > APART_PITCHES * pitch || g.size > 1.05 * context.bodySize || capitals || unitLine(next.text) !== null || isPeriodLine(next.text);
  };
  // A lone figure over the value columns above the first row ("15,599." of a row whose cells wrap
  // onto three lines) means the table's rows go on above it: the lines past it are wrapped cells,
  // not a title. (A period or year line there heads the columns and stops nothing.)
  const valueStart = found.columns[1]?.x0 ?? Infinity;
  const fragmentAt = context_.findIndex((i) => {
    const line = lines[i];
    const g = line?.geometry;
    return !!g && g.segments.length === 1 && g.x0 >= valueStart - g.size && FIGURE_PIECE.test(line.text.trim()) && !isYearNumber(line.text) && !isPeriodLine(line.text);
  });
  const pastFigureFragment = (i: number) => fragmentAt !== -1 && context_.indexOf(i) >= fragmentAt;
  // Column titles under it make it a title too: a table starts with its header, a continued one with rows.
  const opensWithHeader = (found.rows[0]?.cells ?? []).filter((c) => c !== '').length >= 2 && !(found.rows[0]?.cells ?? []).some(isAmountCell);
  // A unit note stands between a table's title and its columns: a line nearer the rows than the unit
  // note ("单位：元" / "本期增减变动" / the columns) heads columns, it is not the title.
  const unitAt = context_.findIndex((i) => unitLine(lines[i]?.text ?? '') !== null);
  const underUnit = (i: number) => unitAt > 0 && context_.indexOf(i) < unitAt;
  // A title stands in the section its table does: a line above the heading that opens the table's
  // section (the running title atop the page, the end of the text before) names something else.
  const tableSection = context.sectionAt(found.lineStart).id;
  const inTableSection = (i: number) => context.sectionAt(i).id === tableSection;
  // A line right above the table's first line, in its small type and face, is one more line of its
  // column heads ("Useful Lives" over "(Years)"): a title is set apart from the heads it stands over.
  const headsColumns = (i: number) => {
    const g = lines[i]?.geometry;
    const head = lines[found.lineStart]?.geometry;
    return i === found.lineStart - 1 && !!g && !!head && g.font === head.font && Math.abs(g.size - head.size) < 0.3 && g.size < context.bodySize - 0.5;
  };
  // A line starting where the line above it starts (to the point: centred lines of like length start
  // a few points apart), both well right of the rows' labels, is the
  // wrapped end of a cell in a column of text ("…以前按 16%，" / "…以后按 13%的税率计"), not a title
  // that happens to stand near the middle.
  const labelsFrom = found.columns[0]?.x0 ?? -Infinity;
  const wrapsCellAbove = (i: number) => {
    const g = lines[i]?.geometry;
    const above = lines[i - 1];
    const a = above?.geometry;
    return !!g && !!a && above?.page === lines[i]?.page && Math.abs(g.x0 - a.x0) < SAME_EDGE && g.x0 > labelsFrom + 2 * g.size;
  };
  const candidates = context_.filter(
    (i) =>
      inTableSection(i) &&
      !groupLines.includes(i) &&
      !pastFigureFragment(i) &&
      !underUnit(i) &&
      !headsColumns(i) &&
      !wrapsCellAbove(i) &&
      (!found.preamble.includes(i) || opensWithHeader || standsApart(i)),
  );
  const title = caption?.title ?? (titleAbove(candidates, captionAt, context) || leadInAbove(context_, found, context));
  const noteLine = lines[found.lineEnd + 1];
  const sourceNote = noteLine && isSourceNote(noteLine.text) ? noteLine.text : null;

  const rows = found.rows.filter((r) => r.cells.some((c) => c !== ''));
  const keyValue = isKeyValue(rows, caption !== null);
  // (Column heads read as group lines above the rows: a line of years under them dates them.)
  const headerCount = keyValue ? 0 : headerRowCount(rows, caption !== null, groupLines.length > 0);
  // A note-reference column ("Note", "附注") lists note numbers: no column group heads it.
  const noteColumns = new Set(found.columns.map((_, c) => c).filter((c) => found.rows.slice(0, MAX_HEADER_ROWS).some((r) => NOTE_TITLE.test(r.cells[c] ?? ''))));
  const groups = groupLines.map((i) => groupRow(lines[i], found.columns, noteColumns)).filter((r) => r.cells.some((c) => c !== ''));
  const headerRows = [...groups.map((g) => g.cells), ...rows.slice(0, headerCount).map((r) => r.cells)];
  const body = rows.slice(headerCount).filter((r) => !headerRows.some((h) => sameRow(h, r.cells)));
  const centred = centredOverEmptyColumns(headerRows, body.map((r) => r.cells));
  const header = alignHeadings(centred.length > 0 ? combineHeader(centred, groups.map((g) => g.inOneColumn)) : rows[0]?.cells.map(() => '') ?? [], body.map((r) => r.cells));
  const unit = tableUnit(context_, header, lines);
  const pages = [...new Set(found.rows.map((r) => r.page))];
  const firstPage = lines[found.lineStart]?.page ?? pages[0] ?? 0;
  const table: ParsedTable = {
    id: caption?.id ?? '',
    title,
    page: captionAt !== undefined ? (lines[captionAt]?.page ?? firstPage) : firstPage,
    pages,
    header,
    rows: body.map((r) => r.cells),
    rowPages: body.map((r) => r.page),
    sourceNote,
    // The structure stage already put the caption's line under its own section ("表 1-1").
    section: context.sectionAt(captionAt ?? found.lineStart),
    headerRows: headerRows.length > 1 ? headerRows : undefined,
    periods: header.map((h) => periodOf(h)),
    unit,
    keyValue: keyValue || undefined,
  };
  return { table, found, captioned: caption !== null, titled: title !== '' };
}

/** The title line just above the table: the nearest short line that is no sentence, unit note, label:value pair or form question. */
function titleAbove(candidates: number[], captionAt: number | undefined, context: LayoutTableContext): string {
  // A line answered by a checkbox line under it ("公司是否需追溯调整…" / "□ 是 √ 否") is a form question.
  const answered = (i: number) => CHECKBOX.test(context.lines[i + 1]?.text ?? '');
  // (Judged again without its numbering: "3．对" is a one-character fragment of a row label.)
  const usable = candidates.filter(
    (i) => i !== captionAt && isTitleLike(context.lines[i]) && !answered(i) && printedChars(cleanTitle(context.lines[i]?.text ?? '')) >= MIN_TITLE_CHARS && !endsSentenceAbove(i, context.lines),
  );
  const at = usable[0];
  return at === undefined ? '' : cleanTitle(context.lines[at]?.text ?? '');
}

/** A lead-in sentence is read back over at most this many lines (it may wrap onto the line the colon ends). */
const MAX_LEAD_IN_LINES = 3;
/** Type this much larger than the body's is a heading's. */
const HEADING_TYPE = 1.05;
/** A unit in brackets the lead-in ends on ("… as follows (in thousands):"): the table's unit, not its name. */
const LEAD_IN_UNIT = /\s*\((?:[^()]*\b(?:in|amounts)\b[^()]*)\)\s*$/iu;

/**
 * The English sentence that leads into an untitled table, ending on a colon right above it ("Revenue
 * by region for 2031 and 2030 was as follows (in thousands):"): a filing names most tables of its
 * notes so, and the sentence says what the rows are of. Read back to where the sentence starts,
 * over a line break or after a run-in heading ("Kiln Levies. The components of …"), on the
 * table's page and in its section; only a clause with its verb (see leadsIn), without the colon and
 * the unit it ends on. Empty when no such sentence stands there.
 */
function leadInAbove(context_: readonly number[], found: LayoutTable, context: LayoutTableContext): string {
  const { lines } = context;
  // The nearest line above the rows that is no unit or period line, nor a group of column heads.
  // (A line that ends the sentence on its unit, "… as follows (in thousands):", is no unit line.)
  const at = context_.find((i) => {
    const text = lines[i]?.text ?? '';
    return !found.groupLines.includes(i) && (leadsInto(text) || (!unitLine(text) && !isPeriodLine(text) && !isDateLine(text)));
  });
  const end = at === undefined ? undefined : lines[at];
  if (at === undefined || !end || !/[A-Za-z)]:$/u.test(end.text.trim())) return '';
  const section = context.sectionAt(at).id;
  const parts = [end.text.trim()];
  for (let i = at - 1; i >= 0 && parts.length < MAX_LEAD_IN_LINES; i -= 1) {
    const line = lines[i];
    if (!line || line.page !== end.page || context.sectionAt(i).id !== section) break;
    const text = line.text.trim();
    // (A line set in cells is a row of the table before, a line in larger type or another face a
    // heading: a sentence wraps in its own type.)
    const otherType = (line.geometry?.size ?? 0) > HEADING_TYPE * context.bodySize || (line.geometry && end.geometry && line.geometry.font !== end.geometry.font);
    if (/[.:;!?]$/u.test(text) || (line.geometry?.segments.length ?? 1) > 1 || otherType) break;
    parts.unshift(text);
  }
  const sentence = parts.join(' ').split(/(?<=[a-z)][.!?])\s+(?=[A-Z])/u).at(-1) ?? '';
  const named = sentence.replace(/:$/u, '').replace(LEAD_IN_UNIT, '').trim();
  return /^[A-Z]/u.test(named) && (leadsIn(named) || /\b(?:follows|following)$/u.test(named)) ? named : '';
}

/**
 * The line finishes an English sentence the line above began: that line runs to the right edge of
 * the text and breaks off after a word ("… provided by the auditor of the" / "Company:").
 */
function endsSentenceAbove(index: number, lines: readonly CleanLine[]): boolean {
  const line = lines[index];
  const above = lines[index - 1];
  if (!line?.geometry || !above?.geometry || above.page !== line.page) return false;
  const page = lines.slice(Math.max(0, index - 20), index + 20).filter((l) => l.page === line.page && l.geometry);
  const right = Math.max(...page.map((l) => l.geometry?.x1 ?? 0));
  const full = above.geometry.x1 >= right - 2 * above.geometry.size;
  // (Latin script only: a full Chinese line above a title is as often a wrapped table cell as prose.)
  return full && above.geometry.segments.length === 1 && /[A-Za-z,]$/u.test(above.text.trim());
}

/** The median distance between consecutive lines of the table's rows on one page (0 when unknown). */
function rowPitch(lines: readonly CleanLine[], first: number, last: number): number {
  const gaps: number[] = [];
  for (let i = first + 1; i <= last; i += 1) {
    const a = lines[i - 1]?.geometry;
    const b = lines[i]?.geometry;
    if (a && b && lines[i - 1]?.page === lines[i]?.page) gaps.push(b.y - a.y);
  }
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)] ?? 0;
}

/** Left edges this close (points) are one edge: lines set flush left in one column. */
const SAME_EDGE = 1;

/** The shortest title (利润表); a shorter line is a fragment of a wrapped cell ("更正", "对"). */
const MIN_TITLE_CHARS = 3;

/** Characters printed, spaces aside. */
const printedChars = (text: string) => [...text.replace(/\s+/gu, '')].length;

function isTitleLike(line: CleanLine | undefined): boolean {
  if (!line) return false;
  const text = line.text.trim();
  // Titles are short; a statement's title in capitals may run on with its period ("… FOR THE YEARS ENDED …").
  const capitals = /[A-Z]/u.test(text) && !/[a-z]/u.test(text);
  // (Two characters are a fragment of a wrapped cell, "更正" of "前期差错更正"; the shortest titles, 利润表, take three.
  // Counted without spaces: a narrow cell's characters set one by one come out spaced, "多 缸".)
  if (printedChars(text) < MIN_TITLE_CHARS || text.length > (capitals ? 120 : 60) || SENTENCE_END.test(text) || CHECKBOX.test(text)) return false;
  // A full stop after a figure or bracket ends a sentence ("… December 26, 2020.").
  if (/[\d)）]\.$/u.test(text)) return false;
  if (unitLine(text) || LABEL_VALUE.test(text) || isSourceNote(text) || isPeriodLine(text) || isDateLine(text)) return false;
  if (/^[\d\s.,:：/()（）年月日-]+$/u.test(text)) return false;
  if (isParenthetical(text)) return false;
  // A title is no sentence or fragment of one: it does not start in lower case, end on a full stop
  // after a word, or break off on an article or preposition.
  // (Judged without the period a statement's title may run on with.)
  const core = text.replace(TITLE_PERIOD, '').trim() || text;
  if (/^[a-z]/u.test(core) || /[a-z]\.$/u.test(core) || readsAsSentence(core) || breaksOff(text)) return false;
  if (line.geometry && line.geometry.segments.length > 1) return false;
  // A piece of a longer text: a bracket it closes but never opened (or opens and never closes), or
  // an end on a pause mark ("…为正值、", "…如下，") that the text goes on after.
  // (Its numbering aside: "2）坏账准备计提情况" closes the bracket of its number only.)
  if (!bracketsBalance(text.replace(ENUMERATOR, '')) || /[、，,；;]$/u.test(text)) return false;
  // A Chinese clause comma makes a sentence ("…日，公司召开…"); titles list with 、.
  if (text.includes('，')) return false;
  return true;
}

/** An English clause with its verb that introduces the table under it, not a name for it. */
function leadsIn(title: string): boolean {
  return refersBack(title) || (/^[\x00-\x7f’‘]+$/u.test(title) && /\s(?:is|are|was|were)\s/iu.test(title));
}

function bracketsBalance(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(' || ch === '《') depth += 1;
    else if (ch === '）' || ch === ')' || ch === '》') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function cleanTitle(text: string): string {
  const title = text.replace(ENUMERATOR, '').trim();
  // The period the title runs on with is the table's period columns' business, not its name.
  const named = title.replace(TITLE_PERIOD, '').trim();
  return named.length >= 8 ? named : title;
}

/**
 * A heading over a column no row fills, beside a column that rows fill and no heading names, heads
 * that column: the heading is centred over figures set a little to its side ("2018 年" over the
 * column where that year's figures stand), which the column split put apart. So does one beside a
 * filled column that only the start of this heading names — a column-group label spread over both
 * ("As of March 31," over "As of March 31, 2031"): the filled column takes the whole heading.
 */
function alignHeadings(header: string[], rows: readonly string[][]): string[] {
  const out = [...header];
  const filled = (c: number) => rows.some((r) => (r[c] ?? '').trim() !== '');
  for (let c = 1; c < out.length; c += 1) {
    const heading = out[c] ?? '';
    if (heading === '' || filled(c)) continue;
    const namedByItsStart = (n: number) => (out[n] ?? '') !== '' && (out[n] ?? '') !== heading && heading.startsWith(out[n] ?? '');
    const side = [c + 1, c - 1].find((n) => n >= 1 && n < out.length && ((out[n] ?? '') === '' || namedByItsStart(n)) && filled(n));
    if (side === undefined) continue;
    out[side] = out[c] ?? '';
    out[c] = '';
  }
  return out;
}

/** A figure or a piece of one broken in a narrow cell ("15,599." over "48"). */
const FIGURE_PIECE = /^[-−(（]?\d[\d,.]*[)）%]?$/u;

function isAmountCell(cell: string): boolean {
  const amount = parseAmount(cell);
  return amount !== null && !amount.nil && !isYearNumber(cell);
}

function isPeriodCell(cell: string): boolean {
  return cell.trim() !== '' && periodOf(cell) !== null;
}

/** A row with no label whose every filled cell is a year, two at least: "| 2031 | 2030". */
function isYearLine(cells: readonly string[]): boolean {
  const filled = cells.slice(1).filter((cell) => cell.trim() !== '');
  return (cells[0] ?? '').trim() === '' && filled.length >= 2 && filled.every((cell) => /^(?:19|20)\d{2}$/u.test(cell.trim()));
}

/**
 * How many of the first rows are column heads. A line of bare years under heads, with no label
 * ("31 December" over "2031"), is one more line of them, the line that dates them: not a row of
 * amounts.
 */
function headerRowCount(rows: GridRow[], captioned: boolean, headed = false): number {
  const count = headLinesCount(rows, captioned);
  let withYears = count;
  while ((withYears > 0 || headed) && withYears < rows.length - 1 && isYearLine(rows[withYears]?.cells ?? [])) withYears += 1;
  // (A line of words with no label under the years — "No:", "£’000" — is one more head line.)
  while (withYears > count && withYears < rows.length - 1 && isWordsLine(rows[withYears]?.cells ?? [])) withYears += 1;
  return withYears;
}

/** A row with no label and words but no figure in its other cells: "| No: | No:". */
function isWordsLine(cells: readonly string[]): boolean {
  const filled = cells.slice(1).filter((cell) => cell.trim() !== '');
  return (cells[0] ?? '').trim() === '' && filled.length > 0 && filled.every((cell) => !/\d/u.test(cell));
}

/**
 * Header rows: the rows above the first row that carries an amount in a column of amounts — at most
 * a few, and none of them with an amount of its own. A table without amounts has one header row
 * when it has a caption (captioned report tables always do) or when its first row reads as column
 * titles over the others: every cell filled and none repeated below.
 */
function headLinesCount(rows: GridRow[], captioned: boolean): number {
  const columns = rows[0]?.cells.length ?? 0;
  const amountColumns = new Set<number>();
  for (let c = 1; c < columns; c += 1) {
    const filled = rows.map((r) => r.cells[c] ?? '').filter((cell) => cell !== '');
    if (filled.length > 0 && filled.filter(isAmountCell).length >= 0.5 * filled.length) amountColumns.add(c);
  }
  if (amountColumns.size > 0) {
    let count = 0;
    for (const row of rows.slice(0, MAX_HEADER_ROWS)) {
      const hasAmount = [...amountColumns].some((c) => isAmountCell(row.cells[c] ?? ''));
      // A row with text only in its first column is a label row of the body ("流动资产：", "Assets").
      const titlesColumns = row.cells.slice(1).some((cell) => cell !== '');
      if (hasAmount || !titlesColumns) break;
      count += 1;
    }
    return count < rows.length ? count : 0;
  }
  const [first, ...rest] = rows;
  if (!first) return 0;
  if (captioned) return 1;
  if ((first.cells[0] ?? '') === '' && first.cells.slice(1).every((c) => c !== '')) return 1;
  const repeated = rest.some((r) => first.cells.some((cell, c) => cell !== '' && cellKey(cell) === cellKey(r.cells[c] ?? '')));
  return first.cells.every((c) => c !== '') && !repeated && rest.length >= 2 ? 1 : 0;
}

/**
 * Labels and values side by side with no header ("股票简称 | 青禾智造 | 股票代码 | 900001"): most rows
 * fill the first column and the one after it, and nothing in a header position reads as column titles.
 */
function isKeyValue(rows: GridRow[], captioned: boolean): boolean {
  if (captioned || rows.length < 2) return false;
  const columns = rows[0]?.cells.length ?? 0;
  if (columns > 4 || columns < 2) return false;
  // A value wrapped onto lines of its own (an address under "Auditor | Harrowgate Pike LLP …") goes on the
  // pair above it: a row with no label and only the value column filled, under a filled value, is no
  // entry of its own. (Under an empty value it starts something new: two columns of text side by side.)
  const continues = (r: GridRow, above: GridRow | undefined) =>
    (r.cells[0] ?? '') === '' && (r.cells[1] ?? '') !== '' && r.cells.slice(2).every((c) => c === '') && (above?.cells[1] ?? '') !== '';
  const entries = rows.filter((r, i) => i === 0 || !continues(r, rows[i - 1]));
  const pairs = entries.filter((r) => (r.cells[0] ?? '') !== '' && (r.cells[1] ?? '') !== '');
  const labelFirst = entries.filter((r) => (r.cells[0] ?? '') !== '' && !isAmountCell(r.cells[0] ?? '') && !isPeriodCell(r.cells[0] ?? ''));
  const headerLike = rows[0]?.cells.slice(1).some((c) => isPeriodCell(c)) ?? false;
  // Records, not pairs: three columns, a first row of words over a column of numbers ("Name | Age |
  // Title" over "57"). (Pairs come in twos: "注册资本 | 5000" under "公司名称 | 远山科技" is no header.)
  const first = rows[0]?.cells ?? [];
  const titlesNumbers = columns % 2 === 1 && first.some((cell, c) => {
    if (c === 0 || cell === '' || isAmountCell(cell)) return false;
    const below = rows.slice(1).map((r) => r.cells[c] ?? '').filter((v) => v !== '');
    return below.length >= 2 && below.every(isAmountCell);
  });
  return !headerLike && !titlesNumbers && pairs.length >= 0.7 * entries.length && labelFirst.length >= 0.7 * entries.length && (rows[0]?.cells[0] ?? '') !== '';
}

/**
 * A column-group line as a header row. Each label heads the columns centred under it: the widest
 * run of value columns (nearer to it than to the line's other labels) whose middle lies within a
 * quarter of the label's width of the label's middle — "Consolidated" over "2031 | 2030", a
 * centred "Year Ended December 31," over three year columns. A label over one column that does not
 * reach the next column (the first line of a wrapped column head, "Less than 1" over "year") heads
 * that column alone: `inOneColumn` keeps it from spreading.
 */
function groupRow(line: CleanLine | undefined, columns: ReadonlyArray<{ x0: number; x1: number }>, skip: ReadonlySet<number>): { cells: string[]; inOneColumn: Set<number> } {
  const row = columns.map(() => '');
  const inOneColumn = new Set<number>();
  const geometry = line?.geometry;
  if (!line || !geometry) return { cells: row, inOneColumn };
  const spans: HeadSpan[] = geometry.segments.length > 0 ? geometry.segments.flatMap((s) => cellsOfSpan(s, columns, geometry.size)) : [{ text: line.text, x0: geometry.x0, x1: geometry.x1 }];
  const middle = (a: number, b: number) => (a + b) / 2;
  const centres = columns.map((c) => middle(c.x0, c.x1));
  const owner = centres.map((x, c) => {
    if (skip.has(c)) return -1;
    let best = 0;
    spans.forEach((s, i) => {
      if (Math.abs(middle(s.x0, s.x1) - x) < Math.abs(middle(spans[best]?.x0 ?? 0, spans[best]?.x1 ?? 0) - x)) best = i;
    });
    return best;
  });
  spans.forEach((span, i) => {
    const centre = middle(span.x0, span.x1);
    let chosen: [number, number] | null = null;
    for (let a = 1; a < columns.length; a += 1) {
      for (let b = a; b < columns.length && owner[b] === i; b += 1) {
        if (owner[a] !== i) break;
        const runMiddle = middle(columns[a]?.x0 ?? 0, columns[b]?.x1 ?? 0);
        if (Math.abs(runMiddle - centre) > 0.25 * (span.x1 - span.x0)) continue;
        if (!chosen || b - a > chosen[1] - chosen[0]) chosen = [a, b];
      }
    }
    if (chosen) for (let c = chosen[0]; c <= chosen[1]; c += 1) row[c] = row[c] ? `${row[c]} ${span.text}` : span.text;
    const next = chosen ? columns[chosen[1] + 1] : undefined;
    if (chosen && chosen[0] === chosen[1] && ((next && span.x1 < next.x0) || span.ownColumn === true)) inOneColumn.add(chosen[0]);
  });
  return { cells: row, inOneColumn };
}

/**
 * Column heads set closer than a segment gap ("持股比" and "报告期末持", 0.7 of a character apart over two
 * columns of a tightly set shareholder table) are two heads where their runs stand over different
 * columns with more than a word space between them. (Words of one centred group label — "Year Ended
 * December 31," — are a word space apart, and stay one label.)
 */
const HEAD_SPLIT_GAP = 0.5;

interface HeadSpan {
  text: string;
  x0: number;
  x1: number;
  /** Split off at a column's edge: it heads that one column. */
  ownColumn?: boolean;
}

function cellsOfSpan(span: Segment, columns: ReadonlyArray<{ x0: number; x1: number }>, size: number): HeadSpan[] {
  if (span.pieces.length < 2) return [span];
  const inColumn = span.pieces.map((piece) => columnOf({ ...piece, pieces: [] }, columns));
  const out: HeadSpan[] = [];
  span.pieces.forEach((piece, i) => {
    const before = span.pieces[i - 1];
    const current = out.at(-1);
    if (!current || !before || (inColumn[i] !== inColumn[i - 1] && piece.x0 - before.x1 >= HEAD_SPLIT_GAP * size)) out.push({ text: piece.text.trim(), x0: piece.x0, x1: piece.x1, ownColumn: true });
    else {
      current.text = joinCell(current.text, piece.text.trim());
      current.x1 = Math.max(current.x1, piece.x1);
    }
  });
  return out.length > 1 ? out : [span];
}

/**
 * A label of an upper header row that stands alone in a column no row fills, between two filled
 * columns that a lower header row names, heads both: it is centred over the pair ("2031" over
 * "Amount | % of revenue", set in a gap of its own between them), not the head of the columns to its
 * right up to the next label.
 */
function centredOverEmptyColumns(headerRows: readonly string[][], rows: readonly string[][]): string[][] {
  const last = headerRows.at(-1);
  if (!last || headerRows.length < 2) return [...headerRows];
  const filled = (c: number) => rows.some((r) => (r[c] ?? '').trim() !== '');
  return headerRows.map((row, r) => {
    if (r === headerRows.length - 1) return row;
    const out = [...row];
    for (let c = 2; c + 1 < row.length; c += 1) {
      const label = row[c] ?? '';
      const sides = [c - 1, c + 1];
      if (label === '' || filled(c) || !sides.every((s) => filled(s) && (row[s] ?? '') === '' && (last[s] ?? '') !== '')) continue;
      for (const side of sides) out[side] = label;
    }
    return out;
  });
}

/**
 * One label per column from stacked header rows: its cells from the top row down. A label in an
 * upper row spans the empty cells to its right up to the next label ("2031年 | | 2030年 |" over
 * "金额 | 占比 | 金额 | 占比", "Consolidated | | Parent |" over "2031 | 2030 | 2031 | 2030").
 */
function combineHeader(headerRows: string[][], inOneColumn: ReadonlyArray<ReadonlySet<number>> = []): string[] {
  const columns = headerRows[0]?.length ?? 0;
  const spread = headerRows.map((row, r) => {
    if (r === headerRows.length - 1) return row;
    // Only a row of group labels spans: each of its labels has an empty cell right after it.
    const labels = row.map((cell, c) => (c >= 1 && cell !== '' && !inOneColumn[r]?.has(c) ? c : -1)).filter((c) => c >= 0);
    if (labels.length === 0 || labels.some((c) => c + 1 >= columns || (row[c + 1] ?? '') !== '')) return row;
    const out = [...row];
    for (let c = 2; c < columns; c += 1) {
      const below = headerRows.slice(r + 1).some((lower) => (lower[c] ?? '') !== '');
      const heldInItsColumn = inOneColumn[r]?.has(c - 1) === true;
      if ((out[c] ?? '') === '' && (out[c - 1] ?? '') !== '' && below && !heldInItsColumn) out[c] = out[c - 1] ?? '';
    }
    return out;
  });
  const header: string[] = [];
  for (let c = 0; c < columns; c += 1) {
    // A head wrapped in its own column goes on without a break between Chinese characters ("持股比" over
    // "例" is 持股比例), as a wrapped cell does; a group label and the head under it stay two words.
    let text = '';
    let above = -1;
    spread.forEach((row, r) => {
      const part = row[c] ?? '';
      if (part === '') return;
      const wrapped = above >= 0 && inOneColumn[above]?.has(c) === true;
      text = text === '' ? part : wrapped && /\p{Script=Han}$/u.test(text) && /^\p{Script=Han}/u.test(part) ? `${text}${part}` : `${text} ${part}`;
      above = r;
    });
    header.push(text);
  }
  return header;
}

function tableUnit(context: number[], header: string[], lines: readonly CleanLine[]): TableUnit | null {
  for (const i of context) {
    const text = lines[i]?.text ?? '';
    // (A sentence leading into the table may end on the unit: "… consists of the following (in thousands):".)
    const unit = unitLine(text) ?? (leadsInto(text) ? unitLine(LEAD_IN_UNIT.exec(text.replace(/:$/u, ''))?.[0]?.trim() ?? '') : null);
    if (unit) return unit;
  }
  for (const cell of header) {
    const unit = unitInLabel(cell) ?? unitLine(cell);
    if (unit) return unit;
  }
  return null;
}

function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cellKey(cell) === cellKey(b[i] ?? ''));
}

/**
 * A table carries on from the previous one when it starts on the next page with nothing of its own
 * (no caption, no title, no heading above it), the same number of columns, and either repeats the
 * header or has none.
 */
function continues(previous: Described, next: Described, context: LayoutTableContext): boolean {
  if (next.captioned) return false;
  // A heading between them (the next one stands in another section) ends the table before it.
  if (context.sectionAt(next.found.lineStart).id !== context.sectionAt(previous.found.lineStart).id) return false;
  const lastPage = previous.table.rowPages?.at(-1) ?? previous.table.page;
  const nextPage = context.lines[next.found.lineStart]?.page ?? 0;
  if (nextPage !== lastPage + 1 && nextPage !== lastPage) return false;
  if (previous.table.header.length !== next.table.header.length) return false;
  const repeatsHeader = sameRow(previous.table.header, next.table.header);
  const noHeader = next.table.header.every((h) => h === '');
  if (!repeatsHeader && !noHeader) return false;
  // On the same page only when nothing (no title, no caption, no other text) stood between them.
  if (nextPage === lastPage) return !next.titled && next.found.preamble.length === 0 && next.found.lineStart - previous.found.lineEnd <= 2;
  // A title of its own starts another table, even under the same header ("母公司利润表" after "合并利润表").
  return !next.titled || next.table.title === previous.table.title;
}

function appendRows(table: ParsedTable, next: Described): void {
  if (next.table.sourceNote) table.sourceNote = next.table.sourceNote;
  const rows = next.table.header.every((h) => h === '') && next.found.rows.length > next.table.rows.length
    ? next.found.rows.filter((r) => r.cells.some((c) => c !== '')).map((r) => ({ cells: r.cells, page: r.page }))
    : next.table.rows.map((cells, i) => ({ cells, page: next.table.rowPages?.[i] ?? next.table.page }));
  for (const row of rows) {
    if (sameRow(row.cells, table.header)) continue;
    table.rows.push(row.cells);
    table.rowPages?.push(row.page);
    if (!table.pages.includes(row.page)) table.pages.push(row.page);
  }
}

/**
 * Ids are unique within a report: a caption's label, else the title, else "表（第 N 页）"; a repeated
 * title gets its page, a second untitled table on a page its place there ("表（第 N 页，2）").
 */
function uniqueIds(tables: ParsedTable[], language: 'zh' | 'en'): ParsedTable[] {
  const fallback = (page: number) => (language === 'zh' ? `表（第 ${page} 页）` : `Table (page ${page})`);
  const atPage = (id: string, page: number) => (language === 'zh' ? `${id}（第 ${page} 页）` : `${id} (page ${page})`);
  const nth = (page: number, n: number) => (language === 'zh' ? `表（第 ${page} 页，${n}）` : `Table (page ${page}, ${n})`);
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const t of tables) {
    const base = t.id || t.title || fallback(t.page);
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return tables.map((t) => {
    const base = t.id || t.title || fallback(t.page);
    const untitled = !t.id && !t.title;
    let id = (counts.get(base) ?? 0) > 1 && !t.id && !untitled ? atPage(base, t.page) : base;
    for (let n = 2; seen.has(id); n += 1) id = untitled ? nth(t.page, n) : `${atPage(base, t.page)}${language === 'zh' ? '，' : ', '}${n}`;
    seen.add(id);
    // A titled table without a caption is a section of its own under the one it is printed in; an
    // untitled one stands in that section, and its rows cite the heading above them. A title that
    // repeats a heading it stands under ("Note 5. Revenue" over the note's only table, or printed
    // again with "(continued)") is that section's, not a new one.
    // A clause leading into the table ("A summary of the options is as follows:") still names it, but
    // opens no section: it is a sentence of the section's text.
    const ownSection =
      t.id || untitled || leadsIn(t.title) || t.section.path.some((heading) => sameTitle(heading, t.title) || sameTitle(cleanTitle(heading), t.title));
    return { ...t, id, section: ownSection ? t.section : { id, path: [...t.section.path, t.title] } };
  });
}
