/**
 * Numbers and dates as Chinese official documents write them: article and item numbers in Chinese numerals
 * (第五十六条, （九）), yuan amounts in capital numerals (贰拾万元整) beside the figures, dates in Arabic numerals in
 * full (2022年5月27日, GB/T 9704-2012 7.3.5.3), and working days for the periods the procedure counts.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** Chinese numeral of a whole number below 100,000,000 as statutes write them: 10 → 十, 110 → 一百一十. */
export function chineseInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e8) throw new RangeError(`chineseInteger: ${n}`);
  if (n === 0) return DIGITS[0]!;
  const wan = Math.floor(n / 10_000);
  const rest = n % 10_000;
  if (wan === 0) return below10000(rest).replace(/^一十/u, '十');
  // 100,500 → 十万零五百: a zero is read where the thousands of the lower group are missing.
  const high = below10000(wan).replace(/^一十/u, '十') + '万';
  if (rest === 0) return high;
  return high + (rest < 1000 ? '零' : '') + below10000(rest);
}

/** 0 < n < 10,000 in full, with 一十 kept (the caller drops it at the start of a number): 110 → 一百一十. */
function below10000(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[digit]! + UNITS[place];
  }
  return out;
}

/** 第二十九条 */
export function articleLabel(n: number): string {
  return `第${chineseInteger(n)}条`;
}

/** 第一款 */
export function paragraphLabel(n: number): string {
  return `第${chineseInteger(n)}款`;
}

/** （九）: the item's own label as statutes print it. */
export function itemLabel(n: number): string {
  return `（${chineseInteger(n)}）`;
}
