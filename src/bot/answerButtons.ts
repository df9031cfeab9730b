import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { AnswerService } from '../answer/answerService.js';
import { replyLabelsFor } from '../answer/phrase/replyLabels.js';
import type { AskResult } from '../answer/types.js';
import { reportSourcePdf } from '../store/reportFiles.js';
import { CUSTOM_ID_LIMIT } from './discordLimits.js';

/**
 * The buttons under an answer. Their custom ids carry what the click needs: 原文 the report id and
 * page (or, when that would not fit in 100 characters, a key into the bot's bounded answer cache),
 * 更多来源 the cache key.
 */
export const PAGE_BUTTON = 'page';
export const SOURCES_BUTTON = 'sources';

export type ParsedCustomId =
  | { kind: 'page'; page: number; reportId: string | null; key: string | null }
  | { kind: 'sources'; key: string };

export function pageButtonId(reportId: string, page: number, key: string): string {
  const direct = `${PAGE_BUTTON}:${page}:${reportId}`;
  return direct.length <= CUSTOM_ID_LIMIT && !reportId.startsWith('#') ? direct : `${PAGE_BUTTON}:${page}:#${key}`;
}

export function sourcesButtonId(key: string): string {
  return `${SOURCES_BUTTON}:${key}`;
}

export function parseCustomId(customId: string): ParsedCustomId | null {
  const [kind, ...rest] = customId.split(':');
  if (kind === SOURCES_BUTTON && rest.length === 1 && rest[0]) return { kind: 'sources', key: rest[0] };
  if (kind === PAGE_BUTTON && rest.length >= 2) {
    const page = Number(rest[0]);
    const target = rest.slice(1).join(':');
    if (!Number.isInteger(page) || page < 1 || target === '') return null;
    return target.startsWith('#') ? { kind: 'page', page, reportId: null, key: target.slice(1) } : { kind: 'page', page, reportId: target, key: null };
  }
  return null;
}

/** 原文 (when the first source's report has its PDF) and 更多来源, or nothing without sources. */
export function answerButtons(service: AnswerService, result: AskResult, key: string): Array<APIActionRowComponent<APIComponentInMessageActionRow>> {
  const first = result.sources[0];
  if (!first) return [];
  const meta = service.index.manifest.reports.find((r) => r.id === first.report);
  const hasPdf = meta ? reportSourcePdf(service.index.generationDir, meta) !== null : false;
  const labels = replyLabelsFor(result.question);
  const buttons: APIComponentInMessageActionRow[] = [];
  if (hasPdf) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: labels.pageButton(first.page), custom_id: pageButtonId(first.report, first.page, key) });
  }
  buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: labels.moreSourcesButton, custom_id: sourcesButtonId(key) });
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
