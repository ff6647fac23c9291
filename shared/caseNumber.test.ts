import { describe, expect, it } from 'vitest';
import { validateCaseNumber } from './caseNumber';

describe('case numbers (文号)', () => {
  it('accepts the form of real decisions', () => {
    expect(validateCaseNumber('禹市监处罚〔2022〕12号')).toEqual({ ok: true, problems: [] });
    expect(validateCaseNumber('佛南市监罚字〔2021〕1035号').ok).toBe(true);
  });

  it('catches the usual slips and suggests the fix', () => {
    expect(validateCaseNumber('禹市监处罚[2022]12号')).toMatchObject({ ok: false, problems: ['brackets'], suggestion: '禹市监处罚〔2022〕12号' });
    expect(validateCaseNumber('禹市监处罚（2022）第012号')).toMatchObject({
      ok: false,
      problems: ['brackets', 'di', 'leadingZero'],
      suggestion: '禹市监处罚〔2022〕12号',
    });
    expect(validateCaseNumber('禹市监处罚〔2022〕12')).toMatchObject({ ok: false, problems: ['hao'] });
  });

  it('rejects text that is no case number', () => {
    expect(validateCaseNumber('').problems).toEqual(['empty']);
    expect(validateCaseNumber('处罚决定书').ok).toBe(false);
  });
});
