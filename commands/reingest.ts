import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { checkAttachment } from '../src/bot/attachmentDownload.js';
import type { Command } from '../src/bot/command.js';
import { isReportAdmin } from '../src/bot/permissions.js';
import { runReingest } from '../src/bot/reingestFlow.js';
import { interactionTarget } from '../src/bot/replyTarget.js';

export const REINGEST_REFUSAL = '只有拥有“管理服务器”权限或报告管理员角色的成员才能重新导入报告。';

export default {
  data: new SlashCommandBuilder()
    .setName('reingest')
    .setNameLocalizations({ 'zh-CN': '导入报告' })
    .setDescription('Admins: ingest a report PDF (next year’s, or a corrected one) without restarting')
    .setDescriptionLocalizations({ 'zh-CN': '管理员：导入报告 PDF（新年度或更正版），无需重启机器人' })
    .setContexts(InteractionContextType.Guild)
    .addAttachmentOption((option) =>
      option
        .setName('file')
        .setNameLocalizations({ 'zh-CN': '文件' })
        .setDescription('The report as a PDF')
        .setDescriptionLocalizations({ 'zh-CN': '报告 PDF 文件' })
        .setRequired(true),
    ),
  async execute(interaction, context) {
    if (!isReportAdmin(interaction, context.settings.adminRoleId)) {
      await interaction.reply({ content: REINGEST_REFUSAL, flags: MessageFlags.Ephemeral });
      return;
    }
    const attachment = interaction.options.getAttachment('file', true);
    const info = { name: attachment.name, size: attachment.size, contentType: attachment.contentType, url: attachment.url };
    const problem = checkAttachment(info, { maxBytes: context.settings.maxAttachmentBytes, origins: context.settings.attachmentOrigins });
    if (problem) {
      await interaction.reply({ content: problem.userMessage, flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    await runReingest(context, info, interactionTarget(interaction));
  },
} satisfies Command;
