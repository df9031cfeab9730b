/**
 * Finds the figures printed in a stretch of report text: a number with the counting word after it
 * ("11 门", "63.93%", "7132.8 万元") and the hedges around it ("近", "超", "余", "以上"). Dates, years,
 * ordinals, outline numbers and labels ("表 1-1") are not figures and are left in the text, where
 * they read as part of a metric's name ("2024届毕业生…", "持续开展 10 年以上的…").
 */

export interface FoundFigure {
  /** The number exactly as printed: "1,749,720", "12080.41". */
  value: string;
  /** Magnitude and counting word as printed, spaces dropped: "万元", "人次", "%", or "". */
  unit: string;
  /**
   * Hedges as printed: "近", "超", "余", "以上", "第" (rankings). One before and one after the number
   * are joined by "…" where the number stands: "达…多" for "达 3 万多人次".
   */
  qualifier: string;
  /** Offsets into the searched text: the whole figure including its hedges… */
  start: number;
  end: number;
  /** …and the number alone, for locating the printed line. */
  valueStart: number;
}

/**
 * Counting words of Chinese reports. A number followed by any other Han character is not a figure
 * ("2024 年", "12 月", "24级", "4大产业"): the year, date or label reading wins over a guess.
 * "年" is left out on purpose: in these reports "N 年" is nearly always a date or a span inside a name.
 */
const HAN_UNITS = [
  '人次', '人天', '人', '名', '位', '门', '个月', '个百分点', '百分点', '个', '项', '次', '场次', '场', '篇', '部', '本', '册',
  '家', '所', '间', '套', '台', '件', '份', '条', '组', '支', '批', '期', '户', '盏', '亩', '元', '美元', '天', '周年', '周',
  '小时', '学时', '课时', '学分', '分钟', '分', '岁', '倍', '公里', '千米', '厘米', '毫米', '平方米', '平方公里', '米', '吨',
  '千克', '公斤', '种', '大类', '类', '节', '处', '座', '栋', '辆', '台套', '块', '张', '幅', '首', '字', '班',
];
/** Latin units must end at a word boundary, or "3D" and "5G网络" would read as units. */
const LATIN_UNITS = ['GB', 'TB', 'MB', 'KB', 'km', 'kg', 'cm', 'mm', 'm²', 'm', 't'];
const SYMBOL_UNITS = ['%', '％', '‰', '㎡'];

/** Hedges printed before the number; longest first so "超过" is not read as "超". */
const BEFORE_HEDGES = ['超过', '超出', '将近', '接近', '多达', '高达', '达到', '不少于', '不低于', '不足', '不到', '约为', '大约', '超', '近', '约', '逾', '达', '第'];
const MAGNITUDES = ['千万', '百万', '万', '亿'];
const AFTER_HEDGES = ['以上', '以下', '以内', '左右'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const UNIT = `${alternation(HAN_UNITS)}|${alternation(SYMBOL_UNITS)}|(?:${alternation(LATIN_UNITS)})(?![A-Za-z])`;
// Full-width digits and points are kept as printed; consumers compare through NFKC.
const DIGIT = '[0-9０-９]';
const NUMBER = `${DIGIT}{1,3}(?:,${DIGIT}{3})+(?:[.．]${DIGIT}+)?|${DIGIT}+(?:[.．]${DIGIT}+)?`;

const FIGURE = new RegExp(
  `(?:(${alternation(BEFORE_HEDGES)})\\s*)?(?<![0-9０-９.．,])(${NUMBER})` +
    `(?:\\s*(余|多))?(?:\\s*(${alternation(MAGNITUDES)}))?(?:\\s*(余|多))?(?:\\s*(${UNIT}))?(?:\\s*(${alternation(AFTER_HEDGES)}))?`,
  'gu',
);

/** A number touching these is part of a code, range, formula or version: "4×4", "3+2", "2022-2024", "V3.6", "1.1.1". */
const JOINED_BEFORE = /[A-Za-z+×*/\-－—–~～#＃_.．]$/u;
const JOINED_AFTER = /^[A-Za-z+×*/\-－—–~～:：#＃_]|^[.．][0-9０-９]/u;
/** Labels whose numbers are references, not quantities ("如图 3 所示" is not 3 所). */
const LABEL_BEFORE = /(表|图|附件|编号|序号|No\.?|令)$/u;
/** Labels that are also ordinary words ("思政案例16个"): a reference only when no unit follows. */
const BARE_LABEL_BEFORE = /(案例|附录|章|节)$/u;
/** Where a bare number (no unit printed) may end: "就业起薪点 5260；". */
const BARE_END = /^(?:[，。；、,;！？!?]|$)/u;
const RANKING_UNITS = new Set(['位', '名']);

function isYearLike(value: string): boolean {
  const digits = value.normalize('NFKC');
  if (!/^\d{4}$/u.test(digits)) return false;
  const n = Number(digits);
  return n >= 1900 && n <= 2100;
}

export function findFigures(text: string): FoundFigure[] {
  const figures: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, hedge = '', value = '', mid1, magnitude = '', mid2, unitWord = '', after = ''] = m;
    const start = m.index;
    const valueStart = start + whole.indexOf(value, hedge.length);
    const valueEnd = valueStart + value.length;

    const textBefore = text.slice(0, hedge ? start : valueStart).replace(/\s+$/u, '');
    if (JOINED_BEFORE.test(textBefore) || LABEL_BEFORE.test(textBefore)) continue;
    const tail = text.slice(valueEnd).replace(/^\s+/u, '');
    // "1749720GB" is a Latin unit, not a code like "3D".
    const latinUnitNext = unitWord !== '' && /^[A-Za-z]/u.test(unitWord) && tail.startsWith(unitWord);
    if (!latinUnitNext && JOINED_AFTER.test(tail)) continue;

    const unit = magnitude + unitWord;
    let end = start + whole.length;
    let middle = [mid1, mid2].filter((s): s is string => Boolean(s)).join('');
    if (unit === '') {
      // "余"/"多" only hedge a counted amount; without a unit they begin the next word ("多元化").
      if (middle) {
        middle = '';
        end = valueEnd;
      }
      if (after || BARE_LABEL_BEFORE.test(textBefore)) continue;
      if (!BARE_END.test(tail)) continue;
      if (isYearLike(value) || value.normalize('NFKC').replace(/\D/gu, '').length > 7) continue;
    }

    if (hedge === '第' && !RANKING_UNITS.has(unitWord)) continue;
    // "5 多元化": the word 多元化, not "more than 5 yuan".
    if (middle === '多' && unitWord === '元' && text[end] === '化') continue;

    // Hedges on both sides keep their places: "多达 20 余次" → "多达…余".
    const leading = hedge.replace(/为$/u, '');
    const trailing = middle + after;
    const qualifier = leading && trailing ? `${leading}…${trailing}` : leading || trailing;
    figures.push({ value, unit, qualifier, start, end, valueStart });
  }
  return figures;
}
