import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs } from '../../../scripts/bench/benchArgs.js';

describe('parseBenchArgs', () => {
  it('runs every section at 1, 10 and 100 reports by default', () => {
    const args = parseBenchArgs([]);
    expect(args.sections).toEqual(['ingest', 'start', 'ask', 'scale']);
    expect(args.scales).toEqual([1, 10, 100]);
    expect(args.ingestRounds).toBe(5);
    expect(args.askRounds).toBe(3);
    expect(args.file).toBe('data/reports/hnhgzy-2024-quality-report.pdf');
    expect(args.copies).toBe('figures');
    expect(args.askBudgetMs).toBe(120_000);
    expect(args.out).toBe('bench-results');
    expect(args.reports).toBeNull();
  });

  it('takes a folder of reports to time one by one with --reports', () => {
    expect(parseBenchArgs(['--only', 'ingest', '--reports', '../shared/reports/real']).reports).toBe('../shared/reports/real');
  });

  it('selects sections with --only, comma-separated or repeated, in run order', () => {
    expect(parseBenchArgs(['--only', 'scale,ingest']).sections).toEqual(['ingest', 'scale']);
    expect(parseBenchArgs(['--only', 'ask', '--only', 'ingest']).sections).toEqual(['ingest', 'ask']);
  });

  it('sorts and deduplicates --scale', () => {
    expect(parseBenchArgs(['--scale', '100, 1,10,1']).scales).toEqual([1, 10, 100]);
  });

  it('applies --rounds to ingest and ask alike', () => {
    const args = parseBenchArgs(['--rounds', '2']);
    expect(args.ingestRounds).toBe(2);
    expect(args.askRounds).toBe(2);
  });

  it('takes the report file as the one positional argument', () => {
    expect(parseBenchArgs(['other.pdf', '--rounds', '1']).file).toBe('other.pdf');
  });

  it('reads --ask-budget in seconds', () => {
    expect(parseBenchArgs(['--ask-budget', '30']).askBudgetMs).toBe(30_000);
  });

  it('names the flag when a value is wrong', () => {
    expect(() => parseBenchArgs(['--only', 'speed'])).toThrow(/--only/);
    expect(() => parseBenchArgs(['--scale', '0'])).toThrow(/--scale/);
    expect(() => parseBenchArgs(['--rounds', 'two'])).toThrow(/--rounds/);
    expect(() => parseBenchArgs(['--copies', 'some'])).toThrow(/--copies/);
  });

  it('refuses an unknown flag with a usage error', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
  });
});
