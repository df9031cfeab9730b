import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { MetricMatch, RegistryEntry } from '../../answer/metricMatcher.js';
import { REPLY_LABELS, type ReplyLabels } from '../../answer/phrase/replyLabels.js';
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
export function formatMetric(best: MetricMatch, years: RegistryEntry[], others: RegistryEntry[], labels: ReplyLabels = REPLY_LABELS.zh): APIEmbed {
  const { entry, report } = best;
  const yearLines = [...years]
    .sort((a, b) => b.report.year - a.report.year)
    .map((m) => labels.metricYear(m.report.year, boldPrinted(m.entry), `${escapeMarkdown(m.entry.section.id)} · ${labels.page(m.entry.page)}`));
  const fields = [
    field(labels.metricValue, `**${entry.value}**`, true),
    field(labels.metricUnit, escapeMarkdown(entry.unit), true),
    field(labels.metricQualifier, escapeMarkdown(entry.qualifier), true),
    field(labels.metricYears, yearLines.join('\n')),
    field(
      labels.metricSource,
      `${labels.metricWhere(`${escapeMarkdown(entry.section.id)} · ${labels.page(entry.page)}`, escapeMarkdown(report.id), report.year)}\n> ${escapeMarkdown(entry.evidence.trim().replace(/\s*\n\s*/gu, ' '))}`,
    ),
  ];
  if (others.length > 0) {
    fields.push(field(labels.metricOthers, closeLines(others, labels)));
  }
  return {
    title: truncate(escapeMarkdown(entry.name), EMBED_TITLE_LIMIT),
    description: labels.metricPrinted(report.year, boldPrinted(entry)),
    color: COLOR_FOUND,
    fields,
    footer: { text: labels.metricFooter(years.length) },
  };
}

function closeLines(metrics: readonly RegistryEntry[], labels: ReplyLabels): string {
  return metrics.map((m) => labels.metricClose(escapeMarkdown(m.entry.name), boldPrinted(m.entry), m.report.year)).join('\n');
}

/** Nothing sure for the query: say so, and list the closest metrics (if any) so the reader can pick one. */
export function formatMetricNotFound(query: string, closest: readonly RegistryEntry[] = [], labels: ReplyLabels = REPLY_LABELS.zh): APIEmbed {
  const embed: APIEmbed = {
    title: truncate(escapeMarkdown(query), EMBED_TITLE_LIMIT),
    description: labels.metricNotFound,
    color: COLOR_NOT_FOUND,
  };
  if (closest.length > 0) {
    embed.fields = [field(labels.metricClosest, closeLines(closest, labels))];
  }
  return embed;
}
