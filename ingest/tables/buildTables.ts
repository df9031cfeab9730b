import type { Block, ParsedTable, SectionRef } from '../../src/store/shapes.js';
import type { CleanLine } from '../types.js';
import type { LayoutTable } from './findLayoutTables.js';
import { tableCaptions } from './tableCaptions.js';
import { tableFromLines } from './tableFromLines.js';
import { tablesFromLayout } from './tablesFromLayout.js';

export interface TableInput {
  lines: CleanLine[];
  blocks: Block[];
  /** Tables found from the page layout (PDF input); null for a text export, rebuilt from captions. */
  layout: LayoutTable[] | null;
  bodySize: number;
  language: 'zh' | 'en';
}

/**
 * Every table of the report. From a PDF: the tables the layout shows, ruled or not, captioned or not.
 * From a text export, which has no positions: each caption's printed lines rebuilt into rows. A
 * caption with neither (a table printed as an image) yields nothing.
 */
export interface BuiltTables {
  tables: ParsedTable[];
  /** The blocks, the printed lines of each table now naming their table and standing in its section. */
  blocks: Block[];
}

export function buildTables(input: TableInput): BuiltTables {
  if (input.layout) {
    const sections = sectionsByLine(input.blocks, input.lines.length);
    const { tables, lineRanges } = tablesFromLayout(input.layout, {
      lines: input.lines,
      sectionAt: (line) => sections[line] ?? { id: '', path: [] },
      bodySize: input.bodySize,
      language: input.language,
    });
    const tableAtLine = new Map<number, ParsedTable>();
    for (const table of tables) for (const [first] of lineRanges.get(table.id) ?? []) tableAtLine.set(first, table);
    const blocks = input.blocks.map((b) => {
      const table = b.kind === 'table_body' ? tableAtLine.get(b.lineStart) : undefined;
      return table ? { ...b, section: table.section, table: table.id } : b;
    });
    return { tables, blocks };
  }
  const tables: ParsedTable[] = [];
  for (const caption of tableCaptions(input.blocks)) {
    const table = tableFromLines(caption, input.lines);
    if (table) tables.push(table);
  }
  return { tables, blocks: input.blocks };
}

/** The section every line stands in, from the blocks that cover it (a line between blocks takes the one before). */
function sectionsByLine(blocks: readonly Block[], count: number): SectionRef[] {
  const out: SectionRef[] = new Array<SectionRef>(count);
  for (const block of blocks) {
    for (let i = block.lineStart; i <= block.lineEnd && i < count; i += 1) out[i] = block.section;
  }
  let last: SectionRef = { id: '', path: [] };
  for (let i = 0; i < count; i += 1) {
    if (out[i]) last = out[i] as SectionRef;
    else out[i] = last;
  }
  return out;
}
