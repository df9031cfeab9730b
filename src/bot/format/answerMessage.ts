import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { AskResult, SourceRef } from '../../answer/types.js';
import {
  EMBED_DESCRIPTION_LIMIT,
  EMBED_FIELD_NAME_LIMIT,
  EMBED_FIELD_VALUE_LIMIT,
  EMBED_TITLE_LIMIT,
  EMBED_TOTAL_LIMIT,
  MESSAGE_CONTENT_LIMIT,
} from '../discordLimits.js';
import { boldFigures, escapeMarkdown, splitMessage, truncate } from './markdown.js';

/** Answers at most this long go in the embed; longer ones are sent as messages split at 2000. */
export const ANSWER_IN_EMBED_LIMIT = MESSAGE_CONTENT_LIMIT;
export const SOURCES_IN_EMBED = 5;
/** Below the hard limits, so a message never lands exactly on one. */
const EMBED_BUDGET = EMBED_TOTAL_LIMIT - 100;

export const COLOR_FOUND = 0x2e7d32;
export const COLOR_NOT_FOUND = 0x9e9e9e;
export const COLOR_ERROR = 0xc62828;

export interface FormattedAnswer {
  /** The answer as messages of its own, when it is too long for the embed; else empty. */
  parts: string[];
  embed: APIEmbed;
}

export interface AnswerFormatOptions {
  /** Several reports are ingested: sources name their year. */
  showYear: boolean;
}

/** The answer text with report markdown escaped and every figure in bold. */
export function answerBody(result: Pick<AskResult, 'answer' | 'figures'>): string {
  return boldFigures(escapeMarkdown(result.answer), result.figures.map((f) => f.value));
}

export function sourceLabel(source: Pick<SourceRef, 'section' | 'page' | 'year'>, showYear: boolean): string {
  return `${source.section} · 第 ${source.page} 页${showYear ? ` · ${source.year}` : ''}`;
}

function figuresField(result: AskResult): APIEmbedField | null {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of result.figures) {
    const line = `**${f.value}**${escapeMarkdown(f.unit)} — ${escapeMarkdown(f.section)} · 第 ${f.page} 页`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  if (lines.length === 0) return null;
  let value = '';
  for (const [i, line] of lines.entries()) {
    const more = `\n…（另有 ${lines.length - i} 项）`;
    if ((value ? value.length + 1 : 0) + line.length + more.length > EMBED_FIELD_VALUE_LIMIT) {
      value += more;
      break;
    }
    value = value ? `${value}\n${line}` : line;
  }
  return { name: '数字与出处', value };
}

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Passage text for a field: escaped, one paragraph, trimmed to `limit`. */
export function passageText(text: string, limit: number): string {
  const flat = text.replace(/\s*\n\s*/gu, ' / ').trim();
  return truncate(escapeMarkdown(flat), Math.max(1, limit)) || '—';
}

/**
 * The answer embed: the answer with figures in bold, each figure's section and page, and up to five
 * sources as "section · page N" fields whose text is trimmed so the whole embed stays within
 * Discord's 6000-character and 1024-per-field limits.
 */
export function formatAnswer(result: AskResult, options: AnswerFormatOptions): FormattedAnswer {
  const body = answerBody(result);
  const parts = body.length > ANSWER_IN_EMBED_LIMIT ? splitMessage(body) : [];
  const description = parts.length > 0 ? `回答较长，已分 ${parts.length} 条消息发出（见上方）。` : truncate(body || '—', EMBED_DESCRIPTION_LIMIT);
  const footer = `${result.mode === 'llm' ? '模型回答 · 数字已与原文核对' : '原文摘录'} · ${Math.round(result.ms)} ms`;
  const embed: APIEmbed = {
    title: truncate(`问：${escapeMarkdown(result.question.trim())}`, EMBED_TITLE_LIMIT),
    description,
    color: result.found ? COLOR_FOUND : COLOR_NOT_FOUND,
    fields: [],
    footer: { text: footer },
  };
  const figures = figuresField(result);
  if (figures) embed.fields?.push(figures);

  const sources = result.sources.slice(0, SOURCES_IN_EMBED);
  const names = sources.map((s, i) => truncate(`${i + 1}. ${sourceLabel(s, options.showYear)}`, EMBED_FIELD_NAME_LIMIT));
  const fixed = embedLength(embed) + names.reduce((sum, n) => sum + n.length, 0);
  const perSource = sources.length > 0 ? Math.min(EMBED_FIELD_VALUE_LIMIT, Math.floor((EMBED_BUDGET - fixed) / sources.length)) : 0;
  sources.forEach((s, i) => embed.fields?.push({ name: names[i] ?? '', value: passageText(s.text, perSource) }));
  return { parts, embed };
}

/**
 * Every source in full for "更多来源", as messages of at most 2000 characters: a heading line per
 * source, then its passage as a quote.
 */
export function formatAllSources(result: AskResult, options: AnswerFormatOptions): string[] {
  if (result.sources.length === 0) return ['这个回答没有来源。'];
  const blocks = result.sources.map((s, i) => {
    const quote = escapeMarkdown(s.text.trim())
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    return `**${i + 1}. ${escapeMarkdown(sourceLabel(s, options.showYear))}**（${escapeMarkdown(s.report)}）\n${quote}`;
  });
  return splitMessage(blocks.join('\n\n'));
}
