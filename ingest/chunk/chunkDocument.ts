import type { Block, Chunk, ChunkKind, ParsedTable, SectionRef } from '../../src/store/shapes.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { cutAfterSentences } from '../../src/text/splitSentences.js';
import { tableRowText } from '../../src/text/tableRowText.js';

/**
 * Chunks follow the report's structure, not a character count: a paragraph stays whole unless it is
 * long, a small case box stays whole, a table is cut between rows with its caption and header repeated,
 * and a cut only ever falls after a sentence or list-item end, so no figure is split.
 */

export const MAX_CHUNK_CHARS = 420;
/** Short paragraphs (a one-line lead-in) are read with what follows them. */
const MIN_STANDALONE_CHARS = 40;
const TABLE_ROWS_PER_CHUNK = 8;

/** Greedy packing of sentences into pieces of at most `max` characters (a longer sentence stays whole). */
export function packSentences(text: string, max = MAX_CHUNK_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of cutAfterSentences(text)) {
    if (current.length > 0 && current.length + sentence.length > max) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

interface Piece {
  kind: ChunkKind;
  section: SectionRef;
  pageStart: number;
  pageEnd: number;
  text: string;
  /** Words that locate the text (section title, case title, caption) and help retrieval find it. */
  context: string;
  /** The table a table_rows piece holds rows of. */
  table?: string;
  /** The record a piece of a list of records is about (see `rowPieces`). */
  subject?: string;
}

function sectionTitle(section: SectionRef): string {
  return section.path.at(-1) ?? section.id;
}

/**
 * A key-value table that lists records one after another ("Name: … Title: … Name: … Title: …", a
 * directors' report's information on each director) opens each record with the same key: the first
 * key of the table, printed again. Returns the row index each record starts at, or null for a table
 * that is not such a list.
 */
function recordStarts(table: ParsedTable): number[] | null {
  if (!table.keyValue) return null;
  const firstKey = table.rows.find((row) => (row[0] ?? '').trim() !== '')?.[0]?.trim();
  if (firstKey === undefined) return null;
  const starts = table.rows.flatMap((row, i) => ((row[0] ?? '').trim() === firstKey ? [i] : []));
  return starts.length >= 2 ? starts : null;
}

/**
 * The table's rows in pieces of at most TABLE_ROWS_PER_CHUNK: in runs from the first row, or, for a
 * list of records, cut where each record starts, every piece of a record led by its first row (the
 * name it is about) — each line of a record is said of that name, as each row of a table is read
 * under its header.
 */
function rowPieces(table: ParsedTable): Array<{ rows: number[]; lead: number | null }> {
  // (A table without rows is still one piece: its caption and header.)
  if (table.rows.length === 0) return [{ rows: [], lead: null }];
  const starts = new Set(recordStarts(table));
  const bounds = [...new Set([0, ...starts])];
  const out: Array<{ rows: number[]; lead: number | null }> = [];
  bounds.forEach((from, b) => {
    const to = bounds[b + 1] ?? table.rows.length;
    for (let start = from; start < to; start += TABLE_ROWS_PER_CHUNK) {
      const rows = Array.from({ length: Math.min(TABLE_ROWS_PER_CHUNK, to - start) }, (_, i) => start + i);
      out.push({ rows, lead: starts.has(from) ? from : null });
    }
  });
  return out;
}

function tablePieces(table: ParsedTable): Piece[] {
  const caption = `${table.id} ${table.title}`.trim();
  const header = tableRowText(table.header);
  const pieces: Piece[] = [];
  const lastPage = table.pages.at(-1) ?? table.page;
  const all = rowPieces(table);
  all.forEach(({ rows: indices, lead }, p) => {
    const rows = indices.map((i) => tableRowText(table.rows[i] ?? []));
    // The pages this piece's own rows are printed on, when the table knows them.
    const rowPages = table.rowPages ? indices.map((i) => table.rowPages?.[i]).filter((page): page is number => page !== undefined) : [];
    const isLast = p === all.length - 1;
    const subject = lead === null ? undefined : tableRowText(table.rows[lead] ?? []);
    const lines = [caption, header, ...(subject !== undefined && indices[0] !== lead ? [subject] : []), ...rows];
    if (isLast && table.sourceNote) lines.push(table.sourceNote);
    pieces.push({
      kind: 'table_rows',
      table: table.id,
      section: table.section,
      pageStart: rowPages.length > 0 && p > 0 ? Math.min(...rowPages) : table.page,
      pageEnd: rowPages.length > 0 ? Math.max(...rowPages) : lastPage,
      text: lines.join('\n'),
      context: sectionTitle(table.section),
      ...(subject !== undefined ? { subject } : {}),
    });
  });
  return pieces;
}

/** Whether a section opens under another (its path goes on from the other's). */
function nestsUnder(section: SectionRef, parent: SectionRef): boolean {
  return section.path.length > parent.path.length && parent.path.every((title, i) => section.path[i] === title);
}

/**
 * The pages a piece of a block is printed on: a paragraph carried over a page break is cut into
 * pieces, and each cites only the pages its own text stands on. `offset` is where the piece starts in
 * the block's text (negative inside a lead-in joined before it, which stands on the block's first page).
 */
function partPages(block: Block, offset: number, part: string, leadPage = block.pageStart): { start: number; end: number } {
  const breaks = block.pageStarts ?? [];
  if (breaks.length === 0) return { start: Math.min(leadPage, block.pageStart), end: block.pageEnd };
  const first = offset + (part.length - part.trimStart().length);
  const last = offset + part.trimEnd().length - 1;
  const pageAt = (at: number) => (at < 0 ? leadPage : (breaks.findLast((b) => b.offset <= at)?.page ?? block.pageStart));
  return { start: pageAt(first), end: Math.max(pageAt(first), pageAt(last)) };
}

export function chunkDocument(input: {
  reportId: string;
  year: number;
  blocks: Block[];
  tables: ParsedTable[];
}): Chunk[] {
  const pieces: Piece[] = [];
  const tableIds = new Set(input.tables.map((t) => t.id));
  const emittedTables = new Set<string>();
  let pendingLead: Block | null = null;
  let caseTitle: { id: string; text: string } | null = null;

  // `text` is the block's text, with a short lead-in paragraph's text joined before it.
  const push = (block: Block, kind: ChunkKind, text: string, context: string, lead?: Block) => {
    let offset = -(lead?.text.length ?? 0);
    for (const part of packSentences(text)) {
      const pages = partPages(block, offset, part, lead?.pageStart);
      pieces.push({ kind, section: block.section, pageStart: pages.start, pageEnd: pages.end, text: part, context });
      offset += part.length;
    }
  };

  // A case box is read as a whole: its paragraphs are packed together up to the chunk size.
  let caseBuffer: { section: SectionRef; parts: Block[]; context: string } | null = null;
  const flushCase = () => {
    if (!caseBuffer) return;
    const { section, parts, context } = caseBuffer;
    caseBuffer = null;
    let current: Piece | null = null;
    for (const part of parts) {
      for (const text of packSentences(part.text)) {
        if (current && current.text.length + text.length > MAX_CHUNK_CHARS) {
          pieces.push(current);
          current = null;
        }
        if (current) {
          current.text += text;
          current.pageEnd = part.pageEnd;
        } else current = { kind: 'case', section, pageStart: part.pageStart, pageEnd: part.pageEnd, text, context };
      }
    }
    if (current) pieces.push(current);
  };

  // A heading closed by the next one with nothing printed under it (a name over a role: "Maren J.
  // Tollefsen" / "Chief Quill Officer") opens no section of its own: its words are kept as a passage,
  // or they would be in no chunk at all.
  let openHeading: Block | null = null;
  for (const block of input.blocks) {
    const context = block.kind === 'case' && caseTitle?.id === block.section.id ? caseTitle.text : sectionTitle(block.section);
    if (openHeading && !(block.kind === 'heading' && nestsUnder(block.section, openHeading.section))) {
      if (block.kind === 'heading') push(openHeading, 'paragraph', openHeading.text, sectionTitle(openHeading.section));
      openHeading = null;
    }
    switch (block.kind) {
      case 'heading':
        openHeading = block;
        break;
      case 'table_caption': {
        const table = input.tables.find((t) => t.id === block.section.id && !emittedTables.has(t.id));
        if (table) {
          pieces.push(...tablePieces(table));
          emittedTables.add(table.id);
        }
        break;
      }
      case 'table_body': {
        // Parsed tables are chunked from their rows, where they stand; raw lines are only the fallback for an unparsed one.
        const table = input.tables.find((t) => t.id === (block.table ?? block.section.id));
        if (!table) push(block, 'paragraph', block.text, context);
        else if (!emittedTables.has(table.id)) {
          pieces.push(...tablePieces(table));
          emittedTables.add(table.id);
        }
        break;
      }
      case 'source_note':
        if (!tableIds.has(block.section.id)) push(block, 'paragraph', block.text, context);
        break;
      case 'figure_caption':
        push(block, 'figure_caption', block.text, context);
        break;
      case 'metric_list':
        push(block, 'metric_line', block.text, context);
        break;
      case 'case':
        if (/^【/.test(block.text)) {
          caseTitle = { id: block.section.id, text: block.text };
          break;
        }
        if (caseBuffer && caseBuffer.section.id !== block.section.id) flushCase();
        if (caseBuffer) caseBuffer.parts.push(block);
        else caseBuffer = { section: block.section, parts: [block], context };
        break;
      case 'paragraph': {
        const lead: Block | null = pendingLead?.section.id === block.section.id ? pendingLead : null;
        if (lead) {
          pendingLead = null;
          push(block, 'paragraph', `${lead.text}${block.text}`, context, lead);
          break;
        }
        if (block.text.length < MIN_STANDALONE_CHARS && pendingLead === null) {
          pendingLead = block;
          break;
        }
        push(block, 'paragraph', block.text, context);
        break;
      }
    }
    if (block.kind !== 'case') flushCase();
    if (pendingLead && pendingLead !== block && block.kind !== 'paragraph') {
      push(pendingLead, 'paragraph', pendingLead.text, sectionTitle(pendingLead.section));
      pendingLead = null;
    }
  }
  flushCase();
  if (openHeading) push(openHeading, 'paragraph', openHeading.text, sectionTitle(openHeading.section));
  if (pendingLead) push(pendingLead, 'paragraph', pendingLead.text, sectionTitle(pendingLead.section));
  // Tables whose caption block was not seen (a grid with no caption) still become chunks.
  for (const table of input.tables) if (!emittedTables.has(table.id)) pieces.push(...tablePieces(table));

  return pieces.map((piece, i) => ({
    id: `${input.reportId}#${i}`,
    reportId: input.reportId,
    year: input.year,
    kind: piece.kind,
    section: piece.section,
    pageStart: piece.pageStart,
    pageEnd: piece.pageEnd,
    text: piece.text,
    norm: `${normalizeForMatch(piece.context)}\n${normalizeForMatch(piece.text)}`,
    ...(piece.table ? { table: piece.table } : {}),
    ...(piece.subject !== undefined ? { subject: piece.subject } : {}),
  }));
}
