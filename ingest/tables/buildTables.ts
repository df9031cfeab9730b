import type { PageGridTable } from '../types.js';
import type { Block, Line, ParsedTable } from '../../src/store/shapes.js';
import { tableCaptions } from './tableCaptions.js';
import { tableFromLines } from './tableFromLines.js';
import { tablesFromGrids } from './tablesFromGrids.js';

export interface TableInput {
  lines: Line[];
  blocks: Block[];
  /** Ruled grids from a PDF; empty for text input, where every table is rebuilt from its lines. */
  gridTables: PageGridTable[];
}

/**
 * Every table of the report: from the PDF's ruled grids where there are any (exact cells), else from the
 * caption's printed lines. Captions with neither (tables printed as images) yield nothing.
 */
export function buildTables(input: TableInput): ParsedTable[] {
  const captions = tableCaptions(input.blocks);
  const { tables, captioned } = tablesFromGrids(input.gridTables, captions, input.blocks);
  for (const caption of captions) {
    if (captioned.has(caption)) continue;
    const table = tableFromLines(caption, input.lines);
    if (table) tables.push(table);
  }
  const lineOf = new Map(captions.map((c) => [c.id, c.line]));
  // Report order: captioned tables by caption, uncaptioned grids by page among them.
  return tables
    .map((table, order) => ({ table, order }))
    .sort((a, b) => a.table.page - b.table.page || (lineOf.get(a.table.id) ?? Infinity) - (lineOf.get(b.table.id) ?? Infinity) || a.order - b.order)
    .map(({ table }) => table);
}
