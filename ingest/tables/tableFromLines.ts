import type { Line, ParsedTable } from '../../src/store/shapes.js';
import { rowsFromLines } from './rowsFromLines.js';
import type { TableCaption } from './tableCaptions.js';

/** A captioned table rebuilt from its printed lines, for text input or a PDF table drawn without rules. */
export function tableFromLines(caption: TableCaption, lines: Line[]): ParsedTable | null {
  const body = caption.body;
  if (!body) return null;
  const printed = lines.slice(body.lineStart, body.lineEnd + 1);
  const rebuilt = rowsFromLines(printed.map((l) => l.text));
  if (!rebuilt) return null;
  const pages = [...new Set(printed.map((l) => l.page))].sort((a, b) => a - b);
  return {
    id: caption.id,
    title: caption.title,
    page: pages[0] ?? caption.page,
    pages,
    header: rebuilt.header,
    rows: rebuilt.rows,
    sourceNote: caption.sourceNote?.text ?? null,
    section: caption.section,
  };
}
