import type { ReportSetSummary } from './reportSets.js';
import type { EvalResult } from './evalResult.js';
import type { QaSummary, Rate } from './score.js';

/** The human-readable side of `npm run eval`: the comparison table (stdout) and the failure list (stderr). */

const LABEL_WIDTH = 46;
const CELL_WIDTH = 20;

export function formatRate(r: Rate | null | undefined): string {
  if (!r) return '—';
  if (r.rate === null) return `n/a  0/0`;
  return `${(r.rate * 100).toFixed(1)}%  ${r.hits}/${r.n}`;
}

const ms = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : value < 10 ? value.toFixed(2) : Math.round(value).toString());

const FOOTNOTE_WIDTH = 100;

/** Greedy wrap at spaces; continuation lines get `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

function row(label: string, ours: string, baseline: string): string {
  return `${label.padEnd(LABEL_WIDTH)}${ours.padEnd(CELL_WIDTH)}${baseline}`;
}

function sortedKeys(a: QaSummary | null | undefined, b: QaSummary | null | undefined, pick: (s: QaSummary) => Record<string, Rate>, order: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a ? pick(a) : {}), ...Object.keys(b ? pick(b) : {})]);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
}

const n = (...rates: (Rate | null | undefined)[]): string => {
  const found = rates.find((r) => r);
  return found ? ` (${found.n})` : '';
};

export function formatTable(result: EvalResult, kindOrder: readonly string[], outFile: string): string {
  const o = result.ours;
  const b = result.baseline;
  const oq = o?.qa;
  const bq = b?.qa;
  // With no baseline in this run its column stays empty rather than full of dashes.
  const bRate = (r: Rate | null | undefined): string => (b ? formatRate(r) : '');
  const oRate = (r: Rate | null | undefined): string => (o ? formatRate(r) : '');
  const lines: string[] = [];
  lines.push(row('', o ? 'ours' : '', b ? 'naive baseline*' : ''));
  lines.push('─'.repeat(LABEL_WIDTH + CELL_WIDTH * 2));
  if (oq || bq) {
    lines.push(row(`answers, all questions${n(oq?.all, bq?.all)}`, oRate(oq?.all), bRate(bq?.all)));
    lines.push(row(`  answerable only${n(oq?.answerable, bq?.answerable)}`, oRate(oq?.answerable), bRate(bq?.answerable)));
    lines.push(row(`  answer text + figures${n(oq?.answerableWithFigures)}`, oRate(oq?.answerableWithFigures), b ? '=' : ''));
    lines.push(row(`  strict: first line or figures${n(oq?.answerableStrict)}`, oRate(oq?.answerableStrict), b ? 'n/a' : ''));
    for (const kind of sortedKeys(oq, bq, (s) => s.byKind, kindOrder)) {
      lines.push(row(`  kind ${kind}${n(oq?.byKind[kind], bq?.byKind[kind])}`, oRate(oq?.byKind[kind]), bRate(bq?.byKind[kind])));
    }
    for (const lang of sortedKeys(oq, bq, (s) => s.byLang, ['zh', 'en'])) {
      lines.push(row(`  lang ${lang}${n(oq?.byLang[lang], bq?.byLang[lang])}`, oRate(oq?.byLang[lang]), bRate(bq?.byLang[lang])));
    }
    lines.push(row(`abstention: unanswerable → found:false${n(oq?.abstention, bq?.abstention)}`, oRate(oq?.abstention), bRate(bq?.abstention)));
    lines.push(row(`false abstention: answerable → found:false`, oRate(oq?.falseAbstention), b ? 'never abstains' : ''));
    lines.push(row(`evidence recall@5${n(oq?.recallAt5, bq?.recallAt5)}`, oRate(oq?.recallAt5), bRate(bq?.recallAt5)));
  }
  const om = o?.metrics;
  const bm = b?.metrics;
  if (om || bm) {
    lines.push(row(`metric top-1 value${n(om?.top1, bm?.top1)}`, oRate(om?.top1), bRate(bm?.top1)));
    lines.push(row(`metric top-3 value${n(om?.top3, bm?.top3)}`, oRate(om?.top3), bRate(bm?.top3)));
    lines.push(row(`metric top-1 value + unit`, oRate(om?.top1WithUnit), b ? 'n/a' : ''));
    lines.push(row(`metric top-1 value + qualifier`, oRate(om?.top1WithQualifier), b ? 'n/a' : ''));
  }
  if (o?.tables) {
    lines.push(row(`table rows, cell for cell${n(o.tables.rows)}`, oRate(o.tables.rows), b ? 'n/a' : ''));
    lines.push(row(`table headers${n(o.tables.headers)}`, oRate(o.tables.headers), b ? 'n/a' : ''));
  }
  if (oq || bq) {
    const lat = (s: QaSummary | null | undefined) => (s ? `${ms(s.latencyMs.p50)} / ${ms(s.latencyMs.p95)}` : '—');
    lines.push(row('answer latency p50 / p95 ms', o ? lat(oq) : '', b ? lat(bq) : ''));
  }
  lines.push('');
  if (o) {
    const walls = Object.entries(o.wallMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
    const modes = Object.entries(o.modes).map(([k, v]) => `${k} ${v}`);
    lines.push(`ours: the \`ms\` each answer reports (index loaded). Batch process wall time: ${walls.join(', ') || '—'}. Modes: ${modes.join(', ') || '—'}.`);
    for (const error of o.errors) lines.push(`ours: BROKEN — ${error.split('\n')[0]}`);
  }
  if (b) {
    lines.push(...wrap(`* ${b.description}`, FOOTNOTE_WIDTH, '  '));
    lines.push(`  ${b.chunks} chunks from ${b.pdf}, built in ${(b.buildMs / 1000).toFixed(1)} s.`);
    for (const error of b.errors) lines.push(`baseline: BROKEN — ${error.split('\n')[0]}`);
  }
  lines.push(`gold: ${result.goldDir}   index: ${result.indexDir}   JSON: ${outFile}`);
  return lines.join('\n');
}

/** Our failures, one line each: id, kind/lang, gold and the first 60 characters of our reply. */
export function formatFailures(result: EvalResult, options: { baseline: boolean }): string {
  const lines: string[] = [];
  const wrong = result.questions.filter((q) => q.ours && !q.ours.correct);
  if (wrong.length > 0) {
    lines.push(`ours — ${wrong.length} wrong answers:`);
    for (const q of wrong) lines.push(`  ${q.id} [${q.kind}/${q.lang}] gold ${q.gold === null ? '(none: should abstain)' : JSON.stringify(q.gold)} — ours: ${q.ours?.snippet ?? ''}`);
  }
  const misses = result.questions.filter((q) => q.ours && q.ours.evidence === null).map((q) => q.id);
  if (misses.length > 0) lines.push(`ours — evidence not in top 5 sources: ${misses.join(', ')}`);
  const metricMisses = result.metrics.filter((m) => m.ours && !m.ours.top1);
  if (metricMisses.length > 0) {
    lines.push(`ours — ${metricMisses.length} metric lookups wrong at top-1:`);
    for (const m of metricMisses) lines.push(`  ${m.id} "${m.query}" gold ${m.gold} — top-1: ${m.ours?.snippet ?? ''}${m.ours?.top3 ? ' (right in top 3)' : ''}`);
  }
  for (const t of result.tables) {
    if (!t.found || t.matchedRows < t.goldRows || !t.headerMatch) {
      lines.push(`ours — ${t.id}: ${t.found ? `${t.matchedRows}/${t.goldRows} rows match, ${t.extraRows} other rows, header ${t.headerMatch ? 'ok' : 'differs'}` : 'table not found'}`);
    }
  }
  if (options.baseline) {
    const bw = result.questions.filter((q) => q.baseline && !q.baseline.correct && q.gold !== null).map((q) => q.id);
    if (bw.length > 0) lines.push(`baseline — gold not in top-5 chunks: ${bw.join(', ')}`);
  }
  return lines.join('\n');
}

