/**
 * Amounts as reports print them, in Chinese and English: thousands separators, parenthesised or
 * signed negatives, dashes for "nil", currency signs and codes, scale words (thousand, million,
 * billion, 千, 万, 百万, 亿), percentages and percentage points. The printed form is always kept; the
 * normalised value is what lets two figures be compared or computed with.
 */

export interface Scale {
  /** The multiplier the printed number stands for: 1, 1e3, 1e4, 1e6, 1e8, 1e9. */
  factor: number;
  /** As printed: "万", "million", "'000", "". */
  word: string;
}

export interface Amount {
  /** The cell or figure exactly as printed. */
  printed: string;
  /** The number as printed, without currency, sign words or scale: "1,234.5". Null for "—" (nil). */
  number: string | null;
  /** Signed value of the printed number alone (no scale applied): -1577 for "(1,577)". */
  value: number | null;
  negative: boolean;
  /** ISO-like code when a currency is printed with it ("USD", "CNY", "GBP", "EUR", "AUD", "HKD"), else "". */
  currency: string;
  /** "%" for percentages, "pp" for percentage points, "" otherwise. */
  unit: string;
  /** A scale printed with the amount itself ("$1.2 billion", "3.5 亿"); the table's unit line adds its own. */
  scale: Scale;
  /** The cell says "nothing" ("—", "-", "–", "nil", "n/a"). */
  nil: boolean;
}

const NIL = /^(?:[—–\-−_]+|nil|n\/a|n\.a\.|none|无|不适用)$/iu;

const CURRENCIES: Array<[RegExp, string]> = [
  [/^(?:US\$|USD|U\.S\.\$)/u, 'USD'],
  [/^(?:HK\$|HKD)/u, 'HKD'],
  [/^(?:A\$|AU\$|AUD)/u, 'AUD'],
  [/^(?:RMB|CNY|人民币|￥|¥)/u, 'CNY'],
  [/^(?:£|GBP)/u, 'GBP'],
  [/^(?:€|EUR)/u, 'EUR'],
  [/^\$/u, 'USD'],
];

const SCALE_WORDS: Array<[RegExp, number]> = [
  [/^(?:billions?|bn|b)(?![a-z])/iu, 1e9],
  [/^(?:millions?|mn|m)(?![a-z])/iu, 1e6],
  [/^(?:thousands?|k|'000|’000)(?![a-z])/iu, 1e3],
  [/^(?:百万|百萬)/u, 1e6],
  [/^(?:千万|千萬)/u, 1e7],
  [/^(?:亿|億)/u, 1e8],
  [/^(?:万|萬)/u, 1e4],
  [/^千/u, 1e3],
];

const NUMBER = /^[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|^[0-9０-９]+(?:[.．][0-9０-９]+)?|^[.．][0-9０-９]+/u;

const ANY_DIGIT = /\p{N}/u;

/** Parses a whole cell or figure; null when it is not an amount (a name, a date, a code with letters). */
export function parseAmount(text: string): Amount | null {
  const printed = text.trim();
  if (printed === '') return null;
  const base: Omit<Amount, 'printed'> = {
    number: null,
    value: null,
    negative: false,
    currency: '',
    unit: '',
    scale: { factor: 1, word: '' },
    nil: false,
  };
  if (NIL.test(printed)) return { printed, ...base, nil: true };
  // Most cells a table pass asks about are words; without a digit of any kind (NFKC below turns only
  // numeric characters into digits) there is no amount, and the normalising is skipped.
  if (!ANY_DIGIT.test(printed)) return null;

  let rest = printed.normalize('NFKC').replace(/\s+/gu, ' ');
  let negative = false;
  let currency = '';
  // Parentheses around the whole amount mean negative: "(1,577)", "$(1,577)", "(12.5)%".
  const takeSign = () => {
    const sign = /^[-−–]\s*/u.exec(rest);
    if (sign) {
      negative = true;
      rest = rest.slice(sign[0].length);
    }
  };
  takeSign();
  for (const [pattern, code] of CURRENCIES) {
    const m = pattern.exec(rest);
    if (m) {
      currency = code;
      rest = rest.slice(m[0].length).trimStart();
      break;
    }
  }
  takeSign();
  let parenthesised = false;
  if (rest.startsWith('(') && /\)\s*%?$/u.test(rest)) {
    parenthesised = true;
    negative = true;
    rest = rest.slice(1).replace(/\)(\s*%?)$/u, '$1').trim();
    takeSign();
  }
  const number = NUMBER.exec(rest)?.[0];
  if (!number) return null;
  rest = rest.slice(number.length).trim();
  let scale: Scale = { factor: 1, word: '' };
  for (const [pattern, factor] of SCALE_WORDS) {
    const m = pattern.exec(rest);
    if (m) {
      scale = { factor, word: m[0] };
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  let unit = '';
  if (/^(?:%|％|percent|per cent)/iu.test(rest)) {
    unit = '%';
    rest = rest.replace(/^(?:%|％|percent|per cent)/iu, '').trim();
  } else if (/^(?:pp|ppt|percentage points?|个百分点|百分点)/iu.test(rest)) {
    unit = 'pp';
    rest = rest.replace(/^(?:pp|ppt|percentage points?|个百分点|百分点)/iu, '').trim();
  }
  if (currency === '' && /^(?:元|人民币|RMB)/u.test(rest)) {
    currency = 'CNY';
    rest = rest.replace(/^(?:元|人民币|RMB)/u, '').trim();
  }
  if (parenthesised && rest === ')') rest = '';
  // Anything else left over means this was not (only) an amount: "2019 年", "12 月 31 日", "Note 12".
  if (rest !== '') return null;
  const plain = number.normalize('NFKC').replace(/[,，]/gu, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  return { printed, number, value: negative ? -value : value, negative, currency, unit, scale, nil: false };
}

/** The value a printed amount stands for once scales are applied (its own, and a table's unit line). */
export function scaledValue(amount: Amount, tableScale = 1): number | null {
  if (amount.value === null) return null;
  return amount.unit === '%' || amount.unit === 'pp' ? amount.value : amount.value * amount.scale.factor * tableScale;
}

/** True for a number that reads as a calendar year (1900–2100), which headers and names print. */
export function isYearNumber(text: string): boolean {
  const t = text.trim().normalize('NFKC');
  if (!/^\d{4}$/u.test(t)) return false;
  const n = Number(t);
  return n >= 1900 && n <= 2100;
}
