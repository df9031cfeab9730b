import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { AnswerService } from '../answer/answerService.js';
import type { RegistryEntry } from '../answer/metricMatcher.js';
import { printedFigure } from '../answer/printedFigure.js';
import type { TableRef } from '../answer/tableAnswerer.js';
import { compact } from '../text/normalize.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_LIMIT, CHOICE_VALUE_LIMIT } from './discordLimits.js';
import { truncate } from './format/markdown.js';

/**
 * Autocomplete lists and the lookups behind them, for /metric and /table. Pure functions of the live
 * answer service, cheap enough to run on every keystroke (Discord allows 3 s; these take
 * milliseconds).
 */

type Choice = ApplicationCommandOptionChoiceData<string>;

const plain = (text: string) => text.replace(/…/gu, '');

/** Metric names for what has been typed: names containing it first, then the registry's own ranking. */
export function metricChoices(service: AnswerService, typed: string): Choice[] {
  const query = compact(typed);
  const seen = new Set<string>();
  const choices: Choice[] = [];
  const add = ({ entry, report }: RegistryEntry) => {
    const key = compact(entry.name);
    if (seen.has(key) || choices.length >= AUTOCOMPLETE_CHOICES_MAX) return;
    seen.add(key);
    choices.push({
      name: truncate(`${plain(entry.name)}：${printedFigure(entry)}（${report.year}）`, CHOICE_NAME_LIMIT),
      value: plain(entry.name).slice(0, CHOICE_VALUE_LIMIT),
    });
  };
  for (const r of service.index.reports) {
    for (const entry of r.metrics) {
      if (query === '' || compact(entry.name).includes(query)) add({ entry, report: r.meta });
    }
  }
  if (query !== '') for (const match of service.lookupMetric(typed, AUTOCOMPLETE_CHOICES_MAX * 2)) add(match);
  return choices;
}

/** The same metric (name and unit) in every report that has it, newest year first. */
export function metricAcrossYears(service: AnswerService, best: RegistryEntry): RegistryEntry[] {
  const name = compact(best.entry.name);
  const out: RegistryEntry[] = [];
  for (const r of service.index.reports) {
    const entry = r.meta.id === best.report.id ? best.entry : r.metrics.find((e) => compact(e.name) === name && e.unit === best.entry.unit);
    if (entry) out.push({ entry, report: r.meta });
  }
  return out.sort((a, b) => b.report.year - a.report.year);
}

const TABLE_VALUE_SEPARATOR = '|';

function tableValue(ref: TableRef): string {
  const full = `${ref.table.id}${TABLE_VALUE_SEPARATOR}${ref.report.id}`;
  return full.length <= CHOICE_VALUE_LIMIT ? full : ref.table.id.slice(0, CHOICE_VALUE_LIMIT);
}

/** "表6-1", "6-1", "表 6-1" all name the same table. */
const tableKey = (text: string) => compact(text).replace(/^表/u, '');

/** Tables whose id or caption contains what has been typed, ids matching from the start first. */
export function tableChoices(service: AnswerService, typed: string): Choice[] {
  const query = tableKey(typed);
  const showYear = service.index.reports.length > 1;
  const scored = service.tables
    .map((ref, order) => {
      const id = tableKey(ref.table.id);
      const rank = query === '' ? 1 : id.startsWith(query) ? 0 : id.includes(query) || compact(ref.table.title).includes(compact(typed)) ? 1 : 2;
      return { ref, rank, order };
    })
    .filter((s) => s.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  return scored.slice(0, AUTOCOMPLETE_CHOICES_MAX).map(({ ref }) => ({
    name: truncate(`${ref.table.id} ${ref.table.title}${showYear ? `（${ref.report.year}）` : ''}`, CHOICE_NAME_LIMIT),
    value: tableValue(ref),
  }));
}

/** The table an option value names: a chosen "id|report", else a typed id or caption (newest report first). */
export function findTable(service: AnswerService, value: string): TableRef | null {
  const at = value.lastIndexOf(TABLE_VALUE_SEPARATOR);
  if (at > 0) {
    const id = value.slice(0, at);
    const report = value.slice(at + 1);
    const exact = service.tables.find((t) => t.table.id === id && t.report.id === report);
    if (exact) return exact;
  }
  const key = tableKey(at > 0 ? value.slice(0, at) : value);
  if (key === '') return null;
  return (
    service.tables.find((t) => tableKey(t.table.id) === key) ??
    service.tables.find((t) => compact(t.table.title) === compact(value)) ??
    service.tables.find((t) => compact(t.table.title).includes(compact(value))) ??
    null
  );
}
