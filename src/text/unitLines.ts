/**
 * The unit a table's amounts are printed in, as reports state it: a unit line above the table
 * ("单位：元", "单位：万元 币种：人民币", "(in thousands, except per share data)", "(amounts in
 * thousands)", "$'000", "RMB'000", "US$ million"), or a unit in a header or label ("金额（万元）",
 * "Revenue ($m)"). Generic printing conventions of financial tables, in both languages.
 */

export interface TableUnit {
  /** As printed: "单位：万元 币种：人民币", "(in thousands, except per share data)". */
  printed: string;
  /** Normalised unit of the amounts: "元", "万元", "USD thousand", "" when only a scale is given. */
  unit: string;
  currency: string;
  /** Multiplier of the printed numbers: 1e4 for 万元, 1e3 for "in thousands". */
  factor: number;
}

const CN_UNIT = /单位\s*[:：]\s*(人民币)?\s*(千元|万元|百万元|亿元|元)/u;
const CN_CURRENCY = /币种\s*[:：]\s*(人民币|美元|港币|港元|欧元|英镑)/u;
const CN_IN_LABEL = /[（(]\s*(?:单位\s*[:：]\s*)?(人民币)?\s*(千元|万元|百万元|亿元|元)\s*[）)]/u;
const EN_SCALE = /\b(?:in|amounts? in|expressed in|stated in)\s+(?:(US|U\.S\.|Australian|Canadian|Hong Kong|HK)\s*)?(?:dollars?\s+in\s+)?(thousands|millions|billions)\b/iu;
const EN_CURRENCY_WORD = /\b(US\s*dollars?|U\.S\.\s*dollars?|dollars?|euros?|pounds?\s*sterling|pounds?|Australian dollars?|AUD|USD|GBP|EUR|RMB|CNY)\b/iu;
const THOUSANDS_MARK = /(?:^|[\s(])(US\$|A\$|HK\$|\$|£|€|RMB|USD|AUD|GBP|EUR)\s*['’‘′]?\s*000(?![0-9]|,\d)/u;
const MILLIONS_MARK = /(?:^|[\s(])(US\$|A\$|HK\$|\$|£|€|RMB|USD|AUD|GBP|EUR)\s*(m|mn|million|millions|bn|billion|billions)\b/iu;

const CURRENCY_TITLE = /(?:^|\s|\d)(US\$|A\$|HK\$|\$|£|€|RMB|USD|AUD|GBP|EUR)\s*$/u;

const CN_FACTOR: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8 };

/** The unit's currency as written in a unit name: its code, or "$" for a dollar of no stated country. */
function currencyName(word: string | undefined): string {
  const code = currencyCode(word);
  return code === '' && word !== undefined && /^\s*(?:\$|dollars?)\s*$/iu.test(word) ? '$' : code;
}

function currencyCode(word: string | undefined): string {
  if (!word) return '';
  const w = word.toLowerCase().replace(/\s+/gu, '');
  if (/^(us\$|usd|u\.s\.|us|usdollars?|u\.s\.dollars?)$/u.test(w)) return 'USD';
  if (/^(a\$|aud|australian(dollars?)?)$/u.test(w)) return 'AUD';
  if (/^(hk\$|hkd|hongkong|hk)$/u.test(w)) return 'HKD';
  if (/^(£|gbp|pounds?(sterling)?)$/u.test(w)) return 'GBP';
  if (/^(€|eur|euros?)$/u.test(w)) return 'EUR';
  if (/^(rmb|cny|人民币)$/u.test(w)) return 'CNY';
  if (w === '美元') return 'USD';
  // A bare "$" or "dollars" is printed by US, Australian, Canadian, Singapore… reports alike: no code is guessed.
  if (w === '港币' || w === '港元') return 'HKD';
  if (w === '欧元') return 'EUR';
  if (w === '英镑') return 'GBP';
  return '';
}

/** A unit stated by a line of its own (the line above a table, or its note). */
export function unitLine(text: string): TableUnit | null {
  const printed = text.trim();
  const cn = CN_UNIT.exec(printed);
  if (cn?.[2]) {
    const currency = currencyCode(CN_CURRENCY.exec(printed)?.[1] ?? cn[1] ?? '人民币');
    return { printed, unit: cn[2], currency, factor: CN_FACTOR[cn[2]] ?? 1 };
  }
  // The English forms are short parenthesised or bare notes; a sentence that mentions thousands is not one.
  if (printed.length > 90) return null;
  const thousands = THOUSANDS_MARK.exec(printed);
  if (thousands) return { printed, unit: `${currencyName(thousands[1])} thousand`.trim(), currency: currencyCode(thousands[1]), factor: 1e3 };
  const millions = MILLIONS_MARK.exec(printed);
  if (millions?.[2]) {
    const factor = /^b/iu.test(millions[2]) ? 1e9 : 1e6;
    return { printed, unit: `${currencyName(millions[1])} ${factor === 1e9 ? 'billion' : 'million'}`.trim(), currency: currencyCode(millions[1]), factor };
  }
  const en = EN_SCALE.exec(printed);
  if (en?.[2] && (/^\(/u.test(printed) || /^(?:amounts?|all amounts|figures)\b/iu.test(printed) || printed.length <= 60)) {
    const factor = /^b/iu.test(en[2]) ? 1e9 : /^m/iu.test(en[2]) ? 1e6 : 1e3;
    const currency = en[1] ?? EN_CURRENCY_WORD.exec(printed)?.[1];
    const word = factor === 1e9 ? 'billion' : factor === 1e6 ? 'million' : 'thousand';
    return { printed, unit: `${currencyName(currency)} ${word}`.trim(), currency: currencyCode(currency), factor };
  }
  return null;
}

/** A unit printed inside a header cell or a row label: "金额（万元）", "运维收入（元）", "Revenue ($'000)". */
export function unitInLabel(text: string): TableUnit | null {
  const cn = CN_IN_LABEL.exec(text);
  if (cn?.[2]) return { printed: cn[0], unit: cn[2], currency: currencyCode(cn[1] ?? '人民币'), factor: CN_FACTOR[cn[2]] ?? 1 };
  const thousands = THOUSANDS_MARK.exec(text);
  if (thousands) return { printed: thousands[0].trim(), unit: `${currencyName(thousands[1])} thousand`.trim(), currency: currencyCode(thousands[1]), factor: 1e3 };
  const millions = MILLIONS_MARK.exec(text);
  if (millions?.[2]) {
    const factor = /^b/iu.test(millions[2]) ? 1e9 : 1e6;
    return { printed: millions[0].trim(), unit: `${currencyName(millions[1])} ${factor === 1e9 ? 'billion' : 'million'}`.trim(), currency: currencyCode(millions[1]), factor };
  }
  // A column titled by its currency alone ("2022 $", "RMB", "人民币元"): amounts in whole units.
  const sign = CURRENCY_TITLE.exec(text);
  if (sign?.[1]) return { printed: sign[1], unit: currencyName(sign[1]) || sign[1], currency: currencyCode(sign[1]), factor: 1 };
  return null;
}
