import type { Evidence } from '../../../../src/answer/types.js';

/** Invented passages in the report's style: three sources, as retrieval would hand them over. */
export const EVIDENCE: Evidence[] = [
  {
    n: 1,
    report: 'demo-2024',
    year: 2024,
    section: '1.3.5',
    page: 12,
    text: '2024届毕业生3,215人，毕业去向落实率87%，较2021年提高2.5个百分点。',
  },
  {
    n: 2,
    report: 'demo-2024',
    year: 2024,
    section: '2.1',
    page: 20,
    text: '学校现有注册志愿者10750人，全年开展志愿服务856次，服务时长0.85万小时。',
  },
  {
    n: 3,
    report: 'demo-2024',
    year: 2024,
    section: '表 3-2',
    page: 33,
    text: '表 3-2 专业满意度（%）\n机电一体化技术 87.5\n应用化工技术 91',
  },
];
