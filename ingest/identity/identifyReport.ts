import path from 'node:path';
import { IngestRefusedError } from '../../src/errors.js';
import type { ParsedTable } from '../../src/store/shapes.js';
import type { ReportIdentity } from '../types.js';

/**
 * Which report a file is, read from the report itself: its organisation, the period year it reports
 * on, and its kind (annual report, 10-K, quality report…), from the cover and first pages, the running
 * header, then the file name, and the PDF metadata only when it reads as a title. The period year is
 * never a publication date ("2020 年 04 月" on a 2019 report's cover) and never today's: when nothing
 * names it, the ingest refuses the file and asks for `--year`.
 *
 * The id is a short readable slug — organisation (its short name when the report prints one), year,
 * kind — so the same report ingested again replaces itself, and next year's stands beside it.
 */

export interface IdentityInput {
  filePath: string;
  /** Text lines of the first pages, in reading order. */
  firstLines: Array<{ page: number; text: string }>;
  /** Running headers and footers the clean stage removed (they often carry title and year). */
  runningLines: string[];
  metadataTitle: string | null;
  /** Tables of the report: a key-value table may print the organisation's short name. */
  tables: readonly ParsedTable[];
  flags: { reportId?: string | undefined; year?: number | undefined };
}

interface Kind {
  /** As it goes into the id: "年报", "质量报告", "10-k", "annual-report". */
  slug: string;
}

/** Report kinds by how their titles read; the first that matches names the kind. */
const KINDS: Array<{ pattern: RegExp; slug: string }> = [
  { pattern: /年度报告摘要|年报摘要/u, slug: '年报摘要' },
  { pattern: /半年度报告|半年报/u, slug: '半年报' },
  { pattern: /第[一三]季度报告/u, slug: '季报' },
  { pattern: /质量(?:年度)?报告/u, slug: '质量报告' },
  { pattern: /社会责任报告|ESG\s*报告|可持续发展报告/iu, slug: '社会责任报告' },
  { pattern: /年度报告|年报/u, slug: '年报' },
  { pattern: /\bFORM\s+10-?K\b/iu, slug: '10-k' },
  { pattern: /\bFORM\s+20-?F\b/iu, slug: '20-f' },
  { pattern: /\bFORM\s+10-?Q\b/iu, slug: '10-q' },
  { pattern: /\bFORM\s+40-?F\b/iu, slug: '40-f' },
  { pattern: /\bsustainability\s+report\b|\bESG\s+report\b/iu, slug: 'sustainability-report' },
  { pattern: /\bannual\s+report\b/iu, slug: 'annual-report' },
  { pattern: /\bhalf[-\s]year(?:ly)?\s+report\b|\binterim\s+report\b/iu, slug: 'interim-report' },
];

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const YEAR = '((?:19|20)\\d{2})';

/** Period years as titles and cover notes print them, most explicit first. */
const PERIOD_YEARS: RegExp[] = [
  new RegExp(`${YEAR}\\s*年\\s*(?:年度报告|年报|半年度报告|度报告|第[一三]季度报告|社会责任报告|可持续发展报告)`, 'u'),
  new RegExp(`[（(]\\s*${YEAR}\\s*年度?\\s*[）)]`, 'u'),
  new RegExp(`${YEAR}\\s*年度`, 'u'),
  new RegExp(`(?:fiscal\\s+)?(?:year|period)\\s+ended\\s+(?:(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+${YEAR}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+${YEAR})`, 'iu'),
  new RegExp(`annual\\s+report(?:\\s+and\\s+(?:financial\\s+statements|accounts))?\\s*(?:for\\s+the\\s+year\\s+ended\\s+)?(?:\\d{1,2}\\s+(?:${MONTHS})\\s+)?${YEAR}\\b`, 'iu'),
  new RegExp(`\\b${YEAR}\\s+annual\\s+report\\b`, 'iu'),
  new RegExp(`^(?:\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+)${YEAR}$`, 'iu'),
];

/** Organisation names end in a word for a kind of organisation; legal-form suffixes in English. */
const CN_ORGANISATION = /^[\p{Script=Han}（）()A-Za-z0-9·]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|学院|学校|大学|银行|研究院|研究所|医院|委员会|协会|基金会|中心)$/u;
const CN_ORGANISATION_PREFIX = /^([\p{Script=Han}（）()A-Za-z0-9·]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|学院|学校|大学|银行|研究院|研究所|医院|委员会|协会|基金会|中心))/u;
const EN_LEGAL_SUFFIX = /\b(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.,?\s*Ltd\.?|Ltd\.?|Limited|plc|P\.L\.C\.|LLC|L\.L\.C\.|LP|L\.P\.|N\.V\.|S\.A\.|AG|SE|ASA|AB|Group|Holdings)$/iu;
const EN_LEGAL_PREFIX = /^(.{3,60}?\b(?:Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|plc|LLC|N\.V\.|S\.A\.|AG|Group|Holdings))(?=$|[\s,–—-])/iu;
const EXACT_NAME_NOTE = /exact\s+name\s+of\s+(?:the\s+)?registrant/iu;
const SHORT_NAME_LABEL = /^(?:股票简称|证券简称|A\s*股简称|公司简称|公司的中文简称)$/u;

