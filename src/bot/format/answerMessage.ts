import type { APIEmbed, APIEmbedField } from 'discord.js';
import { replyLabelsFor, type ReplyLabels } from '../../answer/phrase/replyLabels.js';
import { printedFigure } from '../../answer/printedFigure.js';
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
  /** The words around the answer; by default in the language of the question. */
  labels?: ReplyLabels;
}

/** The answer text with report markdown escaped and every figure in bold. */
export function answerBody(result: Pick<AskResult, 'answer' | 'figures'>): string {
  return boldFigures(escapeMarkdown(result.answer), result.figures.map((f) => f.value));
}

export function sourceLabel(source: Pick<SourceRef, 'section' | 'page' | 'year'>, showYear: boolean, labels: ReplyLabels): string {
  return `${source.section} · ${labels.page(source.page)}${showYear ? ` · ${source.year}` : ''}`;
}

function figuresField(result: AskResult, labels: ReplyLabels): APIEmbedField | null {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of result.figures) {
    // (As printed, qualifier and all: "**20**余项", "超**91**%".)
    const [before = '', after = ''] = printedFigure({ value: '\u0000', unit: f.unit, qualifier: f.qualifier ?? '' }).split('\u0000');
    const printed = `${escapeMarkdown(before)}**${f.value}**${escapeMarkdown(after)}`;
    const line = `${printed} — ${escapeMarkdown(f.section)} · ${labels.page(f.page)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  if (lines.length === 0) return null;
  let value = '';
  for (const [i, line] of lines.entries()) {
    const more = `\n${labels.moreItems(lines.length - i)}`;
    if ((value ? value.length + 1 : 0) + line.length + more.length > EMBED_FIELD_VALUE_LIMIT) {
      value += more;
      break;
    }
    value = value ? `${value}\n${line}` : line;
  }
  return { name: labels.figuresAndSources, value };
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
  const labels = options.labels ?? replyLabelsFor(result.question);
  const body = answerBody(result);
  const parts = body.length > ANSWER_IN_EMBED_LIMIT ? splitMessage(body) : [];
  const description = parts.length > 0 ? labels.answerSplit(parts.length) : truncate(body || '—', EMBED_DESCRIPTION_LIMIT);
  const footer = labels.footer(result.mode, result.ms);
  const embed: APIEmbed = {
    title: truncate(labels.question(escapeMarkdown(result.question.trim())), EMBED_TITLE_LIMIT),
    description,
    color: result.found ? COLOR_FOUND : COLOR_NOT_FOUND,
    fields: [],
    footer: { text: footer },
  };
  const figures = figuresField(result, labels);
  if (figures) embed.fields?.push(figures);

  const sources = result.sources.slice(0, SOURCES_IN_EMBED);
  const names = sources.map((s, i) => truncate(`${i + 1}. ${sourceLabel(s, options.showYear, labels)}`, EMBED_FIELD_NAME_LIMIT));
  const fixed = embedLength(embed) + names.reduce((sum, n) => sum + n.length, 0);
  const perSource = sources.length > 0 ? Math.min(EMBED_FIELD_VALUE_LIMIT, Math.floor((EMBED_BUDGET - fixed) / sources.length)) : 0;
  sources.forEach((s, i) => embed.fields?.push({ name: names[i] ?? '', value: passageText(s.text, perSource) }));
  return { parts, embed };
}

/**
 * Every source in full for "更多来源" ("All sources"), as messages of at most 2000 characters: a heading line per
 * source, then its passage as a quote.
 */
export function formatAllSources(result: AskResult, options: AnswerFormatOptions): string[] {
  const labels = options.labels ?? replyLabelsFor(result.question);
  if (result.sources.length === 0) return [labels.noSources];
  const blocks = result.sources.map((s, i) => {
    const quote = escapeMarkdown(s.text.trim())
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    return `**${i + 1}. ${escapeMarkdown(sourceLabel(s, options.showYear, labels))}**${labels.aside(escapeMarkdown(s.report))}\n${quote}`;
  });
  return splitMessage(blocks.join('\n\n'));
}
