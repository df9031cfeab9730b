import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { tableChoices } from '../src/bot/choices.js';
import type { Command } from '../src/bot/command.js';
import { FILES_PER_MESSAGE_MAX } from '../src/bot/discordLimits.js';
import { escapeMarkdown } from '../src/bot/format/markdown.js';

/** One slot stays for the CSV. */
const IMAGES_MAX = FILES_PER_MESSAGE_MAX - 1;

const pageRange = (pages: readonly number[], first: number) => {
  const low = Math.min(first, ...pages);
  const high = Math.max(first, ...pages);
  return low === high ? `${low}` : `${low}–${high}`;
};

export default {
  data: new SlashCommandBuilder()
    .setName('table')
    .setNameLocalizations({ 'zh-CN': '表格' })
    .setDescription('Show a table of the report as an image, with a CSV file')
    .setDescriptionLocalizations({ 'zh-CN': '以图片显示报告中的表格，并附 CSV 文件' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName('id')
        .setNameLocalizations({ 'zh-CN': '表号' })
        .setDescription('Table number or caption, e.g. 表 1-1')
        .setDescriptionLocalizations({ 'zh-CN': '表号或表题，例如：表 1-1' })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),
  async execute(interaction, context) {
    const value = interaction.options.getString('id', true);
    await interaction.deferReply();
    const ref = context.holder.current().lookup.findTable(value);
    if (!ref) {
      await interaction.editReply({ content: `没有找到表格“${escapeMarkdown(value)}”。输入表号时可从下拉列表中选择。` });
      return;
    }
    const { table, report } = ref;
    const pages = pageRange(table.pages, table.page);
    const images = await context.renderers.tablePngs(table, { sourceLine: `${report.title || report.id} · ${report.year} · 第 ${pages} 页` });
    const slug = table.id.replace(/[^0-9A-Za-z]+/gu, '-').replace(/^-+|-+$/gu, '') || 'table';
    const shown = images.slice(0, IMAGES_MAX);
    const files = [
      ...shown.map((png, i) => ({ attachment: png, name: shown.length === 1 ? `table-${slug}.png` : `table-${slug}-${i + 1}.png` })),
      { attachment: Buffer.from(context.renderers.tableCsv(table), 'utf8'), name: `table-${slug}.csv` },
    ];
    const cut = images.length > shown.length ? `；图片只显示前 ${shown.length} 张，完整内容见 CSV` : '';
    await interaction.editReply({
      content: `**${escapeMarkdown(`${table.id} ${table.title}`)}**（${report.year} 年报告，第 ${pages} 页，${table.rows.length} 行${cut}）`,
      files,
    });
  },
  async autocomplete(interaction, context) {
    const service = context.holder.current();
    await interaction.respond(tableChoices(service.lookup, interaction.options.getFocused(), service.index.reports.length > 1));
  },
} satisfies Command;
