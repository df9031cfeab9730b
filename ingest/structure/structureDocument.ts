import type { CleanDocument, CleanLine, StructuredDocument } from '../types.js';
import type { Block, BlockKind, Line, SectionRef } from '../../src/store/shapes.js';
import { joinWrapped } from '../clean/cleanPages.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { isStemmable, stemWord } from '../../src/text/stem.js';
import { isDateLine, isPeriodLine } from '../../src/text/periods.js';
import { unitLine } from '../../src/text/unitLines.js';
import { bodyStyle, type BodyStyle } from '../layout/bodyStyle.js';
import { withoutPageReference } from './contentsPages.js';
import { documentLanguage } from './documentLanguage.js';
import { breaksOff, HEADING_MAX_WIDTH, isParenthetical, numberedShape, readsAsSentence, refersBack, runInTitle, signsOff, withoutTitleColon } from './headingShapes.js';
import { caseStart, CONTINUED_MARK, declinesChoice, displayWidth, figureCaption, isChoiceLine, isSourceNote, tableCaption, unnumberedHeading } from './lineShapes.js';
import { CAPITALS_STYLE, CAPTION_STYLE, Outline, type HeadingLevel } from './outline.js';

/**
 * Turns cleaned lines into blocks that know their section and page: headings, paragraphs with their
 * mid-sentence wraps joined, 【案例】 boxes, captions, table bodies and metric lists.
 */

/**
 * A paragraph's last line ends a sentence: Chinese or English stops, a closing quote or bracket after
 * them. An English full stop counts after a word (not after a digit: "12." may be "12.5" broken over
 * two lines) and not after a title or a company abbreviation.
 */
