import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { reportSourcePdf } from '../store/reportFiles.js';
import type { ParsedCustomId } from './answerButtons.js';
import type { BotContext } from './botContext.js';
import { formatAllSources } from './format/answerMessage.js';
import { escapeMarkdown } from './format/markdown.js';
import { interactionTarget } from './replyTarget.js';

const EXPIRED = '这条回答已过期（机器人重启或缓存已满），请重新提问。';

/** 原文: the source page rendered as a PNG, shown only to the person who asked for it. */
export async function handlePageButton(interaction: ButtonInteraction, context: BotContext, target: Extract<ParsedCustomId, { kind: 'page' }>): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let reportId = target.reportId;
  if (reportId === null) {
    const result = target.key ? context.answers.get(target.key) : undefined;
    reportId = result?.sources[0]?.report ?? null;
    if (reportId === null) {
      await interaction.editReply({ content: EXPIRED });
      return;
    }
  }
  const service = context.holder.current();
  const meta = service.index.manifest.reports.find((r) => r.id === reportId);
  if (!meta) {
    await interaction.editReply({ content: `报告 ${escapeMarkdown(reportId)} 已不在索引中（可能已被重新导入替换），请重新提问。` });
    return;
  }
  const pdf = reportSourcePdf(service.index.generationDir, meta);
  if (pdf === null) {
    await interaction.editReply({ content: '这份报告是以文本导入的，没有可显示的页面图像。' });
    return;
  }
  const png = await context.renderers.pageImage(pdf, target.page);
  await interaction.editReply({
    content: `${escapeMarkdown(meta.title || meta.id)}（${meta.year}）· 第 ${target.page} 页`,
    files: [{ attachment: png, name: `page-${target.page}.png` }],
  });
}

/** 更多来源: every source of the answer in full, ephemeral. */
export async function handleSourcesButton(interaction: ButtonInteraction, context: BotContext, key: string): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = context.answers.get(key);
  if (!result) {
    await interaction.editReply({ content: EXPIRED });
    return;
  }
  const showYear = new Set(result.sources.map((s) => s.year)).size > 1;
  const [first = '', ...rest] = formatAllSources(result, { showYear });
  const reply = interactionTarget(interaction, { ephemeral: true });
  await reply.edit({ content: first });
  for (const part of rest) await reply.send({ content: part });
}
