import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { LookupService } from '../answer/lookup/lookupService.js';
import { printedFigure } from '../answer/printedFigure.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_LIMIT, CHOICE_VALUE_LIMIT } from './discordLimits.js';
import { truncate } from './format/markdown.js';

/**
 * Autocomplete lists for /metric and /table: the lookup service ranks, this shapes its suggestions
 * into Discord choices (name and value limits). Cheap enough to run on every keystroke (Discord
 * allows 3 s; these take milliseconds).
 */

type Choice = ApplicationCommandOptionChoiceData<string>;

const plain = (text: string) => text.replace(/…/gu, '');

export function metricChoices(lookup: LookupService, typed: string): Choice[] {
  return lookup.suggestMetrics(typed, AUTOCOMPLETE_CHOICES_MAX).map(({ entry, report }) => ({
    name: truncate(`${plain(entry.name)}：${printedFigure(entry)}（${report.year}）`, CHOICE_NAME_LIMIT),
    value: plain(entry.name).slice(0, CHOICE_VALUE_LIMIT),
  }));
}

export function tableChoices(lookup: LookupService, typed: string, showYear: boolean): Choice[] {
  return lookup.suggestTables(typed, AUTOCOMPLETE_CHOICES_MAX).map((ref) => ({
    name: truncate(`${ref.table.id} ${ref.table.title}${showYear ? `（${ref.report.year}）` : ''}`, CHOICE_NAME_LIMIT),
    value: lookup.tableValue(ref, CHOICE_VALUE_LIMIT),
  }));
}
