import type { ParsedTable } from '../store/shapes.js';

/** Without it Excel reads a UTF-8 CSV as the local ANSI code page and Chinese turns to mojibake. */
const BOM = '\ufeff';
const CRLF = '\r\n';

function field(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The table as RFC 4180 CSV for download: UTF-8 with a BOM, CRLF line ends, header first, every
 * record padded to the same number of fields. Cells are written exactly as parsed (a wrapped cell keeps
 * its line break inside quotes) so the file holds the printed figures, not reformatted ones.
 */
export function tableCsv(table: ParsedTable): string {
  const records = table.header.length > 0 ? [table.header, ...table.rows] : table.rows;
  const width = Math.max(0, ...records.map((record) => record.length));
  const lines = records.map((record) => Array.from({ length: width }, (_, c) => field(record[c] ?? '')).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}
