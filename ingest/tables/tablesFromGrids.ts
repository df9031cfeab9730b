import type { PageGridTable } from '../types.js';
import type { Block, ParsedTable, SectionRef } from '../../src/store/shapes.js';
import { cellKey, cellText } from './cellText.js';
import type { TableCaption } from './tableCaptions.js';

/**
 * Tables from the ruled grids the PDF extractor found, one grid per page and table: each grid is put
 * under its caption, and a grid that carries on a table from the previous page is appended to it.
 */

export interface GridTables {
  tables: ParsedTable[];
  /** Captions that received a grid; the others may still be rebuilt from their text lines. */
  captioned: Set<TableCaption>;
}

interface Building {
  caption: TableCaption | null;
  table: ParsedTable;
  lastPage: number;
}

function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cellKey(cell) === cellKey(b[i] ?? ''));
}

function cleanGrid(grid: PageGridTable): string[][] {
  return grid.rows
    .map((row) => row.map(cellText))
    .filter((row) => row.some((cell) => cell.length > 0));
}

/** Last page the table's printed text reaches: a grid on a later page cannot belong to it without its header. */
function extentPage(caption: TableCaption): number {
  return Math.max(caption.page, caption.body?.pageEnd ?? 0, caption.sourceNote?.pageStart ?? 0);
}

/** Where the caption's text layer quotes the grid's header, that caption is the grid's (a caption may have no grid). */
function quotesHeader(caption: TableCaption, header: string[]): boolean {
  const body = caption.body ? cellKey(caption.body.text) : '';
  return body.includes(cellKey(header.join('')));
}

function pickCaption(candidates: TableCaption[], header: string[]): TableCaption | undefined {
  return candidates.find((c) => quotesHeader(c, header)) ?? candidates[0];
}

/** Rows of the same table on a later page; a header printed again inside them is dropped too. */
function append(building: Building, rows: string[][], page: number) {
  const kept = rows.filter((row) => !sameRow(row, building.table.header));
  building.table.rows.push(...kept);
  building.table.rowPages?.push(...kept.map(() => page));
  if (!building.table.pages.includes(page)) building.table.pages.push(page);
  building.lastPage = page;
}

function outlineSectionAt(blocks: Block[], page: number): SectionRef {
  let section: SectionRef = { id: '', path: [] };
  for (const block of blocks) {
    if (block.pageStart > page) break;
    if (block.kind === 'heading') section = block.section;
  }
  return section;
}

export function tablesFromGrids(grids: PageGridTable[], captions: TableCaption[], blocks: Block[]): GridTables {
  const built: Building[] = [];
  const used = new Set<TableCaption>();
  let current: Building | null = null;
  const ordered = grids.map((grid, order) => ({ grid, order })).sort((a, b) => a.grid.page - b.grid.page || a.order - b.order);

  for (const { grid } of ordered) {
    const rows = cleanGrid(grid);
    const header = rows[0];
    // A single ruled column is a framed text box (a case study, a quote), not a table.
    if (!header || header.length < 2) continue;
    const page = grid.page;
    const unused = captions.filter((c) => !used.has(c));
    const onPage = unused.filter((c) => c.page === page);

    if (current) {
      const repeatsHeader = sameRow(header, current.table.header);
      const open = current.caption !== null && extentPage(current.caption) >= page;
      // A table carried over to a new page either repeats its header or, when it does not, keeps its
      // column count while its caption's text still runs on this page and no new caption claims the grid.
      const continues = repeatsHeader
        ? open || current.caption === null
        : open && page > current.lastPage && header.length === current.table.header.length && !onPage.some((c) => quotesHeader(c, header));
      if (continues) {
        append(current, repeatsHeader ? rows.slice(1) : rows, page);
        continue;
      }
    }

    // A caption printed at the foot of the previous page whose text runs onto this one.
    const orphaned = unused.filter((c) => c.page === page - 1 && extentPage(c) >= page);
    const caption = pickCaption(onPage.length > 0 ? onPage : orphaned, header);

    if (!caption && current && sameRow(header, current.table.header)) {
      append(current, rows.slice(1), page);
      continue;
    }

    if (!caption && rows.length < 2) continue;
    if (caption) used.add(caption);
    // An uncaptioned grid keeps its figures answerable; it has no label to show, so id and title stay empty.
    const table: ParsedTable = {
      id: caption?.id ?? '',
      title: caption?.title ?? '',
      page,
      pages: [page],
      header,
      rows: rows.slice(1),
      rowPages: rows.slice(1).map(() => page),
      sourceNote: caption?.sourceNote?.text ?? null,
      section: caption?.section ?? outlineSectionAt(blocks, page),
    };
    current = { caption: caption ?? null, table, lastPage: page };
    built.push(current);
  }

  return { tables: built.map((b) => b.table), captioned: used };
}