export function identifyReport(rawInput: IdentityInput): ReportIdentity {
  // Running lines without a word (folios, page numbers) name nothing; one copy of each is enough.
  const input = { ...rawInput, runningLines: [...new Set(rawInput.runningLines.filter((l) => /\p{L}/u.test(l)))] };
  const lines = [...input.runningLines, ...input.firstLines.map((l) => l.text)].map((l) => l.replace(/\s+/gu, ' ').trim()).filter((l) => l !== '');
  const metadata = readableMetadataTitle(input.metadataTitle);
  const stem = path.basename(input.filePath).replace(/(\.pdftext)?\.(pdf|txt|md|text|markdown)$/iu, '');

  const year = input.flags.year ?? periodYear([...lines, ...(metadata ? [metadata] : [])]) ?? yearInFileName(stem);
  if (year === null) {
    throw new IngestRefusedError(input.filePath, 'no_year', 'no report year found on its first pages or in its name; give it with --year');
  }
  const kind = kindOf([...lines.slice(0, 60), ...(metadata ? [metadata] : []), stem]);
  const organisation = organisationOf(input.firstLines, input.runningLines) ?? (metadata ? organisationOf([], [metadata]) : null);
  const title = titleOf(lines, metadata, organisation, year, kind) ?? stem;
  const short = shortName(input.tables) ?? organisation ?? stem;
  const id = input.flags.reportId ?? slug(short, year, kind);
  return { id, year, title, organisation: organisation ?? '' };
}

/** The PDF metadata title when it reads as one, not a file name, a form code or an encoded string. */
export function readableMetadataTitle(title: string | null): string | null {
  if (!title) return null;
  const t = title.trim();
  if (t.length < 4 || t.length > 120) return null;
  if (/^<[0-9A-F]+>$/iu.test(t) || /\.(?:docx?|pdf|xlsx?|indd|rtf)\b/iu.test(t) || /^Microsoft\s+(?:Word|PowerPoint)\b/iu.test(t)) return null;
  if (/^[\w.-]+$/u.test(t) && /[_\d]/u.test(t)) return null; // wmk_Current_Folio_10K, 0000950170-23-003146
  if (!/\p{Script=Han}|[A-Za-z]{3,}\s+[A-Za-z]{2,}/u.test(t)) return null;
  return t;
}

function periodYear(lines: readonly string[]): number | null {
  for (const pattern of PERIOD_YEARS) {
    for (const line of lines) {
      const m = pattern.exec(line);
      const y = m?.slice(1).find((g) => g !== undefined);
      if (y) return Number(y);
    }
  }
  return null;
}

/** "…__2030年__年度报告", "Lanternfield_2030_10K": a year in the name that is not part of a date. */
function yearInFileName(stem: string): number | null {
  const withoutDates = stem.replace(/(?:19|20)\d{2}[-_.]\d{1,2}[-_.]\d{1,2}/gu, ' ');
  const marked = /((?:19|20)\d{2})\s*年/u.exec(withoutDates)?.[1];
  if (marked) return Number(marked);
  const plain = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/u.exec(withoutDates)?.[1];
  return plain ? Number(plain) : null;
}

function kindOf(lines: readonly string[]): Kind {
  for (const { pattern, slug: kind } of KINDS) if (lines.some((l) => pattern.test(l))) return { slug: kind };
  return { slug: lines.some((l) => /\p{Script=Han}/u.test(l)) ? '报告' : 'report' };
}

/**
 * The organisation: in a 10-K the line above "(Exact name of registrant…)"; else a running header or
 * footer, then a cover line, then another early line that is an organisation's whole name; else the
 * part of such a line before the title ("青岚职业学院高等职业教育质量报告…" → "青岚职业学院").
 * "Label: value" lines (a registrar, an auditor) name other organisations and are skipped.
 */
