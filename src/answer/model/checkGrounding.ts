import type { Evidence } from '../types.js';

export interface GroundingResult {
  /** Every figure is supported and every citation names a source. */
  ok: boolean;
  /** Figures as the answer wrote them ("85%", "2022"), and citations of missing sources ("[9]"), in order of appearance. */
  unsupported: string[];
  /** Source numbers the answer cites, in order of first citation. */
  cited: number[];
}

export interface GroundingOptions {
  /**
   * 'cited' (default): when the answer cites sources, its figures must come from those. 'any': from
   * any evidence — for a reply still being written, whose citations may not have arrived yet.
   */
  scope?: 'cited' | 'any';
}

/**
 * Checks that every figure in a model answer is printed in the sources it cites (or, when it cites
 * none, in any of the evidence). Figures are compared as whole numbers with separators removed, so
 * 85 is not found inside 856 or 0.85, and 87% is not found in 87.5%. Units other than % are not
 * compared: the figure is what people copy into their own reports.
 *
 * `extraAllowed` holds figures the code computed itself (an exact table sum). A sum the answer
 * writes out ("120 + 35 = 155") is accepted when it is exact; its operands are checked like any
 * other figure.
 */
export function checkGrounding(answerText: string, evidence: Evidence[], extraAllowed: string[] = [], options: GroundingOptions = {}): GroundingResult {
  const { cited, body } = takeCitations(answerText.normalize('NFKC'));
  const unsupported: string[] = [];
  const known = new Set(evidence.map((source) => source.n));
  for (const n of cited) if (!known.has(n)) unsupported.push(`[${n}]`);

  const scope = options.scope === 'any' || cited.length === 0 ? evidence : evidence.filter((source) => cited.includes(source.n));
  const pool = new SupportPool();
  for (const source of scope) pool.addSource(source);
  for (const figure of extraAllowed.flatMap((text) => figuresIn(text.normalize('NFKC')))) pool.addFigure(figure);

  const text = joinSpacedThousands(removeListOrdinals(body));
  for (const result of exactSumResults(text)) pool.addFigure(result);
  for (const figure of figuresIn(text)) {
    if (!pool.supports(figure) && !unsupported.includes(figure.text)) unsupported.push(figure.text);
  }
  return { ok: unsupported.length === 0, unsupported, cited };
}

// ---- figures ------------------------------------------------------------------------------------

interface Figure {
  /** As written, trimmed: "4,321", "87%". */
  text: string;
  /** Digits without separators or leading zeros ("4321", "0.85"), or a dotted id ("1.3.5"). */
  value: string;
  unit: '' | '%' | '‰';
  dotted: boolean;
}

// A dotted id (section 1.3.5) first, then thousands groups only where each group has exactly three
// digits (so "2021,2022" stays two years), then a plain number; a unit may follow after spaces.
const FIGURE = /(?<![\d.])(?:(\d+(?:\.\d+){2,})|(\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?))(?:\s*(%|‰|percent\b|per cent\b))?/giu;

/** Figures in NFKC text. */
function figuresIn(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const dottedId = match[1];
    const unitWord = match[3]?.toLowerCase();
    const unit = unitWord === undefined ? '' : unitWord === '‰' ? '‰' : '%';
    if (dottedId !== undefined) {
      figures.push({ text: match[0].trim(), value: dottedId, unit, dotted: true });
      continue;
    }
    const raw = (match[2] ?? '').replace(/,/g, '');
    figures.push({ text: match[0].trim(), value: raw.replace(/^0+(?=\d)/, ''), unit, dotted: false });
  }
  return figures;
}

/** Figures allowed by the sources in scope, keyed by value and unit. */
class SupportPool {
  private readonly keys = new Set<string>();
  /** Plain values from sources that print % in a column header, where "87" in a cell means 87%. */
  private readonly percentColumnValues = new Set<string>();

  addSource(source: Evidence): void {
    const text = source.text.normalize('NFKC');
    // PDF extraction sometimes splits a number ("12. 34%", "4 321"); the closed-up reading is added
    // to the literal one, never in place of it, so table cells "2023 2024" stay two years.
    const closedUp = text.replace(/(?<=\d)[ \t]+(?=[\d.,%])|(?<=\d[.,])[ \t]+(?=\d)/g, '');
    const figures = [...figuresIn(text), ...figuresIn(closedUp)];
    // Where the passage stands may be quoted too: "2024 report, section 1.3.5, page 12".
    const meta = figuresIn(`${source.report} ${source.year} ${source.section} ${source.page}`.normalize('NFKC'));
    for (const figure of [...figures, ...meta]) this.addFigure(figure);
    if (/\(\s*%\s*\)|单位\s*:?\s*%|百分比/.test(text)) {
      for (const figure of figures) if (figure.unit === '' && !figure.dotted) this.percentColumnValues.add(figure.value);
    }
  }

