import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { replyLabelsFor } from '../src/answer/phrase/replyLabels.js';
import { metricChoices } from '../src/bot/choices.js';
import type { Command } from '../src/bot/command.js';
import { formatMetric, formatMetricNotFound } from '../src/bot/format/metricEmbed.js';

const CLOSE_NAMES = 3;

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
        .setDescription('Metric name, e.g. 实训工位数')
        .setDescriptionLocalizations({ 'zh-CN': '指标名称，例如：实训工位数' })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),
  async execute(interaction, context) {
    const name = interaction.options.getString('name', true);
    await interaction.deferReply();
    const { lookup } = context.holder.current();
    const found = lookup.lookupMetric(name, { limit: 12 });
    const labels = replyLabelsFor(name);
    const best = found.matches[0];
    if (!best || !found.confident) {
      await interaction.editReply({ embeds: [formatMetricNotFound(name, found.matches.slice(0, CLOSE_NAMES), labels)] });
      return;
    }
    await interaction.editReply({ embeds: [formatMetric(best, lookup.metricAcrossYears(best), lookup.closeMetrics(found.matches, CLOSE_NAMES), labels)] });
  },
  async autocomplete(interaction, context) {
    await interaction.respond(metricChoices(context.holder.current().lookup, interaction.options.getFocused()));
  },
} satisfies Command;
