import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UserFacingError } from '../errors.js';

/** Discord's attachment hosts; a URL elsewhere is refused before anything is fetched. */
export const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];
const DOWNLOAD_TIMEOUT_MS = 120_000;

export type AttachmentProblem = 'not_pdf' | 'too_large' | 'bad_name' | 'bad_url' | 'download_failed';

const PROBLEM_TEXT: Record<AttachmentProblem, string> = {
  not_pdf: '只接受 PDF 文件（.pdf）',
  too_large: '文件超过大小上限',
  bad_name: '文件名不合法（不能包含路径或 ..）',
  bad_url: '附件地址不是 Discord 的附件地址',
  download_failed: '附件下载失败，请稍后重试',
};

/** An attachment /reingest will not take; `userMessage` is one sentence naming the file. */
export class AttachmentRejectedError extends UserFacingError {
  override name = 'AttachmentRejectedError';
  constructor(
    readonly fileName: string,
    readonly problem: AttachmentProblem,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`attachment ${fileName} rejected: ${problem} (${detail})`, `未导入 ${fileName}：${PROBLEM_TEXT[problem]}。`, options);
  }
}

export interface AttachmentInfo {
  name: string;
  size: number;
  contentType: string | null;
  url: string;
}

const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);

/** A plain base name: no directories, no `..`, no control characters, a sensible length. */
export function safeFileName(name: string): string | null {
  if (name.length === 0 || name.length > 200) return null;
  if (/[/\\\u0000-\u001f\u007f]/u.test(name) || name.includes('..') || name.startsWith('.')) return null;
  return name;
}

/** Checks what Discord tells about the attachment, before a byte is downloaded. */
export function checkAttachment(attachment: AttachmentInfo, limits: { maxBytes: number; origins: readonly string[] }): AttachmentRejectedError | null {
  const display = attachment.name.slice(0, 100);
  if (safeFileName(attachment.name) === null) return new AttachmentRejectedError(display, 'bad_name', attachment.name);
  const type = attachment.contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (!/\.pdf$/iu.test(attachment.name) || (type !== null && !PDF_TYPES.has(type))) {
    return new AttachmentRejectedError(display, 'not_pdf', `type ${type ?? 'unknown'}`);
  }
  if (attachment.size > limits.maxBytes) {
    return new AttachmentRejectedError(display, 'too_large', `${attachment.size} > ${limits.maxBytes} bytes`);
  }
  let origin: string;
  try {
    origin = new URL(attachment.url).origin;
  } catch {
    return new AttachmentRejectedError(display, 'bad_url', attachment.url);
  }
  if (!limits.origins.includes(origin)) return new AttachmentRejectedError(display, 'bad_url', origin);
  return null;
}

/**
 * Downloads to `destination`, stopping as soon as more than `maxBytes` arrive (a server may lie in
 * `content-length` or send none). A partial file is removed.
 */
export async function downloadAttachment(attachment: AttachmentInfo, destination: string, options: { maxBytes: number; timeoutMs?: number }): Promise<number> {
  const display = attachment.name.slice(0, 100);
  let response: Response;
  try {
    response = await fetch(attachment.url, { redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new AttachmentRejectedError(display, 'download_failed', 'request failed', { cause: error });
  }
  if (!response.ok || !response.body) throw new AttachmentRejectedError(display, 'download_failed', `HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel();
    throw new AttachmentRejectedError(display, 'too_large', `content-length ${declared}`);
  }
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > options.maxBytes) callback(new AttachmentRejectedError(display, 'too_large', `more than ${options.maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  const file = createWriteStream(destination);
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), limit, file);
  } catch (error) {
    // pipeline rejects on the first error, while the file may still be opening: removed before it is
    // open, it would be created again behind the removal. It is removed once closed.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    await rm(destination, { force: true });
    if (error instanceof AttachmentRejectedError) throw error;
    throw new AttachmentRejectedError(display, 'download_failed', 'stream failed', { cause: error });
  }
  return received;
}
