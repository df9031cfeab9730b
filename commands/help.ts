import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { EMBED_FOOTER_LIMIT } from '../src/bot/discordLimits.js';
import { COLOR_FOUND } from '../src/bot/format/answerMessage.js';
import { truncate } from '../src/bot/format/markdown.js';

export const HELP_LINES = [
  '**/ask 问题** — 就年度报告提问，回答给出原文数字（加粗）、章节和页码；按钮“原文”显示来源页面，“更多来源”列出全部出处。',
  '**/metric 名称** — 查指标：原文数值、单位、限定词、各年度和出处（输入时有候选）。',
  '**/table 表号** — 以图片显示表格，并附 CSV 文件（输入时有候选）。',
  '**/reports** — 已导入的报告。',
  '**/reingest 文件** — 管理员：上传报告 PDF 重新导入，期间照常回答。',
  '也可以 @我 提问（我会开一个子区回答，在子区里可以继续追问），或直接私信我。',
];

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ 'zh-CN': '帮助' })
    .setDescription('What the report assistant can do')
    .setDescriptionLocalizations({ 'zh-CN': '报告助手的用法' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, context) {
    const reports = context.holder.current().index.manifest.reports;
    const footer = reports.length > 0 ? `已导入：${reports.map((r) => `${r.year} ${r.title || r.id}`).join('；')}` : '还没有导入报告。';
    await interaction.reply({
      embeds: [{ title: '报告助手', description: HELP_LINES.join('\n'), color: COLOR_FOUND, footer: { text: truncate(footer, EMBED_FOOTER_LIMIT) } }],
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Command;
