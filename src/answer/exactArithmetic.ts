/**
 * Sums and differences of printed figures without floating-point error: "4086.73" + "0.26" is
 * "4086.99", never 4086.9900000000002. Values are scaled to integers by their longest decimal part.
 */

const NUMBER = /^-?\d+(?:\.\d+)?$/;

export function parsePrinted(value: string): string | null {
  const plain = value.normalize('NFKC').replace(/[,\s]/g, '');
  return NUMBER.test(plain) ? plain : null;
}

function scaleOf(values: string[]): number {
  return Math.max(0, ...values.map((v) => v.split('.')[1]?.length ?? 0));
}

function toScaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Exact sum of printed numbers; null when one of them is not a plain number. */
export function exactSum(values: string[]): string | null {
  const parsed = values.map(parsePrinted);
  if (parsed.some((v) => v === null)) return null;
  const numbers = parsed as string[];
  const scale = scaleOf(numbers);
  return fromScaled(numbers.reduce((sum, v) => sum + toScaled(v, scale), 0n), scale);
}

/** Exact `a - b`; null when either is not a plain number. */
export function exactDifference(a: string, b: string): string | null {
  const pa = parsePrinted(a);
  const pb = parsePrinted(b);
  if (pa === null || pb === null) return null;
  const scale = scaleOf([pa, pb]);
  return fromScaled(toScaled(pa, scale) - toScaled(pb, scale), scale);
}
