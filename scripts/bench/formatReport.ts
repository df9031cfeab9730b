import type { AskBenchResult, IngestBenchResult, MemorySnapshot, ProfileEntry } from './benchSchemas.js';
import { TARGETS, type BenchResult, type ScaleStep } from './benchResult.js';
import { alignedTable, markdownTable, type Align } from './formatTable.js';
import { describeMachine } from './machine.js';

/**
 * The bench result as tables: aligned text for the terminal, markdown for the README. Pure: both come
 * from the same sections, so the two never disagree.
 */

interface Section {
  title: string;
  rows: string[][];
  notes: string[];
  align?: Align[];
}

const MB = 1024 ** 2;

function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const ms = (value: number) => (value >= 10_000 ? `${num(value / 1000, 1)} s` : value >= 100 ? `${num(value)} ms` : `${num(value, 1)} ms`);
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const pct = (share: number) => `${num(share * 100, 0)}%`;

function ingestSection(result: BenchResult): Section | null {
  const r = result.ingest;
  if (!r) return null;
  return {
    title: 'Ingest: the bundled report against bare pdf-parse getText() (medians)',
    rows: [
      ['', 'median'],
      ['bare pdf-parse getText()', ms(r.bareGetTextMs)],
      ['full ingest (fresh index, fresh segmenter)', ms(r.ingestMs)],
      [`ratio (target ≤ ${TARGETS.ingestRatio}×)`, `${num(r.ratio, 2)}× ${mark(r.ratio <= TARGETS.ingestRatio)}`],
      ['full ingest, segmenter shared across rounds (texts cached)', `${ms(r.ingestSharedSegmenterMs)} (${num(r.ingestSharedSegmenterMs / r.bareGetTextMs, 2)}×)`],
      ['segmenter dictionary load (once per process, not in the ratio)', ms(r.dictionaryLoadMs)],
    ],
    notes: [`${r.file}, ${r.rounds} rounds alternating, both sides warm (pdf.js started, modules loaded); each timed ingest gets a new segmenter, loaded before its clock starts.`],
  };
}

function startSection(result: BenchResult): Section | null {
  const r = result.start;
  if (!r) return null;
  return {
    title: 'CLI start: whole processes against node importing the same dependencies (medians)',
    rows: [
      ['', 'median', `× node (target ≤ ${TARGETS.cliStartRatio}×)`],
      ['node importing pdf-parse, jieba, hnswlib-node, zod', ms(r.nodeImportsMs), '1.00×'],
      ...r.runs.map((run) => [run.label, ms(run.ms), `${num(run.ratio, 2)}× ${mark(run.ratio <= TARGETS.cliStartRatio)}`]),
    ],
    notes: [`${r.rounds} rounds alternating after one warm-up round; each command loads only the modules it runs.`],
    align: ['left', 'right', 'right'],
  };
}

function ingestStagesSection(r: IngestBenchResult): Section {
  const total = r.stages.reduce((sum, s) => sum + s.ms, 0);
  return {
    title: 'Where ingest time goes (the same ingest stage by stage, medians)',
    rows: [
      ['stage', 'ms', 'share', '× bare getText'],
      ...r.stages.map((s) => [s.stage, num(s.ms, 1), pct(s.ms / total), `${num(s.ms / r.bareGetTextMs, 2)}×`]),
      ['sum of stages', num(total, 1), '100%', `${num(total / r.bareGetTextMs, 2)}×`],
    ],
    notes: [],
    align: ['left', 'right', 'right', 'right'],
  };
}

function passes(a: AskBenchResult): string {
  return a.passes === 0 ? `${a.questions} × 1 (warm-up pass only: over the time budget)` : `${a.questions} × ${a.passes}`;
}

function askSection(result: BenchResult): Section | null {
  const a = result.ask;
  if (!a) return null;
  return {
    title: 'Ask: in-process AnswerService.ask over the dev questions, 1 report (the bundled one, real ingest)',
    rows: [
      ['', 'value'],
      ['questions × measured passes', passes(a)],
      ['p50', ms(a.p50Ms)],
      [`p95 (target ≤ ${TARGETS.askP95Ms} ms)`, `${ms(a.p95Ms)} ${mark(a.p95Ms <= TARGETS.askP95Ms)}`],
      ['max', ms(a.maxMs)],
      ['first pass in a fresh process: p50 / p95', `${ms(a.coldP50Ms)} / ${ms(a.coldP95Ms)}`],
      ['answered right (eval scoring, first pass)', `${a.correct} / ${a.questions}`],
      ['load index + build service', `${ms(a.loadMs)} + ${ms(a.serviceMs)}`],
      ['RSS before load → after load (MB)', `${num(a.beforeLoad.rssMB)} → ${num(a.afterLoad.rssMB)}`],
    ],
    notes: [],
  };
}

