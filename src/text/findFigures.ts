/**
 * Finds the figures printed in a stretch of report text, Chinese or English: a number with the
 * counting word or unit after it ("14 门", "47.15%", "5218.6 万元", "12.5 percent", "3 percentage
 * points"), a currency before it ("$1.2 billion", "RMB 300 million", "£2.3m"), a scale word
 * (万, 亿, thousand, million, billion) and the hedges around it ("近", "超", "余", "以上", "about",
 * "more than"). Dates, years, ordinals, outline numbers and references ("表 1-1", "Note 12", "Item 7",
 * "December 31") are not figures and are left in the text, where they read as part of a metric's
 * name ("2031届学员…", "持续开展 10 年以上的…").
 */

export interface FoundFigure {
  /** The number exactly as printed: "2,318,406", "4086.73". */
  value: string;
  /** Magnitude and counting word as printed, spaces dropped: "万元", "人次", "%", or "". */
  unit: string;
  /**
   * Hedges as printed: "近", "超", "余", "以上", "第" (rankings). One before and one after the number
   * are joined by "…" where the number stands: "达…多" for "达 4 万多人".
   */
  qualifier: string;
  /** Offsets into the searched text: the whole figure including its hedges… */
  start: number;
  end: number;
  /** …and the number alone, for locating the printed line. */
  valueStart: number;
  /** The currency printed before the number, as printed ("£", "US$", "RMB"), or "". */
  currency: string;
  /** The figure as printed, currency and hedges included: "$1.2 billion", "超 91%". */
  printed: string;
  /** What the printed figure stands for: its value with the scale applied, the scale, currency and unit. */
  normalized: NormalizedFigure;
}

