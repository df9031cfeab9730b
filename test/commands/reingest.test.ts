import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REINGEST_REFUSAL } from '../../commands/reingest.js';
import { ingestReports } from '../../ingest/ingestReports.js';
import { AnswerServiceHolder } from '../../src/answer/answerServiceHolder.js';
import type { ReingestPort } from '../../src/bot/botContext.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { ReingestService } from '../../src/runtime/reingestService.js';
import { createRuntime, loadAnswerService } from '../../src/runtime/runtime.js';
import { makeReportPdf } from '../fixtures/pdfs.js';
import { messageBody, PERMISSION_MANAGE_GUILD, type RecordedDiscordRequest } from '../fakes/fakeDiscord.js';
import { callbackType, isCallback, isOriginalEdit, printTimings, startBotHarness, timing, type BotHarness, type Timing } from '../fakes/botHarness.js';
import { BUNDLED } from '../src/answer/reportFixture.js';

const HEADER_2025 = '测试学院高等职业教育质量报告（2025年度）';

let dir: string;
let harness: BotHarness;
let gate: { release: () => void; released: Promise<void>; entered: Promise<void>; enter: () => void } | null = null;
const timings: Timing[] = [];

function newGate() {
  let release = () => {};
  let enter = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const entered = new Promise<void>((resolve) => (enter = resolve));
  return { release, released, entered, enter };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bot-reingest-'));
  const indexDir = path.join(dir, 'index');
  const runtime = createRuntime(loadConfig({ INDEX_DIR: indexDir }), silentLogger);
  await ingestReports([BUNDLED], { indexDir }, { tokenizer: runtime.tokenizer, embedder: runtime.embedder, logger: silentLogger, maxBytes: 100 * 1024 * 1024 });
  const holder = new AnswerServiceHolder(await loadAnswerService(runtime, indexDir));
  const real = new ReingestService(runtime, indexDir, holder);
  // The real service, held at its start while a test asks questions "meanwhile".
  const reingest: ReingestPort = {
    get busy() {
      return real.busy;
    },
    async ingest(file, onProgress) {
      const current = gate;
      if (current) {
        current.enter();
        await current.released;
      }
      return real.ingest(file, onProgress);
    },
  };
  harness = await startBotHarness({ service: holder, reingest, indexDir });
});
afterAll(async () => {
  printTimings('/reingest', timings);
  await harness?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function reingest(attachment: ReturnType<BotHarness['fake']['serveAttachment']>, member: { permissions?: bigint; roles?: string[] } = {}) {
  return harness.fake.slashCommand('reingest', [{ name: 'file', type: 11, value: attachment.id }], {
    resolved: { attachments: { [attachment.id]: attachment } },
    ...member,
  });
}

async function askVolunteers(): Promise<string> {
  const sent = harness.fake.slashCommand('ask', [{ name: 'question', type: 3, value: '志愿者人数有多少？' }]);
  const final = await sent.waitFor((r) => isOriginalEdit(r) && (messageBody(r).embeds?.length ?? 0) > 0);
  return (messageBody(final).embeds?.[0] as { description: string }).description;
}

const contentOf = (r: RecordedDiscordRequest) => messageBody(r).content ?? '';

describe('/reingest by an admin', () => {
  it('downloads the attachment, ingests it with progress edits, answers from the old index meanwhile and swaps in the new one', async () => {
    const pdf = await makeReportPdf({
      header: HEADER_2025,
      title: HEADER_2025,
      pages: [
        [HEADER_2025, '前 言', '学校高度重视质量年报的编制工作。'],
        ['1 学生发展', '1.1 立德树人', '学校志愿者注册人数 12000 人；志愿者占在校生比例 70.5%。'],
        ['2 教育教学', '2.1 专业建设', '学校开设专业 40 个。'],
      ],
    });
    const attachment = harness.fake.serveAttachment('report-2025.pdf', pdf);
    gate = newGate();
    const sent = reingest(attachment, { permissions: PERMISSION_MANAGE_GUILD });
    const [callback] = [await sent.waitFor(isCallback)];
    expect(callbackType(callback as RecordedDiscordRequest)).toBe(5);
    await gate.entered;
    await sent.waitFor((r) => isOriginalEdit(r) && contentOf(r).startsWith('正在下载 report-2025.pdf'));
    await harness.fake.waitForRequest((r) => r.method === 'GET' && r.path.includes('/attachments/'));

    // The ingest is running: questions are answered from the old index.
    const during = await askVolunteers();
    expect(during).toContain('**10750**');
    expect(during).not.toContain('12000');

    gate.release();
    gate = null;
    const done = await sent.waitFor((r) => isOriginalEdit(r) && contentOf(r).includes('导入完成'), 30_000);
    expect(contentOf(done)).toBe(
      'report-2025.pdf 导入完成。\n**测试学院高等职业教育质量报告（2025年度）**（2025 年度，ID `测试学院-2025-质量报告`）：已新增；3 页，0 个表格，3 项指标。\n新的提问已使用新索引。',
    );
    expect(harness.holder.version).toBe(2);
    expect(await askVolunteers()).toContain('**12000**');
  });

  it('replaces the same report when a corrected version is uploaded', async () => {
    const pdf = await makeReportPdf({
      header: HEADER_2025,
      title: HEADER_2025,
      pages: [
        [HEADER_2025, '前 言', '学校高度重视质量年报的编制工作（更正版）。'],
        ['1 学生发展', '1.1 立德树人', '学校志愿者注册人数 12500 人；志愿者占在校生比例 72.5%。'],
        ['2 教育教学', '2.1 专业建设', '学校开设专业 40 个。'],
      ],
    });
    const sent = reingest(harness.fake.serveAttachment('report-2025-corrected.pdf', pdf), { permissions: PERMISSION_MANAGE_GUILD });
    const done = await sent.waitFor((r) => isOriginalEdit(r) && contentOf(r).includes('导入完成'), 30_000);
    expect(contentOf(done)).toContain('：已替换同一报告的旧版本；3 页');
    expect(harness.holder.current().index.manifest.reports.map((r) => r.year).sort()).toEqual([2024, 2025]);
    expect(await askVolunteers()).toContain('**12500**');
    timings.push(timing('/reingest (3-page PDF)', sent, done));
  });

  it('accepts a member with the ADMIN_ROLE_ID role, and reports a file that is not really a PDF in one sentence', async () => {
    const attachment = harness.fake.serveAttachment('fake.pdf', Buffer.from('this is not a pdf at all'));
    const sent = reingest(attachment, { roles: [harness.fake.adminRoleId] });
    const done = await sent.waitFor((r) => isOriginalEdit(r) && contentOf(r).startsWith('未导入'), 20_000);
    expect(contentOf(done)).toBe('未导入 fake.pdf：这不是 PDF 文件（文件头不对）。索引保持不变。');
    expect(harness.holder.version).toBe(3);
  });
});

describe('/reingest refusals', () => {
  it('refuses a member without Manage Server or the admin role, ephemerally, before downloading', async () => {
    const attachment = harness.fake.serveAttachment('intruder.pdf', Buffer.from('%PDF-1.7'));
    const sent = reingest(attachment, { roles: [] });
    const reply = await sent.waitFor(isCallback);
    expect(callbackType(reply)).toBe(4);
    expect(messageBody(reply)).toMatchObject({ content: REINGEST_REFUSAL, flags: 64 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.fake.requests.some((r) => r.path.includes('intruder.pdf'))).toBe(false);
    expect(sent.requests()).toHaveLength(1);
    timings.push(timing('/reingest refused (non-admin)', sent, reply));
  });

  it('refuses an attachment that is not a PDF by name and type, ephemerally', async () => {
    const attachment = harness.fake.serveAttachment('notes.txt', Buffer.from('hello'), 'text/plain');
    const reply = await reingest(attachment, { permissions: PERMISSION_MANAGE_GUILD }).waitFor(isCallback);
    expect(messageBody(reply)).toMatchObject({ content: '未导入 notes.txt：只接受 PDF 文件（.pdf）。', flags: 64 });
  });

  it('refuses an attachment over the size limit before downloading it', async () => {
    const attachment = { ...harness.fake.serveAttachment('huge.pdf', Buffer.from('%PDF-1.7')), size: 101 * 1024 * 1024 };
    const reply = await reingest(attachment, { permissions: PERMISSION_MANAGE_GUILD }).waitFor(isCallback);
    expect(messageBody(reply)).toMatchObject({ content: '未导入 huge.pdf：文件超过大小上限。', flags: 64 });
    expect(harness.fake.requests.some((r) => r.path.includes('huge.pdf'))).toBe(false);
  });

  it('refuses an attachment URL outside Discord and the configured API origin', async () => {
    const attachment = { ...harness.fake.serveAttachment('elsewhere.pdf', Buffer.from('%PDF-1.7')), url: 'http://169.254.169.254/latest/meta-data.pdf' };
    const reply = await reingest(attachment, { permissions: PERMISSION_MANAGE_GUILD }).waitFor(isCallback);
    expect(messageBody(reply)).toMatchObject({ content: '未导入 elsewhere.pdf：附件地址不是 Discord 的附件地址。', flags: 64 });
  });
});
