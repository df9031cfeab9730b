import { startsChangeSpan } from '../../src/text/changeSpan.js';
import type { Block, BlockKind, Line, MetricEntry } from '../../src/store/shapes.js';
import { findFigures, type FoundFigure } from '../../src/text/findFigures.js';
import { metricName, nameAfter, nameBefore, splitBetween, totalWord } from './metricName.js';
import { pageLocator } from './pageLocator.js';
import { splitClauses, splitSentences } from '../../src/text/splitSentences.js';

/**
 * The figure registry: every printed figure that has words naming it, with the words, the figure
 * and its hedges exactly as printed, and where it stands. Rules over the text only — semicolon
 * metric lists and prose are read the same way, one clause at a time, so a list item and a headline
 * sentence ("2031 年签约率超 87%") need no separate grammar.
 *
 * Names keep the report's wording, including leading subjects such as "学校", "当年", "累计" that
 * belong to how the report states the metric; only dates, connectives and copulas at the edges go
 * (see metricName.ts). When the counted thing follows the figure the name reads
 * "投入…建设了云端实训平台", "…" standing where the figure was printed.
 *
 * Pass the document's lines to get the page each figure is printed on; without them a figure gets
 * its block's first page.
 */

/** Prose and lists. Tables have their own stage; captions and headings name things but state no figures. */
const READ_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['paragraph', 'metric_list', 'case']);
/** Shorter than this a name ("有", "省") matches every query and helps nobody find a figure. */
const MIN_NAME_CHARS = 2;
/** Words opening a clause that lists the parts of the figure before it. */
const BREAKDOWN = /^\s*(其中|包括)/u;

interface NamedFigure {
  figure: FoundFigure;
  name: string;
}

/** What earlier clauses of the same sentence lend to a clause that does not name its own figure. */
interface SentenceContext {
  /** Name of the last figure before this clause in the full-stop sentence: what "其中…" breaks down. */
  parent: string;
  /** Words before the last figure of the ；-item, for "46 人，共 1385 天". */
  lastBefore: string;
}

/** "累计达 30 天的教师数 289 人": a figure describing the next figure's noun is part of that name. */
function dropAttributes(text: string, figures: FoundFigure[]): FoundFigure[] {
  return figures.filter((figure, i) => {
    const next = figures[i + 1];
    if (!next) return true;
    const gap = text.slice(figure.end, next.start).trim();
    return !(gap.startsWith('的') && !/[、和及]/u.test(gap));
  });
}

/** Words that open a change span (see startsChangeSpan). */
const SPAN_WORD = /\bfrom\b|[从由]/iu;

function nameClauseFigures(clause: string, found: FoundFigure[], context: SentenceContext): NamedFigure[] {
  const figures = dropAttributes(clause, found);
  const breakdownWord = context.parent !== '' ? BREAKDOWN.exec(clause)?.[1] : undefined;
  const breakdown = breakdownWord !== undefined;
  const named: NamedFigure[] = [];

  figures.forEach((figure, i) => {
    const previous = figures[i - 1];
    const next = figures[i + 1];
    const gapBefore = clause.slice(previous?.end ?? 0, figure.start);
    const gapAfter = clause.slice(figure.end, next?.start ?? clause.length);
    const rawBefore = previous ? splitBetween(gapBefore).before : gapBefore;
    let before = nameBefore(rawBefore);
    const after = nameAfter(next ? splitBetween(gapAfter).after : gapAfter);

    // Borrow the previous figure's words only when this one names nothing itself: inside one clause
    // ("1 个国家级、2 个省级…") or when nothing follows ("，共 1385 天"). "，3 个省级教学团队赴新加坡"
    // has its own subject.
    if (!before && !breakdown && context.lastBefore !== '' && (i > 0 || after === '')) {
      // "…教材 1 本，共计 15 本": a total must not read as another count of the same thing.
      const total = totalWord(rawBefore);
      before = total ? `${context.lastBefore}…${total}` : context.lastBefore;
    } else {
      context.lastBefore = before;
    }

    const own = metricName(before, after);
    if (breakdown) named.push({ figure, name: own ? `${context.parent}…${breakdownWord}${own}` : context.parent });
    else if (own.length >= MIN_NAME_CHARS) named.push({ figure, name: own });
  });

  const last = named.at(-1);
  if (!breakdown && last) context.parent = last.name;
  return named;
}

function readBlock(block: Block, lines: readonly Line[] | undefined, add: (entry: MetricEntry) => void): void {
  const pageAt = pageLocator(block, lines);
  let period = -1;
  let context: SentenceContext = { parent: '', lastBefore: '' };

  for (const sentence of splitSentences(block.text)) {
    if (sentence.period !== period) {
      period = sentence.period;
      context = { parent: '', lastBefore: '' };
    } else {
      context.lastBefore = '';
    }
    for (const clause of splitClauses(block.text, sentence)) {
      const found = findFigures(clause.text);
      // (A span's start, "from 18 cents to 21 cents", is where the quantity was before: no figure of the period.)
      const spans = SPAN_WORD.test(clause.text);
      for (const { figure, name } of nameClauseFigures(clause.text, found, context)) {
        if (spans && startsChangeSpan(clause.text, figure, found)) continue;
        add({
          name,
          value: figure.value,
          unit: figure.unit,
          qualifier: figure.qualifier,
          ...(figure.currency ? { currency: figure.currency } : {}),
          section: block.section,
          page: pageAt(clause.start + figure.valueStart),
          evidence: sentence.text,
        });
      }
    }
  }
}

export function extractMetrics(blocks: readonly Block[], lines?: readonly Line[]): MetricEntry[] {
  const entries: MetricEntry[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    if (!READ_KINDS.has(block.kind)) continue;
    readBlock(block, lines, (entry) => {
      // The same statement repeated (前言 and its chapter) is one registry entry: the first, usually the headline.
      const key = `${entry.name}\u0000${entry.value}\u0000${entry.unit}`;
      if (seen.has(key)) return;
      seen.add(key);
      entries.push(entry);
    });
  }
  return entries;
}
