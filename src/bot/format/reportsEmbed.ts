import type { APIEmbed } from 'discord.js';
import type { ReportMeta } from '../../store/shapes.js';
import { EMBED_FIELDS_MAX, EMBED_FIELD_NAME_LIMIT } from '../discordLimits.js';
import { COLOR_FOUND, COLOR_NOT_FOUND } from './answerMessage.js';
import { escapeMarkdown, truncate } from './markdown.js';

/** /reports: one field per ingested report (newest year first). */
export function formatReports(reports: readonly ReportMeta[]): APIEmbed {
  if (reports.length === 0) return { title: '已导入的报告', description: '还没有导入任何报告。', color: COLOR_NOT_FOUND };
  const sorted = [...reports].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  const shown = sorted.slice(0, EMBED_FIELDS_MAX);
  return {
    title: '已导入的报告',
    description: `共 ${reports.length} 份${reports.length > shown.length ? `（显示前 ${shown.length} 份）` : ''}。`,
    color: COLOR_FOUND,
    fields: shown.map((r) => {
      const unix = Math.floor(Date.parse(r.ingestedAt) / 1000);
      const when = Number.isFinite(unix) ? `<t:${unix}:f>（${r.ingestedAt}）` : escapeMarkdown(r.ingestedAt);
      return {
        name: truncate(`${r.year} · ${escapeMarkdown(r.title || r.id)}`, EMBED_FIELD_NAME_LIMIT),
        value: [
          `ID：\`${r.id}\``,
          `年度：${r.year} · 页数：${r.pages}`,
          `表格：${r.counts.tables} · 指标：${r.counts.metrics} · 段落：${r.counts.chunks}`,
          `导入时间：${when}`,
        ].join('\n'),
      };
    }),
  };
}
