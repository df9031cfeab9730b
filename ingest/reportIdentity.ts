import path from 'node:path';
import type { ReportIdentity } from './types.js';

/**
 * Which report a file is: explicit flags first, else the title and year the document prints
 * ("…质量报告（2024 年度）"), else the file name. Two files with the same identity are two versions of
 * one report (the later replaces the earlier); a new identity is a new report beside the others.
 */
export function resolveIdentity(input: {
  filePath: string;
  found: { title: string | null; year: number | null };
  flags: { reportId?: string | undefined; year?: number | undefined };
}): ReportIdentity {
  const stem = path.basename(input.filePath).replace(/(\.pdftext)?\.(pdf|txt|md)$/i, '');
  const yearInName = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(stem)?.[1];
  const year = input.flags.year ?? input.found.year ?? (yearInName ? Number(yearInName) : new Date().getFullYear());
  const title = input.found.title ?? stem;
  const titleStem = input.found.title ? input.found.title.replace(/[（(]\s*\d{4}\s*年度?\s*[）)]/u, '').trim() : null;
  const id = input.flags.reportId ?? (titleStem ? `${titleStem}-${year}` : stem);
  return { id, year, title };
}