export interface NormalizedFigure {
  /** 1.2e9 for "$1.2 billion", 5.2186e7 for "5218.6 万元", 47.15 for "47.15%"; negative for "-3.2%". */
  value: number;
  /** The multiplier printed with the number: 1e4 for 万, 1e9 for billion; 1 when none. */
  scale: number;
  /** "USD", "CNY", "GBP", "EUR", "AUD", "HKD"; "$" for a bare dollar sign, which many countries print; "" when none. */
  currency: string;
  /** "%" for per cent, "pp" for percentage points, "bp" for basis points, "元" for money in yuan, the counting word ("人次") otherwise, "" for none. */
  unit: string;
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

/** Units of English text: per cent, percentage points and basis points. */
const ENGLISH_UNITS = ['percentage points', 'percentage point', 'basis points', 'basis point', 'per cent', 'percent', 'bps', 'pp', 'cents', 'cent', 'pence'];

/** Hedges printed before the number; longest first so "超过" is not read as "超". */
const BEFORE_HEDGES = [
  '超过', '超出', '将近', '接近', '多达', '高达', '达到', '不少于', '不低于', '不足', '不到', '约为', '大约', '超', '近', '约', '逾', '达', '第',
  'approximately', 'about', 'around', 'nearly', 'almost', 'over', 'more than', 'less than', 'up to', 'at least',
];
const MAGNITUDES = ['千万', '百万', '万', '亿'];
/** English scale words; the short forms ("m", "bn", "k") only right after a currency amount ("£2.3m"), where they cannot be metres. */
const SCALE_WORDS = ['trillion', 'billion', 'million', 'thousand'];
const SHORT_SCALES = ['bn', 'mn', 'm', 'k'];
const CURRENCY_SIGNS = ['US$', 'A$', 'HK$', 'RMB', 'USD', 'EUR', 'GBP', 'AUD', 'CNY', 'HKD', '$', '£', '€', '¥', '￥'];
const AFTER_HEDGES = ['以上', '以下', '以内', '左右'];
/** "3,400-plus weavers", "10,000+ customers": English hedges pressed against the number after it (a "+" before a digit is a sum). */
const EN_AFTER_HEDGE = String.raw`-plus(?![A-Za-z])|\+(?![0-9０-９])`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const UNIT = `${alternation(HAN_UNITS)}|${alternation(SYMBOL_UNITS)}|(?:${alternation(ENGLISH_UNITS)}|${alternation(LATIN_UNITS)})(?![A-Za-z])`;
// Full-width digits and points are kept as printed; consumers compare through NFKC.
const DIGIT = '[0-9０-９]';
const NUMBER = `${DIGIT}{1,3}(?:,${DIGIT}{3})+(?:[.．]${DIGIT}+)?|${DIGIT}+(?:[.．]${DIGIT}+)?`;

const FIGURE = new RegExp(
  `(?:(${alternation(BEFORE_HEDGES)})\\s*)?(?:(${alternation(CURRENCY_SIGNS)})\\s?)?([-−](?=${DIGIT}))?(?<![0-9０-９.．,])(${NUMBER})` +
    `(?:\\s*(余|多))?(?:\\s*(${alternation(MAGNITUDES)}|(?:${alternation(SCALE_WORDS)})(?![A-Za-z])|(?<=${DIGIT})(?:${alternation(SHORT_SCALES)})(?![A-Za-z])))?` +
    `(?:\\s*(余|多))?(?:\\s*(${UNIT}))?(?:\\s*(${alternation(AFTER_HEDGES)})|(${EN_AFTER_HEDGE}))?`,
  'gu',
);

/** A number touching these is part of a code, range, formula or version: "4×4", "3+2", "2022-2024", "V3.6", "1.1.1". */
const JOINED_BEFORE = /[+×*/\-－—–~～#＃_.．]$/u;
/** A letter right against the number ("V3", "CO2"): a code. After a space a word only leads up to it ("revenue of 1,234"). */
const LETTER_AGAINST = /[A-Za-z]$/u;
const JOINED_AFTER = /^[+×*/\-－—–~～:：#＃_]|^[.．][0-9０-９]/u;
/** Labels whose numbers are references, not quantities ("如图 3 所示" is not 3 所; "Note 12", "Item 7", a day after its month). */
const LABEL_BEFORE =
  /(?:表|图|附件|编号|序号|令|\b(?:No\.?|Nos?\.|Notes?|Items?|Part|Section|Sections|Page|Pages|pp?\.|Table|Figure|Fig\.|Exhibit|Schedule|Appendix|Chapter|Rule|Article|Form|Level|Tier|Phase|Class|Series)|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)$/iu;
/** Labels that are also ordinary words ("思政案例16个"): a reference only when no unit follows. */
const BARE_LABEL_BEFORE = /(案例|附录|章|节)$/u;
/** Where a bare number (no unit printed) may end: "入职起薪 6180；", "revenue of 1,234." — or, in English, before the noun it counts ("1,234 employees"). */
const BARE_END = /^(?:[，。；、,;！？!?)）]|\.(?![0-9])|$)/u;
const COUNTED_NOUN = /^[a-z]/u;
/**
 * A row of a table read as text prints its columns' amounts side by side ("Glimmer surplus for the
 * year 31,204 28,775"): a number in thousands groups or with decimals, followed by another amount, is
 * a figure. (A plain small number before an amount stays out: it is a note reference, "Levy 5 1,204".)
 */
const NEXT_COLUMN = /^\(?[-−]?[$£€¥￥]?[0-9０-９]/u;
/**
 * The last two amounts of a row, a year and its comparative, each a plain number ("Kiln fees 31 27",
 * "Glaze differences 418 (73)"): a table in thousands prints small amounts so. A note reference
 * stands before amounts of another form ("Levy 5 1,204") or before two of them ("Levy 5 31 27").
 */
const LAST_PLAIN_COLUMN = /^\(?[-−]?[0-9０-９]+\)?[ \t]*(?:\n|$)/u;
const RANKING_UNITS = new Set(['位', '名']);

/** Where a list item or footnote may open: the start of the text, or after a sentence, a clause or a line ends. */
const ITEM_OPENS = /(?:^|[.。!?！？:：;；\n])\s*$/u;

/** Where an item of a list run into a sentence may open: after a comma or a joining "and" / "or". */
const RUN_IN_ITEM_OPENS = /(?:,|\b(?:and|or))\s*$/u;

/**
 * A small whole number in brackets, or before a closing bracket, that opens a sentence and is followed
 * by words ("(1) Cash flows from…", "（2）学生…", "3) Fees…") numbers a list item or a footnote: it
 * counts nothing. So does one in both brackets that opens an item of a list run into the sentence
 * ("that (1) the report complies… and (2) the information…"). An amount in brackets stands after its
 * label ("Loss (1,577)"), never first.
 */
function opensListItem(against: string, value: string, after: string): boolean {
  if (!/^[0-9０-９]{1,2}$/u.test(value) || !/^[)）]\s*[\p{L}]/u.test(after)) return false;
  const bracketed = /[(（]$/u.test(against);
  const before = against.replace(/[(（]$/u, '');
  return ITEM_OPENS.test(before) || (bracketed && RUN_IN_ITEM_OPENS.test(before));
}

function isYearLike(value: string): boolean {
  const digits = value.normalize('NFKC');
  if (!/^\d{4}$/u.test(digits)) return false;
  const n = Number(digits);
  return n >= 1900 && n <= 2100;
}

export function findFigures(text: string): FoundFigure[] {
  const figures: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, hedge = '', currency = '', sign = '', value = '', mid1, magnitude = '', mid2, unitWord = '', zhAfter = '', enAfter = ''] = m;
    const after = zhAfter || enAfter;
    const start = m.index;
    const valueStart = start + whole.indexOf(value, hedge.length + currency.length + sign.length);
    const valueEnd = valueStart + value.length;
    const leadStart = hedge ? start : currency ? start + whole.indexOf(currency, hedge.length) : valueStart - sign.length;

    const against = text.slice(0, leadStart);
    const textBefore = against.replace(/\s+$/u, '');
    if (LETTER_AGAINST.test(against) || (!sign && JOINED_BEFORE.test(textBefore)) || LABEL_BEFORE.test(textBefore)) continue;
    // A hedge word must start a word of its own ("about", not "roundabout").
    if (/^[A-Za-z]/u.test(hedge) && /[A-Za-z]$/u.test(against)) continue;
    // A minus sign is one only where no number or word runs into it ("2022-2024" is a range).
    if (sign && /[0-9０-９A-Za-z]$/u.test(against)) continue;
    const tail = text.slice(valueEnd).replace(/^\s+/u, '');
    // "2318406GB" is a Latin unit, not a code like "3D".
    const latinUnitNext = (unitWord !== '' || magnitude !== '') && /^[A-Za-z]/u.test(tail) && (tail.startsWith(unitWord) || tail.startsWith(magnitude));
    // Letters right against the number make a code ("3D", "5G"); after a space they are the next word.
    const letterAgainst = /^[A-Za-z]/u.test(text.slice(valueEnd));
    if (!latinUnitNext && !enAfter && (JOINED_AFTER.test(tail) || letterAgainst)) continue;
    // A number in brackets pressed against a reference is its subdivision ("Item 15(a)(3)", "12(b)");
    // an amount in brackets stands apart ("(412)", "expenses (1,204)").
    if (/[A-Za-z0-9)]\($/u.test(against) && /^\)/u.test(text.slice(valueEnd))) continue;

    if (!currency && !sign && !hedge && opensListItem(against, value, text.slice(valueEnd))) continue;

    const unit = magnitude + (magnitude && /^[A-Za-z]/u.test(unitWord) ? ' ' : '') + unitWord;
    let end = start + whole.length;
    let middle = [mid1, mid2].filter((s): s is string => Boolean(s)).join('');
    if (unit === '' && currency === '') {
      // "余"/"多" only hedge a counted amount; without a unit they begin the next word ("多元化").
      if (middle) {
        middle = '';
        end = valueEnd;
      }
      if (zhAfter || BARE_LABEL_BEFORE.test(textBefore)) continue;
      // (After an English hedge, what follows the hedge: "3,400-plus weavers".)
      const next = enAfter ? text.slice(end).replace(/^\s+/u, '') : tail;
      const nextColumn = NEXT_COLUMN.test(next) && (/[,.．]/u.test(value) || LAST_PLAIN_COLUMN.test(next));
      if (!BARE_END.test(next) && !COUNTED_NOUN.test(next) && !nextColumn) continue;
      // A long bare number is a code or phone number, unless printed in thousands groups ("42,000,000").
      const grouped = /,/u.test(value);
      if (isYearLike(value) || (!grouped && value.normalize('NFKC').replace(/\D/gu, '').length > 7)) continue;
    }

    if (hedge === '第' && !RANKING_UNITS.has(unitWord)) continue;
    // "5 多元化": the word 多元化, not "more than 5 yuan".
    if (middle === '多' && unitWord === '元' && text[end] === '化') continue;

    // Hedges on both sides keep their places: "多达 20 余次" → "多达…余".
    const leading = hedge.replace(/为$/u, '');
    const trailing = middle + after;
    const qualifier = leading && trailing ? `${leading}…${trailing}` : leading || trailing;
    const printed = text.slice(start, end).trim();
    figures.push({ value: sign + value, unit, qualifier, currency, start, end, valueStart: valueStart - sign.length, printed, normalized: normalize(sign + value, currency, magnitude, unitWord) });
  }
  return figures;
}

const SCALE_FACTOR: Record<string, number> = {
  千万: 1e7, 百万: 1e6, 万: 1e4, 亿: 1e8, trillion: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3,
};
const CURRENCY_CODE: Record<string, string> = {
  US$: 'USD', USD: 'USD', A$: 'AUD', AUD: 'AUD', HK$: 'HKD', HKD: 'HKD', RMB: 'CNY', CNY: 'CNY', '¥': 'CNY', '￥': 'CNY', '£': 'GBP', GBP: 'GBP', '€': 'EUR', EUR: 'EUR', $: '$',
};

function normalize(value: string, currency: string, magnitude: string, unitWord: string): NormalizedFigure {
  const scale = SCALE_FACTOR[magnitude.toLowerCase()] ?? 1;
  const number = Number(value.normalize('NFKC').replace(/[−]/gu, '-').replace(/,/gu, ''));
  const word = unitWord.toLowerCase();
  let unit = unitWord;
  let code = CURRENCY_CODE[currency] ?? '';
  if (/^(?:%|％|percent|per cent)$/u.test(word)) unit = '%';
  else if (/^(?:percentage points?|pp|个百分点|百分点)$/u.test(word)) unit = 'pp';
  else if (/^(?:basis points?|bps)$/u.test(word)) unit = 'bp';
  else if (word === '元') {
    code ||= 'CNY';
    unit = '元';
  } else if (word === '美元') {
    code = 'USD';
    unit = '';
  } else if (word === 'cents' || word === 'cent' || word === 'pence') {
    // Money in hundredths: pence are sterling's, cents those of whichever dollar (or euro) the report counts in.
    return { value: number / 100, scale: 0.01, currency: word === 'pence' ? 'GBP' : code || '$', unit: '' };
  }
  // A percentage is a ratio: a scale word before it does not multiply it.
  const scaled = unit === '%' || unit === 'pp' || unit === 'bp' ? number : number * scale;
  return { value: scaled, scale, currency: code, unit };
}