const settled = (a: AskBenchResult): MemorySnapshot => a.afterLoadSettled ?? a.afterLoad;
const native = (m: MemorySnapshot) => m.rssMB - m.heapTotalMB - m.externalMB;

function scaleSection(result: BenchResult): Section | null {
  const steps = result.scale;
  if (steps.length === 0) return null;
  const largest = steps.at(-1)!;
  const atTarget = largest.reports >= TARGETS.scaleReports;
  const row = (label: string, cell: (s: ScaleStep) => string, target = ''): string[] => [label, ...steps.map(cell), target];
  const p95Ok = largest.ask.p95Ms <= TARGETS.scaleAskP95Ms;
  const rssOk = Math.max(largest.ask.afterLoad.rssMB, largest.ask.maxRssMB) <= TARGETS.scaleRssMB;
  const rows: string[][] = [
    ['', ...steps.map((s) => `${num(s.reports)} report${s.reports === 1 ? '' : 's'}`), `target at ${TARGETS.scaleReports}`],
    row('chunks / metric entries', (s) => `${num(s.build.chunks)} / ${num(s.build.metrics)}`),
    row('build: analyse PDF once + derive + write all (s)', (s) => num(s.build.buildMs / 1000, 1)),
    row('  index write, all reports (s)', (s) => num(s.build.writeMs / 1000, 1)),
    row('  index write per report, median (ms)', (s) => num(s.build.writePerReportMs.median)),
    row('  projected: N distinct PDFs analysed + written (s)', (s) => num(s.build.projectedDistinctMs / 1000, 1)),
    row('add 1 report to the index, median (ms)', (s) => num(s.add.intoIndexMs)),
    row('  same ingest into an empty index (ms)', (s) => num(s.add.intoEmptyMs)),
    row('index on disk, du (MB)', (s) => num(s.build.disk.bytes / MB, 1)),
    row('  of which source PDFs (MB)', (s) => num((s.build.disk.byName['source.pdf'] ?? 0) / MB, 1)),
    row('load index + build service (ms)', (s) => `${num(s.ask.loadMs)} + ${num(s.ask.serviceMs)}`),
    row('RSS after load (MB)', (s) => num(s.ask.afterLoad.rssMB), `≤ ${num(TARGETS.scaleRssMB)}${atTarget ? ` ${mark(rssOk)}` : ''}`),
    row('  before load: modules + dictionary (MB)', (s) => num(s.ask.beforeLoad.rssMB)),
    row('  V8 heap used, after GC (MB)', (s) => num(settled(s.ask).heapUsedMB)),
    row('  buffers + typed arrays (external, MB)', (s) => num(settled(s.ask).externalMB)),
    row('  native: RSS − V8 heap − external (MB)', (s) => num(native(settled(s.ask)))),
    row('peak RSS, load + asks (MB)', (s) => num(s.ask.maxRssMB)),
    row('questions × measured passes', (s) => (s.ask.passes === 0 ? `${s.ask.questions} × 1 cold*` : `${s.ask.questions} × ${s.ask.passes}`)),
    row('ask p50 (ms)', (s) => num(s.ask.p50Ms, 1)),
    row('ask p95 (ms)', (s) => num(s.ask.p95Ms, 1), `≤ ${TARGETS.scaleAskP95Ms}${atTarget ? ` ${mark(p95Ok)}` : ''}`),
    row('ask max (ms)', (s) => num(s.ask.maxMs, 1)),
    row('answered right (of the dev questions)', (s) => `${s.ask.correct} / ${s.ask.questions}`),
    row('vectors searched (all reports)', (s) => num(s.vectors.rows)),
    row('hnsw recall@10, tie-aware / strict', (s) => `${num(s.vectors.graph.recall, 3)} / ${num(s.vectors.graph.strictRecall, 3)}`),
    row('hnsw ms/query, median (p95)', (s) => `${num(s.vectors.graph.medianMs, 2)} (${num(s.vectors.graph.p95Ms, 2)})`),
    row('exact scan ms/query, median (p95)', (s) => `${num(s.vectors.exact.medianMs, 2)} (${num(s.vectors.exact.p95Ms, 2)})`),
    row('per-report search as retriever does, ms/query', (s) => `${num(s.vectors.perReport.medianMs, 2)} (${num(s.vectors.perReport.p95Ms, 2)})`),
    row('hnsw graph build over all vectors (s)', (s) => num(s.vectors.graphBuildMs / 1000, 1)),
  ];
  const notes = [
    `Reports: the bundled PDF analysed once; the other N−1 are copies under other ids and years (${result.args.copies === 'figures' ? 'every figure rewritten per copy' : 'identical text'}), each written through commitGeneration/writeReportFiles like an ingest. "build" times exactly that; "projected" adds one analyse per extra report; "add 1 report" is the real ingestReports of the PDF into the N-report index.`,
    'Ask: AnswerService.ask `ms` over the dev questions in a fresh process after one warm-up pass; memory from process.memoryUsage() in that process.',
    `Vectors: ${largest.vectors.queries} dev questions and metric queries embedded with the index's embedder; hnsw = one VectorIndex over all reports' vectors (m 16, efConstruction 200, efSearch 128, graph forced); exact = searchExact over the same rows; tie-aware recall credits rows scoring as high as the exact 10th.`,
  ];
  if (steps.some((s) => s.ask.passes === 0)) notes.push('* Over the ask time budget: the warm-up pass (first ask of each question) is the measurement.');
  const smallest = steps[0];
  if (smallest && smallest !== largest) {
    const newlyWrong = largest.ask.wrong.filter((id) => !smallest.ask.wrong.includes(id));
    if (newlyWrong.length > 0) notes.push(`Answered right at ${smallest.reports} but wrong at ${largest.reports} reports: ${newlyWrong.join(', ')}.`);
  }
  return { title: `Scale: ${steps.map((s) => s.reports).join(', ')} reports`, rows, notes };
}

