import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture } from '../answer/reportFixture.js';

/**
 * Two invented reports: in 栖木 (2031) 青禾苗圃 and 云杉步道 are each as rare as the other, and the
 * section that names 云杉步道 twice reads as the better match; in 松塔 (2030) 云杉步道 is in every
 * section. A question about 栖木 alone must be ranked by 栖木's own statistics, not made to prefer
 * 青禾苗圃 because another report says 云杉步道 everywhere.
 */
const qimu = [
  '栖木职业学院 2031 年度质量报告',
  '一、苗圃建设',
  '学校建成青禾苗圃，用于园艺专业的实训教学与校园绿化养护工作。',
  '二、步道建设',
  '学校修建云杉步道，云杉步道连通实训楼与图书馆两处教学区域。',
  '三、其他工作',
  '学校完善后勤保障制度，推进宿舍管理与食堂服务的规范化建设。',
].join('\n');
const songta = ['松塔职业学院 2030 年度质量报告', ...Array.from({ length: 8 }, (_, i) => [`${'一二三四五六七八'[i]}、第${i + 1}项工作`, `学院第${i + 1}项工作沿云杉步道展开，服务师生日常学习与生活。`]).flat()].join('\n');

const write = async (dir: string, name: string, text: string) => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
};

describe('hybrid retrieval over several reports', () => {
  let both: Fixture;
  let alone: Fixture;
  beforeAll(async () => {
    both = await buildFixture(async (dir) => [await write(dir, 'qimu-2031.txt', qimu), await write(dir, 'songta-2030.txt', songta)]);
    alone = await buildFixture(async (dir) => [await write(dir, 'qimu-2031.txt', qimu)]);
  }, 60_000);
  afterAll(async () => {
    await both.cleanup();
    await alone.cleanup();
  });

  it('ranks a question about one report by that report alone, whatever the others print', async () => {
    const bothService = await both.service();
    const aloneService = await alone.service();
    const qimuId = aloneService.retriever.reports[0]?.meta.id ?? '';
    expect(bothService.retriever.reports.map((r) => r.meta.year)).toEqual([2031, 2030]);
    const question = '青禾苗圃和云杉步道';
    const scoped = await bothService.retriever.search(question, 3, { reportIds: new Set([qimuId]) });
    const single = await aloneService.retriever.search(question, 3);
    expect(scoped.map((hit) => hit.report.meta.id)).toEqual(scoped.map(() => qimuId));
    expect(scoped.map((hit) => hit.chunk.text)).toEqual(single.map((hit) => hit.chunk.text));
    expect(scoped[0]?.chunk.text).toContain('云杉步道连通');
  });
});
