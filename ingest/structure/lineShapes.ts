/**
 * Recognisers for the structural lines of a Chinese report: numbered headings, 【案例】 boxes, figure and
 * table captions, source notes. Shapes only — nothing here names a particular report's content.
 */

export interface HeadingShape {
  numbers: number[];
  title: string;
}

/** "(continued)", "（续）", "（续表）": a title printed again where its text or table carries on. */
export const CONTINUED_MARK = /[(（]\s*(?:continued|cont'?d|续表?)\s*[)）]/iu;

/** Two titles name the same thing: alike but for a continued mark, a closing colon, spacing and case. */
export function sameTitle(a: string, b: string): boolean {
  const bare = (t: string) => t.replace(CONTINUED_MARK, '').replace(/[:：]\s*$/u, '').replace(/\s+/gu, ' ').trim().toLowerCase();
  return bare(a) === bare(b);
}

const NUMBERED_HEADING = /^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?(\.?)\s*(\S.*)$/u;
const HEADING_MAX_CHARS = 40;

/** "1.青禾概况", "1.1 青藤计划", "1.1.1“蓝鲸湾基地”" — not "2024 年…" nor "12.5%的学生…". */
export function numberedHeading(line: string): HeadingShape | null {
  const m = NUMBERED_HEADING.exec(line.trim());
  if (!m) return null;
  const [, a, b, c, trailingDot, rest] = m;
  if (a === undefined || rest === undefined) return null;
  const numbers = [a, b, c].filter((n): n is string => n !== undefined).map(Number);
  // A top-level heading is written "1.标题"; a bare "1 标题" is a list item or table row.
  if (numbers.length === 1 && trailingDot !== '.') return null;
  // Width in CJK cells: an English title may run to twice as many letters.
  if (displayWidth(line) > HEADING_MAX_CHARS || /[。；，,;]$/.test(rest)) return null;
  // The title must start like words, not like the rest of a number ("5%", "5万元").
  if (!/^[\p{Script=Han}“"《（(A-Za-z]/u.test(rest)) return null;
  if (numbers.some((n) => n === 0)) return null;
  return { numbers, title: rest.trim() };
}

const UNNUMBERED_HEADINGS = /^(前\s*言|序\s*言|引\s*言|结\s*语|附\s*表|附\s*录)(?=$|[:：\s])/u;

/**
 * A filing's signature section (Form 10-K, 20-F: "SIGNATURES") ends the numbered parts and items;
 * what follows it (financial statement pages, exhibits) belongs to none of them.
 */
const SIGNATURES_HEADING = /^(SIGNATURES?|Signatures?)$/u;

/** "前 言", "附表：…" → the label used as the section id ("前言", "附表"); "SIGNATURES" as printed. */
export function unnumberedHeading(line: string): string | null {
  const signatures = SIGNATURES_HEADING.exec(line.trim());
  if (signatures?.[1]) return signatures[1];
  const m = UNNUMBERED_HEADINGS.exec(line.trim());
  if (!m?.[1]) return null;
  if (line.length > HEADING_MAX_CHARS) return null;
  return m[1].replace(/\s+/g, '');
}

export interface LabelShape {
  /** "案例 1-1", "图 1-2", "表 1-3", "表 1" */
  id: string;
  title: string;
}

/**
 * A label's number: "1", "1-3", at most three digits a part. Where the space after it is lost (OCR
 * drops it; some authors never type it) a title opening on a year runs into it — "表1-42023年…" — so
 * the number ends before a year followed by 年 as well as before a non-digit.
 */
const LABEL_NUMBER = String.raw`(\d{1,3}(?:\s*[-－—–]\s*\d{1,3})?)(?=(?:19|20)\d{2}\s*年|\D|$)`;
const CASE_START = new RegExp(String.raw`^【\s*案例\s*${LABEL_NUMBER}\s*】\s*(.*)$`, 'u');
const FIGURE_CAPTION = new RegExp(String.raw`^图\s*${LABEL_NUMBER}\s*(\S.*)$`, 'u');
const TABLE_CAPTION = new RegExp(String.raw`^(?:附)?表\s*${LABEL_NUMBER}\s*(\S.*)$`, 'u');

function label(prefix: string, re: RegExp, line: string): LabelShape | null {
  const m = re.exec(line.trim());
  if (!m?.[1]) return null;
  const number = m[1].replace(/\s+/g, '').replace(/[－—–]/g, '-');
  return { id: `${prefix} ${number}`, title: (m[2] ?? '').trim() };
}

export const caseStart = (line: string) => label('案例', CASE_START, line);

export function figureCaption(line: string): LabelShape | null {
  const shape = label('图', FIGURE_CAPTION, line);
  // Captions are short titles; "图 1 所示的…" inside a sentence is prose.
  return shape && line.length <= 60 && !/[。；]$/.test(line) ? shape : null;
}

export function tableCaption(line: string): LabelShape | null {
  const shape = label('表', TABLE_CAPTION, line);
  return shape && line.length <= 60 && !/[。；]$/.test(line) ? shape : null;
}

export const isSourceNote = (line: string) => /^(数据)?来源\s*[:：]/u.test(line.trim());

/** Display width in CJK cells: half-width characters take half a cell. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * A line of two boxes to tick, each before a short option ("□ 适用 √ 不适用", "√ 是 □ 否", "☐ Yes ☒ No"):
 * a form prints it under each item it asks about.
 */
export const isChoiceLine = (line: string) => /^[□√☑☒☐■✓✔]\s*[\p{L}\p{Script=Han}]{1,4}\s*[□√☑☒☐■✓✔]\s*[\p{L}\p{Script=Han}]{1,4}$/u.test(line.trim());

/**
 * A choice line whose ticked box declines ("□适用 √不适用", "□是 √否", "☐ Yes ☒ No"): the item it
 * answers has nothing under it. The declining option is the one that negates (不, 否, 无, 未, 非; no, not).
 */
export function declinesChoice(line: string): boolean {
  const ticked = /[√☑☒■✓✔]\s*([\p{L}\p{Script=Han}/]{1,4})/u.exec(line.trim())?.[1];
  return ticked !== undefined && /^(?:[不否无未非]|no\b|not\b|n\/a)/iu.test(ticked);
}