const SENTENCE_END = /(?:[。！？!?]|(?<=[a-z)\]%"'’”]|[a-z]{2})(?<!\b(?:No|Inc|Co|Ltd|Corp|vs|etc|Mr|Ms|Dr))\.)[”」）)"'’]?$/u;

function isMetricList(text: string): boolean {
  const items = text.split(/[；;]/u).filter((s) => /\d/.test(s));
  return items.length >= 3;
}

interface Draft {
  kind: BlockKind;
  lines: CleanLine[];
  lineStart: number;
  section: SectionRef;
}

export interface StructureHints {
  metadataTitle?: string | null;
  /** Line ranges [first, last] that are table rows, found from the layout (PDF input). */
  tableRanges?: ReadonlyArray<readonly [number, number]>;
  /** Lines of table-of-contents pages that list headings: not content, and no headings themselves. */
  contentsLines?: ReadonlySet<number>;
}

/** A bare "Continued" only ends a title set apart by type. */
const CONTINUED_WORD = /\s(?:continued|CONTINUED|Continued)$/u;

/** What text before the first heading (cover, letters, contents) is filed under. */
const FRONT_MATTER = { zh: '卷首', en: 'Front matter' } as const;
/** No printed page is narrower than this many CJK cells (a short sample cannot show the full width). */
const MIN_TEXT_WIDTH = 20;
/** A line this much larger than the body text is set apart as a heading. */
const LARGER = 1.15;
/** Sizes within this many points are the same size. */
const SAME_SIZE = 0.5;
/** A line whose middle is within this share of the text width from the text's middle is centred. */
const CENTRED_SHARE = 0.1;
/** A line of at most this many characters under a label continues its words (a wrapped cell). */
const MAX_FRAGMENT_CHARS = 4;
/** A label narrower than this share of the text width may sit in a table cell. */
const NARROW_CELL = 0.3;
/** A centred line this share of the text width wide is full: a centred title wraps after it. */
const CENTRED_FULL = 0.7;
/** Consecutive lines set apart alike: up to this many are one heading; more are an emphasised passage. */
const MAX_HEADING_LINES = 3;
/** The style of a form's item titles (see headingAt): one list, nested under the heading in force. */
const FORM_ITEM_STYLE = 'form-item';
/** A face of body size set once (an emphasised phrase) is no heading style: headings of one level share theirs. */
const MIN_FACE_HEADINGS = 2;
/** A heading face used this often is a level of the outline that holds the headings under it. */
const MIN_HOLDING_FACE_USES = 3;
/**
 * A caption is a sentence set alone in a face of its own over the text it introduces (a 10-K's risk
 * factors: "We May Not Be Able to Respond to Rapid Technological Changes."), at most this many lines.
 */
const MAX_CAPTION_LINES = 4;
/** A face sets captions when at least this many of its runs are captions (one emphasised sentence is not a habit). */
const MIN_FACE_CAPTIONS = 3;
/** A face is a heading face when at least this share of its runs of lines are short and read as titles. */
const HEADING_FACE_SHARE = 0.5;

interface FoundHeading {
  level: HeadingLevel;
  text: string;
  size: number;
  /** How many lines it takes (a label on one line and its title on the next; a title over two lines). */
  lines: number;
  /** False for a heading in a face the report uses once or twice: it holds no headings under it. */
  holds?: boolean;
}

/** Where a heading goes on past its contents entry to name whom it is addressed to or what it is of ("… Report to the Members of …"). */
const ADDRESSEE_LEAD = /^(?:to|of|for|on)$/u;
/** Where a title goes on to name its period ("… as of December 31, 2031", "… for the Years Ended …"). */
const PERIOD_LEAD = /^(?:as|for|at|year|ended)$/u;

/** A title's words up to the period it names, if it names one (a contents entry may wrap inside the period). */
function withoutPeriod(words: readonly string[]): string[] {
  const at = words.findIndex((w, i) => i > 0 && PERIOD_LEAD.test(w) && words.slice(i + 1).some((later) => /\d/u.test(later)));
  return at < 0 ? [...words] : words.slice(0, at);
}

/** A contents entry matched to a heading has at least this many letters (a bare "Notes" is no title to match). */
const MIN_LISTED_KEY = 6;

/**
 * A title's words as compared with a contents entry, up to the period it names: lower case, by their
 * stems ("Reports of" lists "REPORT OF"), apostrophes, quotes and brackets aside (an entry's "(PCAOB:
 * 185)" is a reference the heading does not print); Han text character by character.
 */
function contentsWords(text: string): string[] {
  const words = text.toLowerCase().replace(/[(（][^()（）]*[)）]/gu, ' ').replace(/['’‘`]/gu, '').match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? [];
  return withoutPeriod(words.map((w) => (isStemmable(w) ? stemWord(w) : w)));
}

/** A signature under a sign-off line runs to this many lines: a name, a role or two, a date. */
const SIGNATURE_LINES = 4;

export function structureDocument(doc: CleanDocument, hints: StructureHints = {}): StructuredDocument {
  const tableOf = new Int32Array(doc.lines.length).fill(-1);
  (hints.tableRanges ?? []).forEach(([first, last], t) => {
    for (let i = first; i <= last && i < doc.lines.length; i += 1) tableOf[i] = t;
  });
  const lines = withShrunkPagesRestored(doc.lines, tableOf);
  const positioned = hints.tableRanges !== undefined;
  const widths = lines.map((l) => displayWidth(l.text)).sort((a, b) => a - b);
  // Width of a full printed line: a line clearly shorter than this that ends a sentence ends its paragraph.
  const fullWidth = widths[Math.floor(widths.length * 0.9)] ?? 40;

  const contents = hints.contentsLines ?? new Set<number>();
  // The titles the report's contents page lists: its parts. A heading set like the ones under it is
  // told from them by being listed there.
  const contentsTitles = [...contents].map((i) => contentsWords(withoutPageReference(doc.lines[i]?.text ?? ''))).filter((words) => words.join('').length >= MIN_LISTED_KEY);
  // A heading is listed when an entry reads as it does, or as it does up to what only names whom or
  // when: the page prints "Independent Auditor's Report" for the heading "… Report to the
  // Shareholders of …", and "Consolidated Balance Sheets as of December 31, …" for "CONSOLIDATED
  // BALANCE SHEETS". (A heading that is only the start of an entry — "Directors" of "Directors'
  // report" — is another title.)
  const isListed = (text: string): boolean => {
    const words = contentsWords(text);
    if (words.join('').length < MIN_LISTED_KEY) return false;
    return contentsTitles.some((entry) => {
      if (entry.length > words.length || !entry.every((w, i) => w === words[i])) return false;
      return entry.length === words.length || ADDRESSEE_LEAD.test(words[entry.length] ?? '');
    });
  };
  const body = bodyStyle(lines);
  // Each line's style is asked for again and again (runs, titles, continuations): worked out once.
  const styles = new WeakMap<CleanLine, string | null>();
  const front = FRONT_MATTER[documentLanguage(lines)];
  const outline = new Outline({ id: front, path: [front] });
  const rightEdge = textRightEdge(lines, body);
  const bodyFace = `${body.font}@${body.size.toFixed(1)}`;
  const leftEdge = textLeftEdge(lines, body);
  // A heading starts at the left of the text or stands centred on it; a line starting in the right half
  // and not centred heads value columns ("Consolidated" over "2022 2021").
  const centred = (g: { x0: number; x1: number }) => {
    const width = rightEdge - leftEdge;
    return width > 0 && Number.isFinite(width) && Math.abs((g.x0 + g.x1) / 2 - (leftEdge + rightEdge) / 2) < CENTRED_SHARE * width;
  };
  const overValueColumns = (g: { x0: number; x1: number }) => g.x0 > leftEdge + (rightEdge - leftEdge) / 2 && !centred(g);
  const firstPage = lines[0]?.page ?? 1;
  const captions = findCaptions(lines, tableOf);
  const headingFaces = findHeadingFaces(lines, body, tableOf);
  // A heading ends its line: a line that runs to the right edge of the text wraps on into a paragraph.
  // (Set larger than the body, it is a heading line however long.)
  // A full-width line still ends its heading when the next line is set otherwise or on another page.
  const endsItsLine = (index: number) => {
    const line = lines[index] as CleanLine;
    const g = line.geometry;
    if (!g) return displayWidth(line.text) < Math.max(fullWidth, MIN_TEXT_WIDTH) - 1.5;
    const next = lines[index + 1];
    const nextSetAlike = next?.page === line.page && next.geometry?.font === g.font && Math.abs((next.geometry?.size ?? 0) - g.size) < 0.5;
    const short = g.x1 < rightEdge - 2 * g.size;
    // A next line that starts in lower case carries on this line's sentence, when set alike or when this
    // line ran to the right edge and wrapped. Under a short line set apart, it is the line's value
    // whatever its case ("Broker" over "lowcase Partners Ltd"): the author ended the line, not the width.
    if (next?.page === line.page && /^[a-z]/u.test(next.text.trim()) && (nextSetAlike || !short)) return false;
    return g.size > LARGER * body.size || short || !nextSetAlike;
  };

  // A line carries on the one above it when that one fills the text's width on the same page without ending a sentence.
  const wrapsFrom = (index: number): boolean => {
    const previous = lines[index - 1];
    return previous !== undefined && previous.page === lines[index]?.page && tableOf[index - 1] === -1 && !SENTENCE_END.test(previous.text) && displayWidth(previous.text) >= fullWidth - 1.5;
  };

  const wrapsInNarrowCell = (index: number): boolean => {
    const g = lines[index]?.geometry;
    if (!g || g.x1 - g.x0 >= NARROW_CELL * (rightEdge - leftEdge)) return false;
    // The fragment may print under a line of the row's figures (its label centred beside them).
    return [index + 1, index + 2].some((at) => {
      const next = lines[at];
      const n = next?.geometry;
      if (!n || next?.page !== lines[index]?.page || n.font !== g.font || Math.abs(n.size - g.size) > 0.5) return false;
      const words = next.text.replace(/\s+/gu, '');
      const fragment = [...words].length <= MAX_FRAGMENT_CHARS && !/^[□☑√■●•\d]|[:：]/u.test(words) && unitLine(next.text) === null;
      return fragment && Math.abs(n.x0 - g.x0) < g.size && n.y - g.y < 2.5 * g.size;
    });
  };

  // The short lines under a sign-off ("By order of the Board") on its page are the signature: the
  // signer's name, role and date, set in whatever type — never a title over what follows. The date
  // closes it: a line after the date is the text's again.
  const inSignature = (index: number): boolean => {
    for (let at = index - 1; at >= index - SIGNATURE_LINES && at >= 0; at -= 1) {
      const above = lines[at];
      if (!above || above.page !== lines[index]?.page || isDateLine(above.text)) return false;
      // (Itself a short line of its own, not prose wrapped onto a line that opens "on behalf of …".)
      if (signsOff(above.text) && !wrapsFrom(at) && displayWidth(above.text) < fullWidth - 1.5) return true;
    }
    return false;
  };

  const headingAt = (index: number): FoundHeading | null => {
    const line = lines[index] as CleanLine;
    const text = line.text.trim();
    const size = line.geometry?.size ?? 0;
    const named = unnumberedHeading(text);
    if (named) return { level: { type: 'named', id: named }, text, size, lines: 1 };
    if (tableCaption(text) || figureCaption(text) || caseStart(text) || isSourceNote(text) || signsOff(text) || inSignature(index)) return null;
    const numbered = numberedShape(text);
    if (numbered) {
      // A numbered label whose words run on in a fragment under it at the same left edge ("（五）专项储" /
      // "备") is a row label wrapped in a narrow table cell, not a heading.
      if (wrapsInNarrowCell(index)) return null;
      // An exhibit's label heads the first lines of its page, alone on its line (set to the right, it
      // may reach the margin); elsewhere "Exhibit 31.01" is a reference.
      const exhibitLabel = numbered.kind === 'exhibit' && numbered.title === '';
      if (numbered.kind === 'exhibit' && (!exhibitLabel || lines[index - 2]?.page === line.page)) return null;
      if (!exhibitLabel && !endsItsLine(index)) return null;
      const level: HeadingLevel = { type: 'numbered', kind: numbered.kind, rank: numbered.rank, numbers: numbered.numbers };
      // A label alone ("第二节", "ITEM 7.", "PART II") takes its title from the next line.
      const next = lines[index + 1];
      if (numbered.title === '' && next && next.page === line.page && tableOf[index + 1] === -1 && isTitleText(next.text) && !numberedShape(next.text)) {
        return { level, text: `${text} ${next.text.trim()}`, size, lines: 2 };
      }
      // Below the parts and items (PART II, Item 7, 第二节 stand alone), a label without a title is a
      // row label or list mark ("四、" beside a row of figures), not a heading.
      if (numbered.title === '' && numbered.rank > 1 && numbered.kind !== 'exhibit') return null;
      return { level, text, size, lines: 1 };
    }
    // An item of a form: its title stands over the boxes ticked for it ("在其他单位任职情况" over
    // "√ 适用 □ 不适用"), whatever its type; the wrapped end of a longer title is no title of its own.
    const after = lines[index + 1];
    if (after && isChoiceLine(after.text) && !isChoiceLine(text) && tableOf[index] === -1 && [...text].length > MAX_FRAGMENT_CHARS && displayWidth(text) <= HEADING_MAX_WIDTH && !/[。；;]$/u.test(text) && !wrapsFrom(index)) {
      // An item whose box declines ("□适用 √不适用") heads only that line: what follows is the next item's.
      return { level: { type: 'styled', style: FORM_ITEM_STYLE }, text, size, lines: 1, holds: !declinesChoice(after.text) };
    }
    // The first page is the cover: its large lines name the report, not a section of it.
    const style = line.page === firstPage ? null : styleOf(line);
    const captionLines = style ? captions.get(index) : undefined;
    if (style && captionLines !== undefined) {
      const joined = joinWrapped(lines.slice(index, index + captionLines).map((l) => l.text.trim()));
      // A caption heads only its own text: the next heading of any kind closes it.
      return { level: { type: 'styled', style: `${CAPTION_STYLE}${style}` }, text: joined, size, lines: captionLines, holds: false };
    }
    // A line set apart by type that ends with a full stop is an emphasised sentence, not a heading.
    // A caption set in a heading face may be a whole sentence ("We may not be able to …"); a period line
    // under a title ("For the year ended 31 December 2031") is never a heading.
    // (A short title may end on a colon: "Board Members and Employees:".)
    if (!style || !headingFaces.has(style) || !isTitleText(titleWords(withoutTitleColon(text)), { sentence: true }) || /[.。]$/u.test(text) || isPeriodLine(text) || ownSegments(line) > 1) return null;
    if (line.geometry && overValueColumns(line.geometry)) return null;
    // An English title starts with a capital: a line in lower case carries on a sentence set in the face.
    if (/^[a-z]/u.test(text)) return null;
    // A line opening with a numbering mark that is no numbered heading ("(4), (5) resigned …", "1) see
    // note") is a footnote or list item, whatever its face.
    if (/^[（(]?\s*\d{1,2}\s*[)）.、]/u.test(text) && !numberedShape(text)) return null;
    // A unit line ("All figures in USD '000") says how a table counts, whatever face it is set in.
    if (unitLine(text) !== null) return null;
    let count = 1;
    // Lines set alike run on one title, unless the next is a numbered heading of its own ("Note 1 …" under "NOTES TO …").
    const continues = (next: CleanLine | undefined, at: number) =>
      styleOf(next) === style && next?.page === line.page && tableOf[at] === -1 && !numberedShape(next.text) && !isPeriodLine(next.text);
    // A title wraps only when its line is full: after a short line the next one is a heading of its own.
    // (A line breaking off after a word that cannot end a title — "… to the members of" — runs on too.)
    // A centred title nearly as wide as the text runs on in the centred line under it.
    const full = (at: number) => {
      const g = lines[at]?.geometry;
      const next = lines[at + 1]?.geometry;
      const wideCentred = g && next && centred(g) && centred(next) && g.x1 - g.x0 >= CENTRED_FULL * (rightEdge - leftEdge);
      return (g?.x1 ?? 0) > rightEdge - 4 * (g?.size ?? 0) || breaksOff(lines[at]?.text ?? '') || Boolean(wideCentred);
    };
    // The second line of a wrapped title is not a heading of its own.
    // (A running title printed again as "(continued)" above it is no title it wraps from.)
    if (index > 0 && styleOf(lines[index - 1]) === style && lines[index - 1]?.page === line.page && tableOf[index - 1] === -1 && full(index - 1) && !isContinuedTitle(lines[index - 1] as CleanLine)) return null;
    while (count <= MAX_HEADING_LINES && full(index + count - 1) && continues(lines[index + count], index + count)) count += 1;
    if (count > MAX_HEADING_LINES) return null;
    const parts = lines.slice(index, index + count).map((l) => l.text.trim());
    const joined = parts.reduce((a, b) => (/[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : `${a}${b}`));
    // A caption sentence heads what follows it on its page; the page's last lines refer back ("The above statement …").
    if (readsAsSentence(titleWords(joined)) && lines[index + count]?.page !== line.page) return null;
    // Set apart or not, a heading ends its line: a line running to the right edge wraps on into a paragraph.
    if (!endsItsLine(index + count - 1)) return null;
    // A face set for only a heading or two (a letterhead, a one-off title page) holds no other headings.
    const holds = (headingFaces.get(style)?.headings ?? 0) >= MIN_HOLDING_FACE_USES;
    const depth = faceDepth(style, headingFaces);
    return { level: { type: 'styled', style, ...(depth > 0 ? { depth } : {}) }, text: joined, size, lines: count, holds };
  };

  const colonTitles = colonTitleHabit(lines, tableOf, contents);
  const blocks: Block[] = [];
  let caseRef: SectionRef | null = null;
  let tableRef: SectionRef | null = null;
  let draft: Draft | null = null;

  // A title run into its paragraph ("Restricted Cash. Restricted cash includes …") holds that paragraph
  // and the ones after it, under the heading in force, until the next such title or any heading.
  let runIn: string | null = null;
  const outlineSection = (): SectionRef => {
    const section = outline.section();
    return runIn === null ? section : { id: runIn, path: [...section.path, runIn] };
  };
  const currentSection = (): SectionRef => tableRef ?? caseRef ?? outlineSection();

  const flush = () => {
    if (!draft || draft.lines.length === 0) {
      draft = null;
      return;
    }
    const texts = draft.lines.map((l) => l.text);
    const text = joinWrapped(texts);
    // Joining is left to right, so the lines before a page break join to a prefix of the text.
    const pageStarts = draft.lines.flatMap((l, i) => (i > 0 && l.page !== draft?.lines[i - 1]?.page ? [{ page: l.page, offset: joinWrapped(texts.slice(0, i)).length }] : []));
    let kind = draft.kind;
    if (kind === 'paragraph' && isMetricList(text)) kind = 'metric_list';
    blocks.push({
      kind,
      text,
      norm: normalizeForMatch(text),
      pageStart: draft.lines[0]?.page ?? 0,
      pageEnd: draft.lines.at(-1)?.page ?? 0,
      section: draft.section,
      lineStart: draft.lineStart,
      lineEnd: draft.lineStart + draft.lines.length - 1,
      ...(pageStarts.length > 0 ? { pageStarts } : {}),
    });
    draft = null;
  };

  const single = (kind: BlockKind, index: number, section: SectionRef) => {
    flush();
    draft = { kind, lines: [lines[index] as CleanLine], lineStart: index, section };
    flush();
  };

  let skipUntil = -1;
  // Where the running title at the top of the page changes, a new part of the report begins: what
  // was open before it closes, even when the part prints no heading of its own.
  let partTitle: string | undefined;
  let partPage = -1;
  lines.forEach((line, index) => {
    const text = line.text;
    if (line.page !== partPage) {
      partPage = line.page;
      const title = doc.partTitles?.get(line.page);
      // (A part whose own title is open, or opens here — printed as its heading atop its first page —
      // begins with that heading.)
      const begun = title !== undefined && (sameWords(text, title) || outline.path().some((open) => sameWords(open, title)));
      if (title !== undefined && title !== partTitle && !begun) {
        flush();
        caseRef = null;
        tableRef = null;
        outline.add({ type: 'named', id: title }, { text: title, size: 0, holds: false });
        runIn = null;
        partTitle = title;
      }
      if (begun) partTitle = title;
    }
    if (index <= skipUntil || contents.has(index)) return;

    const table = tableOf[index] ?? -1;
    if (table >= 0) {
      const section = tableRef ?? currentSection();
      if (!draft || draft.kind !== 'table_body' || tableOf[draft.lineStart] !== table) {
        flush();
        draft = { kind: 'table_body', lines: [], lineStart: index, section };
      }
      draft.lines.push(line);
      if ((tableOf[index + 1] ?? -1) !== table) flush();
      return;
    }
    // From a layout, a table ends with its last row; its source note may still follow it.
    if (positioned && tableRef && !isSourceNote(text)) tableRef = null;

    // A title printed again with "(continued)" / "（续）" on the next page is a running title, not a new section.
    if (isContinuedTitle(line)) {
      // The period printed under it ("For the year ended 31 December 2031") is the running title's too.
      if (lines[index + 1]?.page === line.page && isPeriodLine(lines[index + 1]?.text ?? '')) skipUntil = index + 1;
      return;
    }
    // A closing line set apart from the text ("THIS CONCLUDES THE REMUNERATION REPORT") ends the part it names.
    const closing = styleOf(line) !== null && refersBack(text) ? outlineSection() : null;
    if (closing && outline.closeNamed(text)) {
      runIn = null;
      // (The line itself is the last of the part it closes.)
      single('paragraph', index, closing);
      caseRef = null;
      tableRef = null;
      return;
    }
    const heading = headingAt(index);
    // A title printed again at the top of each page of its part is a running title, not a new section.
    if (heading && lines[index - 1]?.page !== line.page && outline.path().includes(heading.text)) {
      skipUntil = index + heading.lines - 1;
      return;
    }
    // So is the open section's own title printed again in another case or face (a letterhead's
    // title, then the report's own in capitals): the same section, not one nested in it.
    const openTitle = outline.path().at(-1);
    if (heading && openTitle !== undefined && sameWords(openTitle, heading.text)) {
      skipUntil = index + heading.lines - 1;
      return;
    }
    const face = line.geometry ? `${line.geometry.font}@${line.geometry.size.toFixed(1)}` : undefined;
    // The face of a numbered heading, or of a title carrying a bare number, set apart from the body:
    // notes numbered so are one list, however their numbers are printed ("22." then "23").
    const numberedFace = face !== bodyFace && heading && (heading.level.type === 'numbered' || BARE_NUMBER.test(heading.text)) ? face : undefined;
    if (heading) runIn = null;
    const listed = heading !== null && heading.level.type === 'styled' && isListed(heading.text);
    const section = heading
      ? outline.add(heading.level, { text: heading.text, size: heading.size, holds: heading.holds ?? true, face: numberedFace, directlyUnder: nothingSinceHeading(), ...(listed ? { listed } : {}) })
      : null;
    if (heading && section) {
      flush();
      caseRef = null;
      tableRef = null;
      draft = { kind: 'heading', lines: lines.slice(index, index + heading.lines), lineStart: index, section };
      flush();
      skipUntil = index + heading.lines - 1;
      // A form item whose box declines holds its choice line alone; it closes under that line.
      if (heading.holds === false && heading.level.type === 'styled' && heading.level.style === FORM_ITEM_STYLE && tableOf[index + 1] === -1) {
        single('paragraph', index + 1, section);
        outline.closeLast();
        skipUntil = index + 1;
      }
      return;
    }

    const caseShape = caseStart(text);
    if (caseShape) {
      flush();
      tableRef = null;
      caseRef = { id: caseShape.id, path: [...outline.path(), text] };
      single('case', index, caseRef);
      return;
    }

    const figure = figureCaption(text);
    if (figure) {
      // A figure closes the case box it illustrates; prose after it belongs to the outline again.
      single('figure_caption', index, currentSection());
      caseRef = null;
      tableRef = null;
      return;
    }

    const caption = tableCaption(text);
    if (caption) {
      flush();
      caseRef = null;
      tableRef = { id: caption.id, path: [...outline.path(), text] };
      single('table_caption', index, tableRef);
      // From text, the rows follow the caption up to a note; from a layout, the found rows are the
      // table, and a caption with none under it (a table printed as an image) has no body.
      if (!positioned) draft = { kind: 'table_body', lines: [], lineStart: index + 1, section: tableRef };
      else if (![1, 2, 3].some((d) => (tableOf[index + d] ?? -1) >= 0)) tableRef = null;
      return;
    }

    if (isSourceNote(text)) {
      const section = currentSection();
      single('source_note', index, section);
      tableRef = null;
      return;
    }

    if (tableRef) {
      draft ??= { kind: 'table_body', lines: [], lineStart: index, section: tableRef };
      draft.lines.push(line);
      return;
    }

    const kind: BlockKind = caseRef ? 'case' : 'paragraph';
    // A run-in title opens a paragraph: the line it starts follows one that ended a sentence, or none.
    const previous = draft?.lines.at(-1)?.text;
    const found = kind === 'paragraph' && (previous === undefined || SENTENCE_END.test(previous)) ? runInTitle(text) : null;
    const title = found && (!found.colon || colonTitles.accepts(found.title)) ? found.title : null;
    if (title !== null) {
      flush();
      runIn = title;
    }
    if (!draft || draft.kind !== kind) {
      flush();
      draft = { kind, lines: [], lineStart: index, section: currentSection() };
    }
    draft.lines.push(line);
    if (SENTENCE_END.test(text) && displayWidth(text) < fullWidth - 1.5) flush();
  });
  flush();

  return { blocks };

  /**
   * Whether nothing but a unit line ("(All amounts in USD '000)", which counts for the whole part) is
   * printed between the heading opened last and here: no text waiting, no other block since.
   */
  function nothingSinceHeading(): boolean {
    if (draft !== null && draft.lines.some((l) => unitLine(l.text) === null)) return false;
    for (let at = blocks.length - 1; at >= 0; at -= 1) {
      const block = blocks[at] as Block;
      if (block.kind === 'heading') return true;
      if (unitLine(block.text) === null) return false;
    }
    return false;
  }

  function isContinuedTitle(line: CleanLine): boolean {
    const text = line.text.trim();
    const marked = CONTINUED_MARK.test(text) || (CONTINUED_WORD.test(text) && styleOf(line) !== null && /^[\p{Lu}\p{Script=Han}]/u.test(text));
    if (!marked || displayWidth(text) > HEADING_MAX_WIDTH || SENTENCE_END.test(text)) return false;
    const title = text.replace(CONTINUED_MARK, '').replace(CONTINUED_WORD, '').trim().replace(/[:：]$/u, '');
    // An open heading printed again, numbering and all ("4. Financial risk" on the next page), carries it on.
    return outline.path().includes(title) || isTitleText(title);
  }

  function styleOf(line: CleanLine | undefined): string | null {
    if (!line) return null;
    let style = styles.get(line);
    if (style === undefined) {
      style = lineStyle(line);
      styles.set(line, style);
    }
    return style;
  }

  function lineStyle(line: CleanLine): string | null {
    const g = line.geometry;
    if (!g || body.size === 0) return null;
    const larger = g.size >= LARGER * body.size;
    const otherFace = g.font !== body.font && g.size >= body.size - 0.5;
    if (larger || otherFace) return `${g.font}@${g.size.toFixed(1)}`;
    // Capitals set a line apart too ("CONSOLIDATED BALANCE SHEETS", "EXHIBIT INDEX"), in the body's own face.
    const text = line.text;
    if (g.size < body.size - 0.5 || /[a-z]/u.test(text)) return null;
    // (A word with figures in it is a code — a postcode "RG1 8LS", a reference — not a word of a title.)
    const capitalWords = text.split(/\s+/u).filter((w) => /[A-Z]{2,}/u.test(w) && !/\d/u.test(w)).length;
    // Words, not figures: a line of amounts with currency codes ("(2021: MYR 2,671,654 (AUD 855,806))") is no title.
    const letters = (text.match(/\p{L}/gu) ?? []).length;
    const digits = (text.match(/\d/gu) ?? []).length;
    return capitalWords >= 2 && letters > digits ? `${CAPITALS_STYLE}${g.font}@${g.size.toFixed(1)}` : null;
  }

  /**
   * Where captions start, with their number of lines. A run of lines in one face other than the
   * body's is a caption when it is one to MAX_CAPTION_LINES lines long, opens with a capital or a Han
   * character, ends a sentence and has body text under it on its page; the captions of a face count
   * only when the face sets at least MIN_FACE_CAPTIONS of them and most of its runs stand alone as
   * captions or titles (the face of the headings may set the captions too).
   * Set so, a whole sentence is a title; alone, an emphasised sentence is not.
   */
  function findCaptions(all: readonly CleanLine[], inTable: Int32Array): Map<number, number> {
    const byFace = new Map<string, { runs: number; titles: number; starts: Array<[number, number]> }>();
    // A caption wraps only when its line is full: after a short line the next one starts anew (a
    // group title "Risks Related to Our Business" over the first caption under it).
    const wraps = (line: CleanLine) => (line.geometry?.x1 ?? 0) > rightEdge - 4 * (line.geometry?.size ?? 0) || breaksOff(line.text);
    let i = 0;
    while (i < all.length) {
      const line = all[i] as CleanLine;
      const key = inTable[i] !== -1 || contents.has(i) || line.page === firstPage ? null : styleOf(line);
      if (!key) {
        i += 1;
        continue;
      }
      let end = i + 1;
      while (end < all.length && all[end]?.page === line.page && inTable[end] === -1 && wraps(all[end - 1] as CleanLine) && styleOf(all[end]) === key) end += 1;
      const entry = byFace.get(key) ?? { runs: 0, titles: 0, starts: [] };
      entry.runs += 1;
      const next = all[end];
      const last = all[end - 1] as CleanLine;
      const previous = all[i - 1];
      // (A line ending mid-sentence above runs on into this one: the run is that sentence's tail.)
      const startsAnew = previous?.page !== line.page || !wraps(previous) || SENTENCE_END.test(previous.text.trim());
      const isCaption =
        startsAnew &&
        end - i <= MAX_CAPTION_LINES &&
        /^[\p{Lu}\p{Script=Han}“"]/u.test(line.text.trim()) &&
        SENTENCE_END.test(last.text.trim()) &&
        next?.page === line.page &&
        inTable[end] === -1 &&
        styleOf(next) === null;
      if (isCaption) entry.starts.push([i, end - i]);
      else if (end - i <= MAX_HEADING_LINES && isTitleText(titleWords(line.text))) entry.titles += 1;
      byFace.set(key, entry);
      i = end;
    }
    const found = new Map<number, number>();
    for (const { runs, titles, starts } of byFace.values()) {
      if (starts.length >= MIN_FACE_CAPTIONS && starts.length + titles >= HEADING_FACE_SHARE * runs) for (const [at, count] of starts) found.set(at, count);
    }
    return found;
  }

  /** Faces (font and size) that mostly set short lines standing alone: the report's heading faces. */
  /**
   * Heading faces and how many headings each sets. Lines set alike in a row make one run: a run of a
   * line or two that reads as a title is a heading; a longer run is an emphasised passage, a multi-line
   * cell outside a table or a quote. A face is a heading face when most of its runs are headings.
   */
  function findHeadingFaces(all: readonly CleanLine[], style: BodyStyle, inTable: Int32Array): Map<string, FaceUse> {
    const stats = new Map<string, { runs: number; headings: number; first: number }>();
    let i = 0;
    while (i < all.length) {
      const line = all[i] as CleanLine;
      // A caption run is a heading of its face, whatever its sentence says: a face setting captions
      // is a face of the outline, and the titles it also sets hold the captions under them.
      const caption = captions.get(i);
      const captionStyle = caption !== undefined ? styleOf(line) : null;
      if (caption !== undefined && captionStyle !== null) {
        const entry = stats.get(captionStyle) ?? { runs: 0, headings: 0, first: i };
        entry.runs += 1;
        entry.headings += 1;
        stats.set(captionStyle, entry);
        i += caption;
        continue;
      }
      const key = inTable[i] !== -1 || contents.has(i) ? null : styleOf(line);
      if (!key) {
        i += 1;
        continue;
      }
      let end = i + 1;
      while (end < all.length && all[end]?.page === line.page && inTable[end] === -1 && !contents.has(end) && styleOf(all[end]) === key) end += 1;
      const entry = stats.get(key) ?? { runs: 0, headings: 0, first: -1 };
      entry.runs += 1;
      if (end - i <= MAX_HEADING_LINES && isTitleText(titleWords(line.text)) && ownSegments(line) <= 1) {
        entry.headings += 1;
        if (entry.first < 0) entry.first = i;
      }
      stats.set(key, entry);
      i = end;
    }
    const larger = (key: string) => Number(key.slice(key.lastIndexOf('@') + 1)) >= LARGER * style.size;
    return new Map(
      [...stats]
        .filter(([key, s]) => (s.headings >= MIN_FACE_HEADINGS || larger(key)) && s.headings >= HEADING_FACE_SHARE * s.runs)
        .map(([key, s]) => [key, { headings: s.headings, first: s.first }]),
    );
  }
}

/** How often a heading face sets headings, and the line of its first. */
interface FaceUse {
  headings: number;
  first: number;
}

/**
 * How many levels of the outline stand above a heading face among the faces of its size (0 for the
 * top). Where a report sets two levels of titles in one size, told apart only by the face (bold
 * "Principles of remuneration" over bold italic "Executive remuneration"), the upper level comes
 * first and sets fewer titles: each of its titles holds several of the level under it. A face
 * that came first but sets as many titles or more is a sibling style, not a level above.
 */
function faceDepth(style: string, faces: ReadonlyMap<string, FaceUse>): number {
  const own = faces.get(style);
  if (!own || style.startsWith(CAPTION_STYLE)) return 0;
  const size = (key: string) => Number(key.slice(key.lastIndexOf('@') + 1));
  const capitals = style.startsWith(CAPITALS_STYLE);
  let depth = 0;
  for (const [other, use] of faces) {
    if (other === style || other.startsWith(CAPTION_STYLE) || other.startsWith(CAPITALS_STYLE) !== capitals) continue;
    if (Math.abs(size(other) - size(style)) > SAME_SIZE || use.headings < MIN_HOLDING_FACE_USES) continue;
    if (use.first < own.first && use.headings < own.headings) depth += 1;
  }
  return depth;
}

/** Two titles of the same words, whatever their case and spacing ("DIRECTORS' REPORT", "Directors' Report"). */
function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.toLowerCase().replace(/[’']/gu, "'").replace(/\s+/gu, ' ').trim();
  return words(a) === words(b);
}

/** A report that sets topics run in before a colon sets at least this many of two words or more. */
const MIN_COLON_TITLES = 3;

/**
 * Which words before a colon opening a line are run-in titles. A form prints its field labels once
 * per record ("Name: …", "Title: …" for each director): a lead-in printed more than once is a label.
 * A topic is named once, and a report that runs its topics in so does it as a habit, with titles of
 * several words among them ("Basis of Accounting:", "Principles of Consolidation:"); without that
 * habit a colon lead-in ("Note: …") is no title.
 */
function colonTitleHabit(lines: readonly CleanLine[], tableOf: Int32Array, contents: ReadonlySet<number>): { accepts(title: string): boolean } {
  const counts = new Map<string, number>();
  lines.forEach((line, index) => {
    if (tableOf[index] !== -1 || contents.has(index) || !/^\p{Lu}[^:]{0,80}:\s/u.test(line.text)) return;
    const found = runInTitle(line.text);
    if (found?.colon) counts.set(found.title.toLowerCase(), (counts.get(found.title.toLowerCase()) ?? 0) + 1);
  });
  const severalWords = [...counts].filter(([title, n]) => n === 1 && /\s/u.test(title)).length;
  return { accepts: (title) => severalWords >= MIN_COLON_TITLES && counts.get(title.toLowerCase()) === 1 };
}

/**
 * A note's bare number in front of its title ("23 Issued capital and reserves", "1<tab>Corporate
 * information"): set in a heading face, the face says it is a heading; the title is the words.
 */
const NOTE_NUMBER = String.raw`\d{1,2}(?:\.\d{1,2})*\.?`;
const BARE_NUMBER = new RegExp(`^${NOTE_NUMBER}\\s+(?=\\p{L})`, 'u');
const BARE_NUMBER_SEGMENT = new RegExp(`^${NOTE_NUMBER}$`, 'u');

function titleWords(text: string): string {
  const words = text.trim().replace(BARE_NUMBER, '');
  // After a bare number the title is words alone: "30 June 2022" is a date.
  return words !== text.trim() && /\d/u.test(words) ? text.trim() : words;
}

/** Segments of a line apart from a bare number set off before its title. */
function ownSegments(line: CleanLine): number {
  const segments = line.geometry?.segments ?? [];
  return segments.length > 1 && BARE_NUMBER_SEGMENT.test(segments[0]?.text.trim() ?? '') ? segments.length - 1 : segments.length;
}

/** Short words standing as a title: no clause or sentence ending, starting with a letter or a quote. */
function isTitleText(text: string, options: { sentence?: boolean } = {}): boolean {
  const t = text.trim();
  if (displayWidth(t) > HEADING_MAX_WIDTH || /[。；，,;：:]$/u.test(t)) return false;
  // A sentence stop inside the line means it holds the end of one sentence and the start of another.
  if (/[。；！？]|[a-z]\.\s+[A-Z]/u.test(t)) return false;
  if ((!options.sentence && readsAsSentence(t)) || refersBack(t)) return false;
  // Words wholly in brackets are a note on the line above — who signed as what ("(Principal Glaze
  // Officer)"), what a name is, a unit — not a title over what follows.
  if (isParenthetical(t)) return false;
  // Words start a title, or a year before them ("2031 Share Option Plan").
  if (!/^(?:[\p{Script=Han}\p{L}“"《（(‘']|(?:19|20)\d{2}\s+\p{Lu})/u.test(t)) return false;
  return (t.match(/[\p{Script=Han}\p{L}]/gu) ?? []).length >= 2;
}

/**
 * A page whose every line outside its tables is set smaller than the report's body text was shrunk
 * as a whole to fit (a wide statement scaled onto the page): its type is read at the report's scale,
 * its own body size taken for the report's, so its title stands out from its rows as titles do
 * elsewhere. A page with even one such line at body size or larger was set so (small print under a
 * body-size heading) and is left as it is.
 */
function withShrunkPagesRestored(lines: CleanLine[], tableOf: Int32Array): CleanLine[] {
  const body = bodyStyle(lines);
  if (body.size === 0) return lines;
  // The page's own text outside its tables sets its scale: a wide table on it may be set smaller still.
  const pages = new Map<number, CleanLine[]>();
  const outsideTables = new Map<number, CleanLine[]>();
  const add = (map: Map<number, CleanLine[]>, line: CleanLine) => {
    const known = map.get(line.page);
    if (known) known.push(line);
    else map.set(line.page, [line]);
  };
  lines.forEach((line, index) => {
    if (!line.geometry) return;
    add(pages, line);
    if (tableOf[index] === -1) add(outsideTables, line);
  });
  const factors = new Map<number, number>();
  for (const [page, pageLines] of pages) {
    // (Its text outside its tables decides: a statement's own labels may keep a larger size — "ASSETS".)
    if ((outsideTables.get(page) ?? pageLines).some((line) => (line.geometry?.size ?? 0) >= body.size - SAME_SIZE)) continue;
    const own = bodyStyle(outsideTables.get(page) ?? pageLines).size;
    if (own > 0) factors.set(page, body.size / own);
  }
  if (factors.size === 0) return lines;
  return lines.map((line) => {
    const factor = factors.get(line.page);
    const g = line.geometry;
    return factor === undefined || !g ? line : { ...line, geometry: { ...g, size: Math.round(g.size * factor * 10) / 10 } };
  });
}

/** Where body text lines start on the left (the 5th percentile of their left edges). */
function textLeftEdge(lines: readonly CleanLine[], body: BodyStyle): number {
  const starts = lines.filter((l) => l.geometry && Math.abs(l.geometry.size - body.size) < 0.5).map((l) => l.geometry?.x0 ?? 0);
  if (starts.length === 0) return -Infinity;
  const sorted = starts.sort((a, b) => a - b);
  return sorted[Math.floor(0.05 * (sorted.length - 1))] ?? -Infinity;
}

/** Where body text lines end on the right (the 95th percentile of their right edges). */
function textRightEdge(lines: readonly CleanLine[], body: BodyStyle): number {
  const ends = lines.filter((l) => l.geometry && Math.abs(l.geometry.size - body.size) < 0.5).map((l) => l.geometry?.x1 ?? 0);
  if (ends.length === 0) return Infinity;
  const sorted = ends.sort((a, b) => a - b);
  return sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Infinity;
}
