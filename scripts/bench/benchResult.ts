import type { AddReportResult, AskBenchResult, IngestBenchResult, ScaleBuildResult, VectorBenchResult } from './benchSchemas.js';
import type { BenchArgs } from './benchArgs.js';
import type { ReportsBenchResult } from './reportsBench.js';
import type { StartBenchResult } from './startBench.js';
import type { MachineInfo } from './machine.js';

/** Targets from the benchmark issue; the table marks each measured value against its target. */
export const TARGETS = {
  ingestRatio: 1.5,
  ingestProcessRatio: 2,
  cliStartRatio: 2,
  askP95Ms: 30,
  scaleReports: 100,
  scaleAskP95Ms: 60,
  scaleRssMB: 1024,
} as const;

export interface ScaleStep {
  reports: number;
  build: ScaleBuildResult;
  ask: AskBenchResult;
  vectors: VectorBenchResult;
  add: AddReportResult;
}

/** Everything one `npm run bench` measured: bench-results/bench.json. */
export interface BenchResult {
  machine: MachineInfo;
  /** 1-minute load average at start and end: the machines are shared, a busy one shows here. */
  loadAverage: { start: number; end: number };
  args: Omit<BenchArgs, 'sections'> & { sections: string[] };
  durationMs: number;
  ingest: IngestBenchResult | null;
  start: StartBenchResult | null;
  ask: (AskBenchResult & { indexBuildMs: number }) | null;
  scale: ScaleStep[];
  /** With --reports: each PDF of the folder against bare getText. */
  reports: ReportsBenchResult | null;
}
