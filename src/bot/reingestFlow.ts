import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IngestOutcome } from '../store/shapes.js';
import { IngestRefusedError, type RefusalReason } from '../errors.js';
import { AttachmentRejectedError, downloadAttachment, safeFileName, type AttachmentInfo } from './attachmentDownload.js';
import type { BotContext } from './botContext.js';
import { escapeMarkdown } from './format/markdown.js';
import type { ReplyTarget } from './replyTarget.js';
import { ThrottledEditor } from './throttledEditor.js';

const REFUSAL_ZH: Record<RefusalReason, string> = {
  not_found: '文件不存在',
  not_pdf: '这不是 PDF 文件（文件头不对）',
  unsupported_type: '不支持的文件类型',
  encrypted: 'PDF 已加密（有密码保护），请导出一份未加密的副本',
  no_text_layer: 'PDF 没有文字层，OCR 也没有从页面中识别出文字',
  empty: '文件里没有文字',
  too_large: '文件超过大小上限',
  corrupt: 'PDF 已损坏，无法读取',
  timeout: '读取文件超时',
  no_year: '报告中没有找到所属年度，请在 /reingest 的“年度”选项中填写',
};

const STATUS_ZH: Record<IngestOutcome['status'], string> = {
  added: '已新增',
  replaced: '已替换同一报告的旧版本',
  unchanged: '内容与已导入的版本相同，未作改动',
};

export function refusalText(fileName: string, error: IngestRefusedError): string {
  return `未导入 ${escapeMarkdown(fileName)}：${REFUSAL_ZH[error.reason]}。索引保持不变。`;
}

export function summaryText(fileName: string, outcomes: IngestOutcome[]): string {
  const lines = outcomes.map(
    (o) => `**${escapeMarkdown(o.title || o.reportId)}**（${o.year} 年度，ID \`${o.reportId}\`）：${STATUS_ZH[o.status]}；${o.pages} 页，${o.tables} 个表格，${o.metrics} 项指标。${ocrText(o)}`,
  );
  const swapped = outcomes.some((o) => o.status !== 'unchanged');
  return `${escapeMarkdown(fileName)} 导入完成。\n${lines.join('\n')}${swapped ? '\n新的提问已使用新索引。' : ''}`;
}

const SKIP_ZH: Record<NonNullable<IngestOutcome['skippedPages']>[number]['reason'], string> = {
  'page budget': '超出 OCR 页数上限',
  'time limit': '识别超时',
  failed: '识别失败',
};

/** "其中 3 页为扫描页，已用 OCR 识别；第 7、9 页未识别（识别超时）。", or "" for a report with a text layer throughout. */
function ocrText(outcome: IngestOutcome): string {
  const read = outcome.ocrPages ?? 0;
  const skipped = outcome.skippedPages ?? [];
  if (read === 0 && skipped.length === 0) return '';
  const byReason = new Map<string, number[]>();
  for (const entry of skipped) byReason.set(SKIP_ZH[entry.reason], [...(byReason.get(SKIP_ZH[entry.reason]) ?? []), entry.page]);
  const unread = [...byReason].map(([reason, pages]) => `第 ${pages.join('、')} 页未识别（${reason}）`).join('；');
  return `其中 ${read} 页为扫描页，已用 OCR 识别${unread ? `；${unread}` : ''}。`;
}

/**
 * /reingest after the checks: download the attachment to a private temp folder, ingest it with
 * progress edits, and report the outcome. The running bot keeps answering from the old index until
 * the re-ingest service swaps the new one in. A refused file is one sentence, the index untouched.
 */
export async function runReingest(context: BotContext, attachment: AttachmentInfo, target: ReplyTarget): Promise<void> {
  const name = safeFileName(attachment.name);
  if (name === null) throw new AttachmentRejectedError(attachment.name.slice(0, 100), 'bad_name', attachment.name);
  const dir = await mkdtemp(path.join(tmpdir(), 'report-reingest-'));
  const file = path.join(dir, name);
  const progress = new ThrottledEditor((text) => target.edit({ content: text }), {
    intervalMs: context.settings.editIntervalMs,
    clock: () => context.clock(),
    logger: context.logger,
  });
  try {
    progress.update(`正在下载 ${escapeMarkdown(name)}（${(attachment.size / 1024 / 1024).toFixed(1)} MB）…`);
    await downloadAttachment(attachment, file, { maxBytes: context.settings.maxAttachmentBytes });
    progress.update(context.reingest.busy ? '另一项导入正在进行，排队等待…' : `正在导入 ${escapeMarkdown(name)}…（期间提问仍由当前索引回答）`);
    const outcomes = await context.reingest.ingest(file, (message) => progress.update(`正在导入：${escapeMarkdown(message.split(file).join(name))}`));
    await progress.close();
    await target.edit({ content: summaryText(name, outcomes) });
    context.logger.info(`re-ingested ${name}`, outcomes.map((o) => ({ report: o.reportId, year: o.year, status: o.status })));
  } catch (error) {
    await progress.close();
    if (error instanceof IngestRefusedError) {
      context.logger.info(`re-ingest of ${name} refused: ${error.reason}`, error.message);
      await target.edit({ content: refusalText(name, error) });
      return;
    }
    if (error instanceof AttachmentRejectedError) {
      context.logger.info(`re-ingest of ${name} refused: ${error.problem}`, error.message);
      await target.edit({ content: error.userMessage });
      return;
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
