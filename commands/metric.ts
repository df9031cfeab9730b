import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { metricAcrossYears, metricChoices } from '../src/bot/choices.js';
import type { Command } from '../src/bot/command.js';
import { formatMetric, formatMetricNotFound } from '../src/bot/format/metricEmbed.js';
import { compact } from '../src/text/normalize.js';

const CLOSE_NAMES = 3;
/** Below this share of the query covered by the name, the best entry is about something else ("藏书" → "援藏"). */
const MIN_QUERY_COVERAGE = 0.4;

export default {
  data: new SlashCommandBuilder()
    .setName('metric')
    .setNameLocalizations({ 'zh-CN': '指标' })
    .setDescription('Look up a metric: value as printed, unit, qualifier, every year, source')
    .setDescriptionLocalizations({ 'zh-CN': '查指标：原文数值、单位、限定词、各年度和出处' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName('name')
        .setNameLocalizations({ 'zh-CN': '名称' })
        .setDescription('Metric name, e.g. 志愿者注册人数')
        .setDescriptionLocalizations({ 'zh-CN': '指标名称，例如：志愿者注册人数' })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),
  async execute(interaction, context) {
    const name = interaction.options.getString('name', true);
    await interaction.deferReply();
    const service = context.holder.current();
    const matches = service.lookupMetric(name, 12);
    const best = matches[0];
    if (!best || best.queryCoverage < MIN_QUERY_COVERAGE) {
      await interaction.editReply({ embeds: [formatMetricNotFound(name)] });
      return;
    }
    const bestName = compact(best.entry.name);
    const others = matches.filter((m, i, all) => compact(m.entry.name) !== bestName && all.findIndex((o) => compact(o.entry.name) === compact(m.entry.name)) === i);
    await interaction.editReply({ embeds: [formatMetric(best, metricAcrossYears(service, best), others.slice(0, CLOSE_NAMES))] });
  },
  async autocomplete(interaction, context) {
    await interaction.respond(metricChoices(context.holder.current(), interaction.options.getFocused()));
  },
} satisfies Command;
