/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), administrative division (6),
 * organisation code (9), check character (1). The alphabet has 31 symbols: digits and capital
 * letters without I, O, Z, S, V (they look like digits). Check character: weights 3^i mod 31,
 * C18 = 31 - (Σ Ci·Wi mod 31), where 31 maps to 0.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'check';

export interface CreditCodeResult {
  ok: boolean;
  problem?: CreditCodeProblem;
  /** The check character the first 17 characters call for, when they are well formed. */
  expectedCheck?: string;
}

/** Computes the check character for the first 17 characters, or undefined if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) return { ok: false, problem: 'character' };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (expected !== code[17]) return { ok: false, problem: 'check', expectedCheck: expected };
  return { ok: true };
}