function slowestSection(step: ScaleStep): Section {
  return {
    title: `Slowest questions at ${step.reports} reports (median ms)`,
    rows: [['id', 'kind', 'ms', 'question'], ...step.ask.slowest.map((q) => [q.id, q.kind, num(q.medianMs, 1), q.question.length > 40 ? `${q.question.slice(0, 40)}…` : q.question])],
    notes: [],
    align: ['left', 'left', 'right', 'left'],
  };
}

function profileSection(profile: ProfileEntry[], title: string): Section {
  return {
    title,
    rows: [['function', 'ms', 'share'], ...profile.slice(0, 10).map((p) => [p.fn, num(p.ms), pct(p.share)])],
    notes: [],
    align: ['left', 'right', 'right'],
  };
}

function reportsSection(result: BenchResult): Section | null {
  const r = result.reports;
  if (!r) return null;
  return {
    title: `Ingest of each report in ${r.folder} against bare getText()`,
    rows: [
      ['report', 'bare getText', 'ingest', `in process (≤ ${TARGETS.ingestRatio}×)`, 'bare process', 'cli ingest', `process (≤ ${TARGETS.ingestProcessRatio}×)`],
      ...r.reports.map((t) => [
        t.file.length > 48 ? `${t.file.slice(0, 47)}…` : t.file,
        ms(t.inProcess.bareMs),
        ms(t.inProcess.ingestMs),
        `${num(t.inProcess.ratio, 2)}× ${mark(t.inProcess.ratio <= TARGETS.ingestRatio)}`,
        ms(t.process.bareMs),
        ms(t.process.ingestMs),
        `${num(t.process.ratio, 2)}× ${mark(t.process.ratio <= TARGETS.ingestProcessRatio)}`,
      ]),
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    notes: [`Medians of ${r.rounds} rounds. In process: warm, fresh index and segmenter per round (as the ingest section). Process: compiled cli ingest into a fresh index against node running a bare pdf-parse getText(), alternating.`],
  };
}

const askProfileTitle = (label: string) => `Where ask time goes at ${label} (CPU profile of the warm-up pass, inclusive, project functions)`;

function sections(result: BenchResult): Section[] {
  const out: Section[] = [];
  const push = (s: Section | null) => {
    if (s) out.push(s);
  };
  push(ingestSection(result));
  if (result.ingest) push(ingestStagesSection(result.ingest));
  push(reportsSection(result));
  push(startSection(result));
  push(askSection(result));
  if (result.ask) push(profileSection(result.ask.profile, askProfileTitle('1 report')));
  push(scaleSection(result));
  const largest = result.scale.at(-1);
  if (largest) {
    push(slowestSection(largest));
    push(profileSection(largest.ask.profile, askProfileTitle(`${largest.reports} reports`)));
  }
  return out;
}

function machineLine(result: BenchResult): string {
  const { machine, loadAverage } = result;
  return `${describeMachine(machine)}; ${machine.date.slice(0, 10)}; load average ${num(loadAverage.start, 1)} → ${num(loadAverage.end, 1)}; whole run ${num(result.durationMs / 1000)} s`;
}

export function formatText(result: BenchResult): string {
  const parts = [`benchmark — ${machineLine(result)}`];
  for (const s of sections(result)) {
    parts.push('', s.title, alignedTable(s.rows, s.align));
    for (const n of s.notes) parts.push(`  ${n}`);
  }
  return `${parts.join('\n')}\n`;
}

export function formatMarkdown(result: BenchResult): string {
  const parts = [`Machine: ${machineLine(result)}.`];
  for (const s of sections(result)) {
    parts.push('', `**${s.title}**`, '', markdownTable(s.rows, s.align));
    if (s.notes.length > 0) parts.push('', ...s.notes.map((n) => `${n}`));
  }
  return `${parts.join('\n')}\n`;
}
