import { describe, expect, it } from 'vitest';
import { buildTables } from '../../../ingest/tables/buildTables.js';
import { rowsFromLines } from '../../../ingest/tables/rowsFromLines.js';
import { documentOf } from './documentOf.js';

// Excerpts of the flattened text export of the 2024 report: one printed line per entry, a cell that
// wrapped in its column comes out as lines of its own, in column order.

describe('rows rebuilt from flattened table lines', () => {
  it('re-joins wrapped cells into their columns when a row is spread over several lines', () => {
    const rebuilt = rowsFromLines([
      '序号 所属二级学院 专业大类－类 专业代码 专业名称',
      '1 化学工程学院 生物与化工大类－化工技术类 470201 应用化工技术',
      '2 化学工程学院 生物与化工大类－化工技术类 470203 精细化工技术',
      '3 化学工程学院',
      '能源动力与材料大类－',
      '非金属材料类',
      '430602',
      '高分子材料',
      '智能制造技术',
      '4 化学工程学院',
      '生物与化工大类－',
      '化工技术类',
      '470209',
      '化工智能制造',
      '技术',
      '5 制药与生物工程学院 医药卫生大类-药学类 520301 药学',
      '6',
      '制药与生物',
      '工程学院',
      '食品药品与粮食大类－',
      '药品与医疗器械类',
      '490201 药品生产技术',
      '7 机械工程学院 装备制造大类-机械设计制造类 460102',
      '数字化设计与',
      '制造技术',
      '（2024 年新',
      '增）',
    ]);
    expect(rebuilt?.header).toEqual(['序号', '所属二级学院', '专业大类－类', '专业代码', '专业名称']);
    expect(rebuilt?.rows).toEqual([
      ['1', '化学工程学院', '生物与化工大类－化工技术类', '470201', '应用化工技术'],
      ['2', '化学工程学院', '生物与化工大类－化工技术类', '470203', '精细化工技术'],
      ['3', '化学工程学院', '能源动力与材料大类－非金属材料类', '430602', '高分子材料智能制造技术'],
      ['4', '化学工程学院', '生物与化工大类－化工技术类', '470209', '化工智能制造技术'],
      ['5', '制药与生物工程学院', '医药卫生大类-药学类', '520301', '药学'],
      ['6', '制药与生物工程学院', '食品药品与粮食大类－药品与医疗器械类', '490201', '药品生产技术'],
      ['7', '机械工程学院', '装备制造大类-机械设计制造类', '460102', '数字化设计与制造技术（2024 年新增）'],
    ]);
  });

  it('drops the header when it is printed again after a page break inside the table', () => {
    const rebuilt = rowsFromLines([
      '序号 产业学院名称 合作园区/企业',
      '1 无机硅化物产业学院 株洲兴隆新材料股份有限公司',
      '2 新材料工程产业学院 株洲中车天力锻业有限公司',
      '序号 产业学院名称 合作园区/企业',
      '3 先进高分子新材料产业学院 株洲渌口经济开发区',
    ]);
    expect(rebuilt?.rows).toEqual([
      ['1', '无机硅化物产业学院', '株洲兴隆新材料股份有限公司'],
      ['2', '新材料工程产业学院', '株洲中车天力锻业有限公司'],
      ['3', '先进高分子新材料产业学院', '株洲渌口经济开发区'],
    ]);
  });

  it('keeps the number spacing of the text layer inside a cell when a line has more words than columns', () => {
    const rebuilt = rowsFromLines([
      '赛事名称（级别） 获奖等级 获奖数量',
      '2024 年全国大学生跆拳道锦标赛（国家级） 冠军 1',
      '2024 湖南省大学生篮球联赛高职高专组男子乙组 亚军 1',
      '2024 年湖南省田径锦标赛高职高专组 前八名 5',
    ]);
    expect(rebuilt?.rows).toEqual([
      ['2024 年全国大学生跆拳道锦标赛（国家级）', '冠军', '1'],
      ['2024 湖南省大学生篮球联赛高职高专组男子乙组', '亚军', '1'],
      ['2024 年湖南省田径锦标赛高职高专组', '前八名', '5'],
    ]);
  });

  it('reads header cells such as "12 周" as one column each when the header carries number spacing', () => {
    const rebuilt = rowsFromLines([
      '序号 部门 12 周 13 周 汇总',
      '1 教务处 33 34 67',
      '2',
      '制药与生物',
      '工程学院',
      '12 12 24',
    ]);
    expect(rebuilt?.header).toEqual(['序号', '部门', '12 周', '13 周', '汇总']);
    expect(rebuilt?.rows).toEqual([
      ['1', '教务处', '33', '34', '67'],
      ['2', '制药与生物工程学院', '12', '12', '24'],
    ]);
  });

  it('follows the serial numbers across a gap the report left in its own numbering', () => {
    const rebuilt = rowsFromLines([
      '序号 赛项名称 奖项 参赛教师 级别',
      '1 英语口语 一等奖 周娜 省级',
      '2',
      '2024 年“楚怡杯”湖南省技能竞赛英语口语',
      '赛项',
      '三等奖 周娜 省级',
      '8',
      '2024 年“楚怡杯”湖南省技能竞赛数控多轴',
      '加工技术赛项',
      '三等奖 肖芝 省级',
    ]);
    expect(rebuilt?.rows).toEqual([
      ['1', '英语口语', '一等奖', '周娜', '省级'],
      ['2', '2024 年“楚怡杯”湖南省技能竞赛英语口语赛项', '三等奖', '周娜', '省级'],
      ['8', '2024 年“楚怡杯”湖南省技能竞赛数控多轴加工技术赛项', '三等奖', '肖芝', '省级'],
    ]);
  });

  it('rebuilds an unnumbered table whose last header cell wrapped onto lines of its own', () => {
    const rebuilt = rowsFromLines([
      '专业群名称 核心专业 对接的区域产业',
      '包含专业',
      '数量（个）',
      '应用化工技术专业群 应用化工技术',
      '现代石化产业、',
      '化工新材料',
      '5',
      '药品生产技术专业群 药品生产技术 大健康、医药制造业 5',
      '化工装备技术专业群 化工装备技术 现代石化、工程机械 4',
    ]);
    expect(rebuilt).toEqual({
      header: ['专业群名称', '核心专业', '对接的区域产业', '包含专业数量（个）'],
      rows: [
        ['应用化工技术专业群', '应用化工技术', '现代石化产业、化工新材料', '5'],
        ['药品生产技术专业群', '药品生产技术', '大健康、医药制造业', '5'],
        ['化工装备技术专业群', '化工装备技术', '现代石化、工程机械', '4'],
      ],
    });
  });

  it('repeats a vertically merged cell on the rows under it when the text layer printed it once', () => {
    const rebuilt = rowsFromLines([
      '序号 项目 合作学校名称 合作专业名称',
      '1 楚怡工匠计划 湖南工业大学 化学工程与工艺',
      '2',
      '中高职合作举办',
      '五年制高职',
      '永顺县职业技术教育中心 电子商务',
      '3 安仁县职业中等专业学校 计算机应用技术',
    ]);
    expect(rebuilt?.rows).toEqual([
      ['1', '楚怡工匠计划', '湖南工业大学', '化学工程与工艺'],
      ['2', '中高职合作举办五年制高职', '永顺县职业技术教育中心', '电子商务'],
      ['3', '中高职合作举办五年制高职', '安仁县职业中等专业学校', '计算机应用技术'],
    ]);
  });

  it('reads a wrapped cell that starts on the row’s top line after the serial number when pdf.js prints it so', () => {
    const rebuilt = rowsFromLines([
      '序号 赛项名称 奖项 参赛教师 级别',
      '1 2024 年全国高职高专院校思想政治理论课第二场“萌新',
      '磨课、骨干练兵”赛项“骨干练兵组”',
      '一等',
      '奖',
      '吴亚雄 国家级',
      '2 2024 年“楚怡杯”湖南省职业院校教师职业能力竞赛教',
      '学能力比赛',
      '一等',
      '奖',
      '穆炜炜、刘志芳、李雪琼、张慧 省级',
    ]);
    expect(rebuilt?.rows).toEqual([
      ['1', '2024 年全国高职高专院校思想政治理论课第二场“萌新磨课、骨干练兵”赛项“骨干练兵组”', '一等奖', '吴亚雄', '国家级'],
      ['2', '2024 年“楚怡杯”湖南省职业院校教师职业能力竞赛教学能力比赛', '一等奖', '穆炜炜、刘志芳、李雪琼、张慧', '省级'],
    ]);
  });

  it('returns null when the lines under a caption hold a single column of prose', () => {
    expect(rowsFromLines(['学校高度重视质量年报的编制工作', '各部门按时报送数据'])).toBeNull();
  });

  it('builds a captioned table from its printed lines with caption, source note and pages when there is no grid', () => {
    const { lines, blocks } = documentOf([
      ['1.1 产教融合', '表 2-1 产业学院一览表', '序号 产业学院名称 合作园区/企业', '1 无机硅化物产业学院 株洲兴隆新材料股份有限公司'],
      ['序号 产业学院名称 合作园区/企业', '2 新材料工程产业学院 株洲中车天力锻业有限公司', '数据来源：校企合作处'],
    ]);
    expect(buildTables({ lines, blocks, layout: null, bodySize: 0, language: 'zh' }).tables).toEqual([
      {
        id: '表 2-1',
        title: '产业学院一览表',
        page: 1,
        pages: [1, 2],
        header: ['序号', '产业学院名称', '合作园区/企业'],
        rows: [
          ['1', '无机硅化物产业学院', '株洲兴隆新材料股份有限公司'],
          ['2', '新材料工程产业学院', '株洲中车天力锻业有限公司'],
        ],
        sourceNote: '数据来源：校企合作处',
        section: { id: '表 2-1', path: ['1.1 产教融合', '表 2-1 产业学院一览表'] },
      },
    ]);
  });
});
