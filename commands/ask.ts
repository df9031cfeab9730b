import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_CHARS } from '../src/answer/answerService.js';
import { answerQuestion } from '../src/bot/askFlow.js';
import { questionText } from '../src/bot/chatSyntax.js';
import type { Command } from '../src/bot/command.js';
import { allowQuestion } from '../src/bot/questionGate.js';
import { interactionTarget } from '../src/bot/replyTarget.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations({ 'zh-CN': '提问' })
    .setDescription('Ask about the annual report: the figure as printed, with section and page')
    .setDescriptionLocalizations({ 'zh-CN': '就年度报告提问：回答给出原文数字、章节和页码' })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((option) =>
      option
        .setName('question')
        .setNameLocalizations({ 'zh-CN': '问题' })
        .setDescription('Your question, e.g. 实训工位有多少个？')
        .setDescriptionLocalizations({ 'zh-CN': '你的问题，例如：实训工位有多少个？' })
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    ),
  async execute(interaction, context) {
    const question = questionText(interaction.options.getString('question', true));
    if (!(await allowQuestion(interaction, context))) return;
    await interaction.deferReply();
    await answerQuestion(context, question, interactionTarget(interaction));
  },
} satisfies Command;