function organisationOf(firstLines: ReadonlyArray<{ page: number; text: string }>, runningLines: readonly string[]): string | null {
  const tidy = (l: string) => l.replace(/\s+/gu, ' ').trim();
  const lines = firstLines.map((l) => tidy(l.text));
  const note = lines.findIndex((l) => EXACT_NAME_NOTE.test(l));
  if (note > 0) {
    const above = lines[note - 1];
    if (above && above.length <= 80) return tidyName(above);
  }
  const cover = firstLines.filter((l) => l.page === 1).map((l) => tidy(l.text));
  // A report's own title quoted in its text: 《某某学院高等职业教育质量报告（2031 年度）》.
  const quoted = lines.flatMap((l) => [...l.matchAll(/《([^》]{4,60})》/gu)].map((m) => m[1] ?? '')).filter((t) => KINDS.some((k) => k.pattern.test(t)));
  const plain = (l: string) => !/[:：]/u.test(l);
  // Most reliable first: what repeats on every page, then the cover, then the rest of the first pages.
  const tiers = [runningLines.map(tidy), cover, quoted, lines.slice(0, 60)].map((tier) => tier.filter(plain));
  for (const tier of tiers) {
    for (const line of tier) {
      const compact = line.replace(/\s+/gu, '');
      if (CN_ORGANISATION.test(compact)) return compact;
      if (line.length <= 60 && EN_LEGAL_SUFFIX.test(line) && /^[A-Z]/u.test(line) && !/[.;]\s/u.test(line)) return tidyName(line);
    }
    for (const line of tier) {
      const prefix = CN_ORGANISATION_PREFIX.exec(line.replace(/\s+/gu, ''))?.[1];
      if (prefix) return prefix;
      const en = EN_LEGAL_PREFIX.exec(line)?.[1];
      if (en && /^[A-Z]/u.test(en)) return tidyName(en);
    }
  }
  return null;
}

/** Names printed in capitals ("LANTERNFIELD HOLDINGS, INC.") are read in title case; others as printed. */
function tidyName(name: string): string {
  const trimmed = name.replace(/\s+/gu, ' ').replace(/[–—-]\s*$/u, '').trim();
  if (/[a-z]/u.test(trimmed) || !/[A-Z]/u.test(trimmed)) return trimmed;
  return trimmed.toLowerCase().replace(/\b([a-z])/gu, (c) => c.toUpperCase());
}

/** A title line as printed: one that names the report's kind and its year or organisation. */
function titleOf(lines: readonly string[], metadata: string | null, organisation: string | null, year: number, kind: Kind): string | null {
  const candidates = [...(metadata ? [metadata] : []), ...lines.slice(0, 60)];
  const kindPattern = KINDS.find((k) => k.slug === kind.slug)?.pattern;
  for (const line of candidates) {
    const compact = line.replace(/\s+/gu, '');
    const namesOrganisation = organisation !== null && compact.includes(organisation.replace(/\s+/gu, ''));
    if (kindPattern?.test(line) && line.length <= 80 && (line.includes(String(year)) || namesOrganisation)) {
      const printed = line.replace(/全文$/u, '').trim();
      // A cover prints the organisation on its own line above "2031 年年度报告": the title is both.
      if (namesOrganisation || organisation === null) return printed;
      return /\p{Script=Han}/u.test(printed) ? `${organisation}${printed.replace(/\s+/gu, '')}` : `${organisation} ${printed}`;
    }
  }
  if (organisation === null) return null;
  const label = kindLabel(kind.slug);
  return /\p{Script=Han}/u.test(label) ? `${organisation}${year}年${label}` : `${organisation} ${label} ${year}`;
}

function kindLabel(kindSlug: string): string {
  switch (kindSlug) {
    case '10-k':
    case '20-f':
    case '10-q':
    case '40-f':
      return `Form ${kindSlug.toUpperCase()}`;
    case 'annual-report':
      return 'Annual Report';
    case 'sustainability-report':
      return 'Sustainability Report';
    case 'interim-report':
      return 'Interim Report';
    case 'report':
      return 'Report';
    case '年报':
      return '年度报告';
    default:
      return kindSlug;
  }
}

/** The short name a key-value table prints beside "股票简称"/"证券简称" (a listed company's). */
function shortName(tables: readonly ParsedTable[]): string | null {
  for (const table of tables) {
    for (const row of table.rows) {
      for (let c = 0; c + 1 < row.length; c += 1) {
        const label = (row[c] ?? '').replace(/\s+/gu, '');
        const value = (row[c + 1] ?? '').replace(/\s+/gu, '');
        if (SHORT_NAME_LABEL.test(label) && value.length >= 2 && value.length <= 12 && !/^\d+$/u.test(value)) return value;
      }
    }
  }
  return null;
}

const EN_DROP = /\b(?:inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|lp|nv|sa|ag|se|asa|ab|the)\b/giu;

/** "青禾智造-2031-年报", "lanternfield-holdings-2031-10-k": readable, path-safe enough, unique per report and year. */
export function slug(name: string, year: number, kind: Kind): string {
  const han = /\p{Script=Han}/u.test(name);
  const base = han
    ? name.replace(/[\s·()（）]+/gu, '').replace(/股份有限公司$|有限责任公司$|有限公司$/u, '')
    : name
        .normalize('NFKD')
        .replace(/[’']/gu, '')
        .replace(/[.,]/gu, ' ')
        .replace(EN_DROP, ' ')
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')
        .replace(/^-+|-+$/gu, '');
  return `${base || 'report'}-${year}-${kind.slug}`;
}