  addFigure(figure: Figure): void {
    this.keys.add(key(figure.value, figure.unit));
  }

  supports(figure: Figure): boolean {
    if (figure.dotted) return this.keys.has(key(figure.value, ''));
    if (figure.unit === '%') return this.keys.has(key(figure.value, '%')) || this.percentColumnValues.has(figure.value);
    if (figure.unit === '‰') return this.keys.has(key(figure.value, '‰'));
    // "87 percent" in English prose and "87%" are the same printed figure; a bare number may drop the sign.
    return this.keys.has(key(figure.value, '')) || this.keys.has(key(figure.value, '%')) || this.keys.has(key(figure.value, '‰'));
  }
}

function key(value: string, unit: string): string {
  return `${value}${unit}`;
}

// ---- answer text -----------------------------------------------------------------------------

/** [1], [1, 2], [1-3], 【1】 (NFKC already turned ［１］ into [1]). Ids above three digits are figures, not citations. */
const CITATION = /[[【]\s*(\d{1,3}(?:\s*(?:[,、;]|[-–~])\s*\d{1,3})*)\s*[\]】]/gu;
const MAX_RANGE = 20;

function takeCitations(text: string): { cited: number[]; body: string } {
  const cited: number[] = [];
  const add = (n: number) => {
    if (!cited.includes(n)) cited.push(n);
  };
  const body = text.replace(CITATION, (_whole, list: string) => {
    for (const item of list.split(/\s*[,、;]\s*/)) {
      const [from, to] = item.split(/\s*[-–~]\s*/).map(Number);
      if (from === undefined) continue;
      if (to === undefined || to < from || to - from > MAX_RANGE) {
        add(from);
        if (to !== undefined) add(to);
      } else {
        for (let n = from; n <= to; n += 1) add(n);
      }
    }
    return ' ';
  });
  return { cited, body };
}

/** "1." "2、" "3)" "(4)" opening a line are list formatting, not figures; "1.5亿元" opening a line is a figure. */
function removeListOrdinals(text: string): string {
  return text.replace(/^([ \t]*(?:[-*][ \t]+)?)(?:\d{1,2}[.、)]|\(\d{1,2}\))(?=[ \t]|[^\d.,%])/gmu, '$1');
}

/** "4 321" → "4321" when the groups are thousands groups, so the answer's spacing does not split a figure. */
function joinSpacedThousands(text: string): string {
  return text.replace(/(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])/g, (run) => run.replace(/ /g, ''));
}

// "a + b (+ c…) = r", each number optionally followed by a short unit ("120人 + 35人 = 155人").
const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const UNIT = String.raw`[^\d+=\n。；;，,:：]{0,6}?`;
const SUM = new RegExp(String.raw`${NUMBER}${UNIT}(?:\s*\+\s*${NUMBER}${UNIT})+\s*=\s*${NUMBER}(?:\s*(?:%|‰))?`, 'gu');

/** Results of written-out sums that are exactly right, as figures the answer may state. */
function exactSumResults(text: string): Figure[] {
  const results: Figure[] = [];
  for (const match of text.matchAll(SUM)) {
    const figures = figuresIn(match[0]);
    const result = figures.pop();
    if (!result || figures.length < 2) continue;
    const total = figures.reduce<Decimal | undefined>((sum, figure) => (sum === undefined ? undefined : addDecimals(sum, toDecimal(figure.value))), { units: 0n, scale: 0 });
    const expected = toDecimal(result.value);
    if (total !== undefined && expected !== undefined && sameDecimal(total, expected)) results.push(result);
  }
  return results;
}

interface Decimal {
  units: bigint;
  scale: number;
}

/** Exact decimal arithmetic: floating point would accept 0.1 + 0.2 = 0.30000000000000004 and reject 0.3. */
function toDecimal(value: string): Decimal | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1] ?? '0'}${fraction}`), scale: fraction.length };
}

function addDecimals(a: Decimal, b: Decimal | undefined): Decimal | undefined {
  if (b === undefined) return undefined;
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.units * 10n ** BigInt(scale - a.scale) === b.units * 10n ** BigInt(scale - b.scale);
}
