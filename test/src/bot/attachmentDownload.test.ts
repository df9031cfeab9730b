import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentRejectedError, checkAttachment, downloadAttachment, safeFileName } from '../../../src/bot/attachmentDownload.js';
import { useTempDir } from '../../fixtures/useTempDir.js';

const ORIGINS = ['https://cdn.discordapp.com'];
const limits = { maxBytes: 1000, origins: ORIGINS };
const pdf = (overrides: Partial<{ name: string; size: number; contentType: string | null; url: string }> = {}) => ({
  name: 'report.pdf',
  size: 500,
  contentType: 'application/pdf',
  url: 'https://cdn.discordapp.com/attachments/1/2/report.pdf',
  ...overrides,
});

describe('checkAttachment', () => {
  it('accepts a PDF on Discord’s CDN within the size limit', () => {
    expect(checkAttachment(pdf(), limits)).toBeNull();
    expect(checkAttachment(pdf({ contentType: null }), limits)).toBeNull();
  });

  it.each([
    [{ name: 'report.txt' }, 'not_pdf'],
    [{ contentType: 'image/png' }, 'not_pdf'],
    [{ size: 1001 }, 'too_large'],
    [{ name: '../../etc/passwd.pdf' }, 'bad_name'],
    [{ name: 'a/b.pdf' }, 'bad_name'],
    [{ url: 'http://127.0.0.1:9/x.pdf' }, 'bad_url'],
    [{ url: 'not a url' }, 'bad_url'],
  ] as const)('refuses %o as %s', (overrides, problem) => {
    expect(checkAttachment(pdf(overrides), limits)?.problem).toBe(problem);
  });
});

describe('safeFileName', () => {
  it('keeps a plain name, Chinese included, and refuses paths and dot files', () => {
    expect(safeFileName('2025年质量报告.pdf')).toBe('2025年质量报告.pdf');
    expect(safeFileName('..pdf')).toBeNull();
    expect(safeFileName('.hidden.pdf')).toBeNull();
    expect(safeFileName('a\\b.pdf')).toBeNull();
  });
});

describe('downloadAttachment', () => {
  const temp = useTempDir('bot-download-');
  let base = '';
  const server = createServer((req, res) => {
    if (req.url === '/small.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.alloc(600, 1));
    } else if (req.url === '/liar.pdf') {
      // No content-length, and more bytes than allowed.
      res.writeHead(200, { 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 10; i += 1) res.write(Buffer.alloc(500, 2));
      res.end();
    } else if (req.url === '/declared.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '5000' });
      res.end(Buffer.alloc(5000, 3));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('writes the file and returns its size', async () => {
    const file = path.join(temp.path, 'report.pdf');
    expect(await downloadAttachment(pdf({ url: `${base}/small.pdf` }), file, { maxBytes: 1000 })).toBe(600);
    expect((await readFile(file)).length).toBe(600);
  });

  it('stops a body that grows past the limit and removes the partial file', async () => {
    const file = path.join(temp.path, 'report.pdf');
    await expect(downloadAttachment(pdf({ url: `${base}/liar.pdf` }), file, { maxBytes: 1000 })).rejects.toMatchObject({ problem: 'too_large' });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a declared content-length over the limit without reading the body', async () => {
    await expect(downloadAttachment(pdf({ url: `${base}/declared.pdf` }), path.join(temp.path, 'x.pdf'), { maxBytes: 1000 })).rejects.toMatchObject({ problem: 'too_large' });
  });

  it('reports an HTTP error as a failed download, in one sentence', async () => {
    const error = await downloadAttachment(pdf({ url: `${base}/missing.pdf` }), path.join(temp.path, 'x.pdf'), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentRejectedError);
    expect((error as AttachmentRejectedError).userMessage).toBe('未导入 report.pdf：附件下载失败，请稍后重试。');
  });
});
