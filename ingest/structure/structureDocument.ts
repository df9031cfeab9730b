import type { CleanDocument, CleanLine, StructuredDocument } from '../types.js';
import type { Block, BlockKind, Line, SectionRef } from '../../src/store/shapes.js';
import { joinWrapped } from '../clean/cleanPages.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import {
  caseStart,
  displayWidth,
  figureCaption,
  isSourceNote,
  numberedHeading,
  tableCaption,
  unnumberedHeading,
} from './lineShapes.js';

/**
 * Turns cleaned lines into blocks that know their section and page: headings, paragraphs with their
 * mid-sentence wraps joined, 【案例】 boxes, captions, table bodies and metric lists.
 */

/** Outline numbers must advance plausibly; a stray "3.2 …" line inside prose is not a heading. */
function acceptsHeading(current: number[], next: number[]): boolean {
  const depth = next.length;
  const parent = next.slice(0, depth - 1);
  const last = next[depth - 1] ?? 0;
  if (current.length === 0) return next.every((n) => n === 1) || depth === 1;
  const sameParent = parent.every((n, i) => current[i] === n);
  if (sameParent) {
    const sibling = current[depth - 1] ?? 0;
    return last > sibling && last <= sibling + 2;
  }
  // First child of a new parent: "2.1" right after "1.3.5" means "2." was missed; accept it if it is the next chapter.
  const parentAdvances = parent.length > 0 && parent.slice(0, -1).every((n, i) => current[i] === n) && (parent.at(-1) ?? 0) === (current[parent.length - 1] ?? 0) + 1;
  return parentAdvances && last === 1;
}

const SENTENCE_END = /[。！？!?][”」）)]?$/u;

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
}

export function structureDocument(doc: CleanDocument, hints: StructureHints = {}): StructuredDocument {
  const { lines } = doc;
  const tableOf = new Int32Array(lines.length).fill(-1);
  (hints.tableRanges ?? []).forEach(([first, last], t) => {
    for (let i = first; i <= last && i < lines.length; i += 1) tableOf[i] = t;
  });
  const positioned = hints.tableRanges !== undefined;
  const widths = lines.map((l) => displayWidth(l.text)).sort((a, b) => a - b);
  // Width of a full printed line: a line clearly shorter than this that ends a sentence ends its paragraph.
  const fullWidth = widths[Math.floor(widths.length * 0.9)] ?? 40;

  const blocks: Block[] = [];
  let outline: number[] = [];
  let path: string[] = [];
  let sectionId = '';
  let caseRef: SectionRef | null = null;
  let tableRef: SectionRef | null = null;
  let draft: Draft | null = null;

  const outlineSection = (): SectionRef => ({ id: sectionId, path: [...path] });
  const currentSection = (): SectionRef => tableRef ?? caseRef ?? outlineSection();

  const flush = () => {
    if (!draft || draft.lines.length === 0) {
      draft = null;
      return;
    }
    const text = joinWrapped(draft.lines.map((l) => l.text));
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
    });
    draft = null;
  };

  const single = (kind: BlockKind, index: number, section: SectionRef) => {
    flush();
    draft = { kind, lines: [lines[index] as CleanLine], lineStart: index, section };
    flush();
  };

  lines.forEach((line, index) => {
    const text = line.text;

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

    const plain = unnumberedHeading(text);
    const numbered = plain ? null : numberedHeading(text);
    if (plain || (numbered && acceptsHeading(outline, numbered.numbers))) {
      flush();
      caseRef = null;
      tableRef = null;
      if (plain) {
        outline = [];
        path = [text];
        sectionId = plain;
      } else if (numbered) {
        const depth = numbered.numbers.length;
        outline = numbered.numbers;
        path = [...path.slice(0, depth - 1), text];
        // A "1.1" heading after "前言" must not sit under it.
        if (path.length > depth) path = path.slice(-depth);
        sectionId = numbered.numbers.join('.');
      }
      single('heading', index, outlineSection());
      return;
    }

    const caseShape = caseStart(text);
    if (caseShape) {
      flush();
      tableRef = null;
      caseRef = { id: caseShape.id, path: [...path, text] };
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
      tableRef = { id: caption.id, path: [...path, text] };
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
    if (!draft || draft.kind !== kind) {
      flush();
      draft = { kind, lines: [], lineStart: index, section: currentSection() };
    }
    draft.lines.push(line);
    if (SENTENCE_END.test(text) && displayWidth(text) < fullWidth - 1.5) flush();
  });
  flush();

  return { blocks };
}
