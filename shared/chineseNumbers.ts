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
  return groupOfFour(n, DIGITS, UNITS);
}

/**
 * One group of four digits in the given numerals, one 零 for a run of zeros inside it (一千零五, 壹仟零伍); the
 * statute numerals and the capital ones differ only in their characters.
 */
function groupOfFour(n: number, digits: readonly string[], units: readonly string[]): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[digit]! + units[place];
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

// ——— Yuan amounts in capital numerals (大写金额) ———
//
// The convention is the banking one (中国人民银行《正确填写票据和结算凭证的基本规定》), which penalty decisions follow:
// 壹拾 for a leading ten (壹拾万元整, never 拾万元整); 整 after 元 when there are no 角 and 分 (written after 角 too,
// which the rule allows); one 零 for a run of zeros inside the number; 零 after 元 when 角 is zero and 分 is not
// (叁佰贰拾伍元零肆分).

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const CAPITAL_UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** Yuan as whole fen, refusing amounts a decision cannot state (negative, below a fen, beyond 万亿). */
function toFen(yuan: number): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || yuan < 0 || Math.abs(fen - yuan * 100) > 1e-6 * Math.max(1, yuan) || fen >= 1e16) {
    throw new RangeError(`not a yuan amount to the fen: ${yuan}`);
  }
  return fen;
}

/** 200000 → 贰拾万元整; 1005 → 壹仟零伍元整; 180000.5 → 壹拾捌万元伍角整; 325.04 → 叁佰贰拾伍元零肆分. */
export function yuanCapital(yuan: number): string {
  const fen = toFen(yuan);
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = whole > 0 ? capitalInteger(whole) + '元' : '';
  if (jiao === 0 && cents === 0) return out + '整';
  if (jiao > 0) out += CAPITAL_DIGITS[jiao] + '角';
  else if (whole > 0) out += '零';
  if (cents > 0) return out + CAPITAL_DIGITS[cents] + '分';
  return out + '整';
}

function capitalInteger(n: number): string {
  // Groups of four digits from the lowest: 万, 亿. A zero is written between groups when the lower group lacks its
  // thousands (壹拾万零伍佰), and inside a group for a run of zeros (壹仟零伍).
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g]!;
    if (value === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || value < 1000)) out += '零';
    pendingZero = false;
    out += capitalGroup(value) + GROUPS[g];
  }
  return out;
}

function capitalGroup(n: number): string {
  return groupOfFour(n, CAPITAL_DIGITS, CAPITAL_UNITS);
}

const CAPITAL_VALUE: Record<string, number> = Object.fromEntries(CAPITAL_DIGITS.map((d, i) => [d, i]));
const CAPITAL_UNIT_VALUE: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/**
 * Reads a capital amount back (贰拾万元整 → 200000; also 人民币 before it, 圆 for 元, 正 for 整), or null when the text
 * is not one. Lenient about the optional 零 and 整, strict about anything else, so a mismatch with the figure is
 * a real one.
 */
export function parseYuanCapital(text: string): number | null {
  if (/^(?:人民币)?零[元圆][整正]?$/u.test(text.trim())) return 0;
  const m = /^(?:人民币)?((?:[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*)?)[元圆]?(?:零?([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?[整正]?$/u.exec(text.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (m[1] && !/[元圆]/u.test(text)) return null;
  const whole = m[1] ? parseCapitalInteger(m[1]) : 0;
  if (whole === null) return null;
  const jiao = m[2] ? CAPITAL_VALUE[m[2]]! : 0;
  const fen = m[3] ? CAPITAL_VALUE[m[3]]! : 0;
  return (whole * 100 + jiao * 10 + fen) / 100;
}

function parseCapitalInteger(text: string): number | null {
  let total = 0;
  let section = 0; // below 万 within the current group
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CAPITAL_VALUE) {
      if (digit !== null) return null; // two digits without a unit between them (伍零, 壹贰)
      digit = CAPITAL_VALUE[ch] === 0 ? null : CAPITAL_VALUE[ch]!;
    } else if (ch in CAPITAL_UNIT_VALUE) {
      if (digit === null) return null; // 拾 alone is not banking style, and 零拾 is nonsense
      section += digit * CAPITAL_UNIT_VALUE[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else if (ch === '亿') {
      total = (total + section + (digit ?? 0)) * 100_000_000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

// ——— Yuan amounts in figures ———
// Decisions write 200000元, 200,000元 or 20万元; the template decides, so each has its formatter.

/** 200000 → 200000元; 180000.5 → 180000.50元; { grouping: true } → 200,000元. */
export function yuanFigures(yuan: number, options: { grouping?: boolean } = {}): string {
  const fen = toFen(yuan);
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  const digits = options.grouping ? whole.toString().replace(/\B(?=(\d{3})+$)/gu, ',') : whole.toString();
  return `${digits}${cents ? `.${cents.toString().padStart(2, '0')}` : ''}元`;
}

/** 200000 → 20万元; 185000 → 18.5万元; 1234.5 → 0.12345万元 (exact, never rounded: a fine is stated to the fen). */
export function yuanInWan(yuan: number): string {
  const fen = toFen(yuan);
  const text = (fen / 1_000_000).toFixed(6).replace(/\.?0+$/u, '');
  return `${text}万元`;
}

/**
 * Reads an amount in figures (200000元, 200,000元, 20万元, ¥200,000.00, 180000.50元) to yuan, or null. Grouping
 * is accepted here; whether it is well formed is {@link groupingProblem}'s question.
 */
export function parseYuanFigures(text: string): number | null {
  // Full-width digits (２０００００) are read as the digits they are; the comma of a figure is the ASCII one.
  const ascii = text.trim().replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10));
  const m = /^[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)\s*(万)?(?:元)?$/u.exec(ascii);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/gu, ''));
  if (!Number.isFinite(value)) return null;
  return m[2] ? Math.round(value * 1_000_000) / 100 : value;
}

/** Why the thousands separators of a figure are wrong (20,0000 or 2000,00), or null when they are fine or absent. */
export function groupingProblem(figure: string): string | null {
  const whole = figure.replace(/^[¥￥]\s*/u, '').split('.')[0]!;
  if (!whole.includes(',')) return null;
  return /^\d{1,3}(,\d{3})+$/u.test(whole) ? null : 'groups of three digits expected between separators';
}
