import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { MetricMatch, RegistryEntry } from '../../answer/metricMatcher.js';
import { printedFigure } from '../../answer/printedFigure.js';
import type { MetricEntry } from '../../store/shapes.js';
import { EMBED_FIELD_VALUE_LIMIT, EMBED_TITLE_LIMIT } from '../discordLimits.js';
import { COLOR_FOUND, COLOR_NOT_FOUND } from './answerMessage.js';
import { boldFigures, escapeMarkdown, truncate } from './markdown.js';

/** The figure as the report prints it, with the value in bold: "超**91**%", "**95**%以上". */
export function boldPrinted(entry: Pick<MetricEntry, 'value' | 'unit' | 'qualifier'>): string {
  return boldFigures(escapeMarkdown(printedFigure(entry)), [entry.value]);
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name, value: truncate(value || '—', EMBED_FIELD_VALUE_LIMIT), inline };
}

/**
 * /metric: the value exactly as printed, its unit and qualifier, every year that has the metric,
 * the source sentence, and a few close names in case the lookup picked the wrong one.
 */
export function formatMetric(best: MetricMatch, years: RegistryEntry[], others: RegistryEntry[]): APIEmbed {
  const { entry, report } = best;
  const yearLines = [...years]
    .sort((a, b) => b.report.year - a.report.year)
    .map((m) => `${m.report.year} 年：${boldPrinted(m.entry)} — ${escapeMarkdown(m.entry.section.id)} · 第 ${m.entry.page} 页`);
  const fields = [
    field('数值', `**${entry.value}**`, true),
    field('单位', escapeMarkdown(entry.unit), true),
    field('限定词', escapeMarkdown(entry.qualifier), true),
    field('各年度', yearLines.join('\n')),
    field('出处', `${escapeMarkdown(entry.section.id)} · 第 ${entry.page} 页（${escapeMarkdown(report.id)}，${report.year}）\n> ${escapeMarkdown(entry.evidence.trim().replace(/\s*\n\s*/gu, ' '))}`),
  ];
  if (others.length > 0) {
    fields.push(field('相近指标', others.map((m) => `${escapeMarkdown(m.entry.name)}：${boldPrinted(m.entry)}（${m.report.year}）`).join('\n')));
  }
  return {
    title: truncate(escapeMarkdown(entry.name), EMBED_TITLE_LIMIT),
    description: `${report.year} 年报告原文：${boldPrinted(entry)}`,
    color: COLOR_FOUND,
    fields,
    footer: { text: `指标库 · ${years.length} 个年度有此指标` },
  };
}

/** Nothing sure for the query: say so, and list the closest metrics (if any) so the reader can pick one. */
export function formatMetricNotFound(query: string, closest: readonly RegistryEntry[] = []): APIEmbed {
  const embed: APIEmbed = {
    title: truncate(escapeMarkdown(query), EMBED_TITLE_LIMIT),
    description: '指标库中没有找到这个指标。可以换个说法，或用 /ask 直接提问。',
    color: COLOR_NOT_FOUND,
  };
  if (closest.length > 0) {
    embed.fields = [field('最接近的指标', closest.map((m) => `${escapeMarkdown(m.entry.name)}：${boldPrinted(m.entry)}（${m.report.year}）`).join('\n'))];
  }
  return embed;
}
