import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerServiceHolder } from '../answer/answerServiceHolder.js';
import { metricLookupText, reportsTable, tableListLine, tableText } from '../answer/phrase/lookupText.js';
import { replyLabelsFor } from '../answer/phrase/replyLabels.js';
import { languageOf } from '../answer/questionAnalysis.js';
import type { AskResult, Turn } from '../answer/types.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * The same commands as the Discord bot, in a terminal, for people without Discord:
 * plain text asks, /metric, /table, /reports, /help, /quit. Earlier questions of the session are the
 * conversation context for follow-ups ("那 2023 年呢？").
 */

const HISTORY_TURNS = 4;
const SOURCE_PREVIEW_CHARS = 80;

export const TERMINAL_HELP = [
  '直接输入问题即可提问（例如：实训工位数是多少？）。命令：',
  '  /ask 问题        提问',
  '  /metric 指标名   查指标（报告原文数值、单位、出处）',
  '  /table 表号      查看表格（例如 /table 表 1-1；不带表号列出全部表格）',
  '  /reports         已导入的报告',
  '  /help            帮助',
  '  /quit            退出',
].join('\n');

export function formatAnswerForTerminal(result: AskResult): string {
  const labels = replyLabelsFor(result.question);
  const lines = [result.answer];
  if (result.sources.length > 0) {
    lines.push('', labels.sourcesHeading(result.found));
    result.sources.forEach((s, i) => {
      const preview = s.text.replace(/\s+/g, ' ').slice(0, SOURCE_PREVIEW_CHARS);
      lines.push(`  [${i + 1}] ${s.year} · ${s.section} · ${labels.page(s.page)}  ${preview}${s.text.length > SOURCE_PREVIEW_CHARS ? '…' : ''}`);
    });
  }
  return lines.join('\n');
}

export interface TerminalChatOptions {
  input: Readable;
  output: Writable;
  logger: Logger;
  /** Show the prompt (an interactive terminal) or not (piped input). */
  prompt?: boolean;
}

export async function runTerminalChat(holder: AnswerServiceHolder, options: TerminalChatOptions): Promise<void> {
  const { output, logger } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, terminal: false });
  const history: Turn[] = [];
  const showPrompt = () => {
    if (options.prompt) output.write('\n问> ');
  };

  write(`报告助手已就绪（${holder.current().index.reports.map((r) => `${r.meta.year} ${r.meta.title}`).join('；')}）。输入 /help 查看命令。`);
  showPrompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      showPrompt();
      continue;
    }
    if (line === '/quit' || line === '/exit') break;
    try {
      write(await handleLine(line, holder, history));
    } catch (error) {
      // One clear sentence for the person; the detail goes to the log.
      write(error instanceof UserFacingError ? error.userMessage : '出错了，请稍后再试。');
      logger.error('terminal chat command failed', error);
    }
    showPrompt();
  }
  rl.close();
}

async function handleLine(line: string, holder: AnswerServiceHolder, history: Turn[]): Promise<string> {
  const service = holder.current();
  const [command = '', ...rest] = line.startsWith('/') ? line.split(/\s+/) : ['/ask', line];
  const argument = rest.join(' ').trim();
  switch (command) {
    case '/help':
      return TERMINAL_HELP;
    case '/reports':
      return reportsTable(service.index.manifest.reports);
    case '/metric': {
      if (!argument) return '用法：/metric 指标名';
      return metricLookupText(service.lookup.lookupMetric(argument), languageOf(argument));
    }
    case '/table': {
      if (!argument) return service.lookup.tables.map(tableListLine).join('\n');
      const found = service.lookup.findTable(argument);
      if (!found) return `没有找到表格“${argument}”。输入 /table 查看全部表格。`;
      return tableText(found);
    }
    case '/ask': {
      if (!argument) return '用法：/ask 问题';
      const result = await service.ask(argument, { history: history.slice(-HISTORY_TURNS) });
      history.push({ question: argument, answer: result.answer });
      return formatAnswerForTerminal(result);
    }
    default:
      return `不认识的命令 ${command}。${TERMINAL_HELP}`;
  }
}