/**
 * The real-report sets: per set, strict (first line or figures) beside loose (anywhere in the reply)
 * for answerable questions, and unanswerable ones refused; then each set's misses, one line each.
 */
export function formatReportSets(sets: readonly ReportSetSummary[]): string {
  if (sets.length === 0) return '';
  const lines: string[] = ['', 'real reports (one index per report; strict = gold in the first line or a figure):'];
  lines.push(`${'set'.padEnd(46)}${'answerable strict'.padStart(20)}${'loose'.padStart(16)}${'unanswerable refused'.padStart(24)}`);
  for (const set of sets) {
    const label = `${set.name} · ${set.split} (${set.reports} reports)`;
    lines.push(`${label.padEnd(46)}${formatRate(set.answerableStrict).padStart(20)}${formatRate(set.answerableLoose).padStart(16)}${formatRate(set.refused).padStart(24)}`);
    for (const error of set.errors) lines.push(`  BROKEN — ${error}`);
  }
  for (const set of sets) {
    const misses = set.outcomes.filter((o) => !o.strict);
    if (misses.length === 0) continue;
    lines.push('', `${set.name} · ${set.split} — ${misses.length} strict misses:`);
    for (const o of misses) lines.push(`  ${o.id} [${o.kind}]${o.loose ? ' (loose hit)' : ''} — ${o.snippet}`);
  }
  return lines.join('\n');
}
