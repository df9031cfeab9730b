/**
 * Builds a metric's name from the report's own words on either side of its figure. Words before the
 * figure usually name it outright ("实训工位数 1260 个"); words after it inside the clause are
 * the counted thing when the words before end in a verb ("投入近 4200 万元建设了云端实训平台", "共有 76
 * 个站点"), so they join with "…" where the figure stood — the convention of quoted wording.
 * Nothing is reworded and characters stay as printed (full-width brackets included): only the pdf's
 * spaces next to Han text, and connectives, dates and dangling punctuation at the edges, are dropped.
 */

// The pdf text layer spaces numbers and Latin words off from Han text ("2024 年", "AI 数字教室");
// readers do not see those spaces. Spaces between two Latin words stay.
const PDF_SPACE = /\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/gu;

function dropPdfSpaces(text: string): string {
  return text.replace(PDF_SPACE, '').replace(/\s+/gu, ' ');
}

/** Words that join a clause to the one before and say nothing about what is measured. */
const LEADING_CONNECTIVE = /^(?:其中|并且|并|以及|及|和|此外|另外|包括|首先|其次|再次|最后|而且|从而|进而|分别|[一二三四五六七八九十]+是|是|又|还|也)/u;
/** A before-part made only of these is no name at all ("共 1385 天", "其中 5 项"). */
const ONLY_CONNECTIVES = /^(?:共计|共有|合计|总计|累计|共|计|有|约|为|是|达到|达|其中|包括|并|和|及|以及|另有|另|分别|各|均|、)*$/u;
/** When something happened is not what was measured: "2031 年学校新增…" names the same metric as next year's. */
const LEADING_TIME =
  /^(?:[0-9０-９]{4}年(?:上半年|下半年|度|暑期|寒假)?|[0-9０-９]{4}学年|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:[至到](?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日)?|[0-9０-９]{1,2}日|今年|本年度|同年)/u;
/** Copulas between a name and its figure: "年度图书采购经费为 386.25 万元". */
/** A list item's or footnote's number that opens the words ("(1) ", "（2）", "3）"): it names nothing (findFigures reads it as no figure). */
const LEADING_ITEM_NUMBER = /^[（(]?[0-9０-９]{1,2}[)）]\s*/u;
const TRAILING_COPULA = /(?:分别为|均为|约为|即为|为|是|均在|保持在|稳定在|维持在|就|已|都)$/u;
const EDGE_PUNCT_START = /^[\s、，,：:；;）)】」’”·—\-－]+/u;
const EDGE_PUNCT_END = /[\s、，,：:；;（(【「‘“·—\-－]+$/u;
/** After the figure, the counted thing ends where a list or an aside begins. */
const AFTER_STOP = /、|以及|及|并|（|\(/u;
const AFTER_MAX = 20;
/**
 * Long prose before a figure ("与远山科技股份有限公司、…等 16 家企业") would match every query;
 * metric-list names run to about 30 characters, so longer ones are cut to their nearest part.
 */
const BEFORE_MAX = 36;
const CUT_AFTER = new Set(['、', '的', '等', '和', '与', '及', '在', '对', '将', '向', '把']);

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['（', '）'],
  ['(', ')'],
  ['《', '》'],
  ['【', '】'],
  ['‘', '’'],
];

/** Drops an opening mark whose closing one lies beyond the name, and the reverse. */
function balance(name: string): string {
  let out = name;
  for (const [open, close] of PAIRS) {
    const opens = out.split(open).length - 1;
    const closes = out.split(close).length - 1;
    if (opens > closes) {
      const at = out.lastIndexOf(open);
      // A dangling "（" near the end cuts off its unprinted remainder; one early on is just dropped.
      out = at >= out.length / 2 ? out.slice(0, at) : out.slice(0, at) + out.slice(at + 1);
    } else if (closes > opens) {
      const at = out.indexOf(close);
      out = at <= out.length / 2 ? out.slice(at + 1) : out.slice(0, at) + out.slice(at + 1);
    }
  }
  return out;
}

function edges(text: string): string {
  return text.replace(EDGE_PUNCT_START, '').replace(EDGE_PUNCT_END, '');
}

function shorten(name: string): string {
  if (name.length <= BEFORE_MAX) return name;
  // An aside in brackets is the first thing a reader would skip.
  let out = name;
  for (let prev = ''; out.length > BEFORE_MAX && prev !== out; ) {
    prev = out;
    out = out.replace(/[（(][^（()）]*[）)]$/u, '');
  }
  if (out.length <= BEFORE_MAX) return out;
  let cut = 0;
  for (let p = 1; p < out.length - 5; p += 1) {
    if (!CUT_AFTER.has(out[p - 1] ?? '')) continue;
    cut = p;
    if (out.length - p <= BEFORE_MAX) break;
  }
  // With no word boundary to cut at, a long name beats a name that starts mid-word.
  return out.slice(cut);
}

/** The words before a figure, cleaned to a name: "" when they are only connectives or a date. */
export function nameBefore(raw: string): string {
  let name = edges(dropPdfSpaces(raw));
  if (ONLY_CONNECTIVES.test(name)) return '';
  for (let changed = true; changed; ) {
    const next = edges(name.replace(LEADING_ITEM_NUMBER, '').replace(LEADING_TIME, '').replace(LEADING_CONNECTIVE, ''));
    changed = next !== name && next.length > 0;
    if (changed) name = next;
  }
  name = edges(name.replace(TRAILING_COPULA, ''));
  name = edges(balance(shorten(name)));
  return ONLY_CONNECTIVES.test(name) ? '' : name;
}

/** The words after a figure that say what was counted: up to the next list item, kept short. */
export function nameAfter(raw: string): string {
  let text = edges(dropPdfSpaces(raw)).replace(/^(?:为|是)/u, '');
  const stop = AFTER_STOP.exec(text);
  if (stop) text = text.slice(0, stop.index);
  // "5 支参赛队伍的现场展示…": what was counted ends at its first "的" ("…的行业专家库" keeps it).
  const of = text.indexOf('的', 1);
  if (of > 0) text = text.slice(0, of);
  if (text.length > AFTER_MAX) {
    // Cut long words-after at their last joint inside the limit rather than mid-word.
    const head = text.slice(0, AFTER_MAX);
    const joint = Math.max(...['和', '与', '或', '并'].map((w) => head.lastIndexOf(w)));
    text = joint >= AFTER_MAX / 2 ? head.slice(0, joint) : head;
  }
  text = edges(balance(text)).replace(/[和或的]$/u, '');
  return ONLY_CONNECTIVES.test(text) ? '' : text;
}

/**
 * Text between two figures of one clause serves both: "…122 间教室和 129 间实训室…" gives "教室" to
 * the first and nothing of its own to the second; without a list word it is shared.
 */
export function splitBetween(raw: string): { after: string; before: string } {
  const m = /、|以及|及|和/u.exec(raw);
  if (!m) return { after: raw, before: raw };
  return { after: raw.slice(0, m.index), before: raw.slice(m.index + m[0].length) };
}

/** "共计" when the words before a figure say only that it is a total ("…1 本，共计 15 本"). */
export function totalWord(raw: string): string | null {
  const word = dropPdfSpaces(raw).replace(/^[，,、：:\s]+/u, '').trim();
  return /^(?:共计|合计|总计|共)$/u.test(word) ? word : null;
}

export function metricName(before: string, after: string): string {
  if (before && after) return `${before}…${after}`;
  return before || after;
}
