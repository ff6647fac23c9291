import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from './creditCode';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of real companies (from their business licences), each with a correct check character.
  const real = ['91350100M000100Y43', '91110108551385082Q', '9144030071526726XG'];
  it.each(real)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it('names the check character it expected', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check', expectedCheck: '3' });
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    // 31 - 0 mod 31 must map to the symbol 0, not past the alphabet.
    const first17 = '00000000000000000';
    expect(creditCodeCheckChar(first17)).toBe('0');
  });

  it('rejects wrong length and letters the standard leaves out', () => {
    expect(validateCreditCode('9135010').problem).toBe('length');
    expect(validateCreditCode('91350100M000100I43').problem).toBe('character');
  });

  it('reads lower case and surrounding spaces as typed', () => {
    expect(validateCreditCode(' 91350100m000100y43 ').ok).toBe(true);
  });
});
