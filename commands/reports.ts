import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { formatReports } from '../src/bot/format/reportsEmbed.js';

export default {
  data: new SlashCommandBuilder()
    .setName('reports')
    .setNameLocalizations({ 'zh-CN': '报告列表' })
    .setDescription('The ingested reports: id, year, pages, tables, metrics, when ingested')
    .setDescriptionLocalizations({ 'zh-CN': '已导入的报告：ID、年度、页数、表格、指标、导入时间' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    await interaction.deferReply();
    await interaction.editReply({ embeds: [formatReports(context.holder.current().index.manifest.reports)] });
  },
} satisfies Command;
