import { describe, expect, it } from 'vitest';
import { sectionTitle } from './sectionTitles';

describe('section titles in the UI language', () => {
  it('is the services’ Chinese title in the Chinese UI', () => {
    expect(sectionTitle('notice', { id: 'characterisation', title: '理由及依据' }, 'zh')).toBe('理由及依据');
  });

  it('tells apart one id meaning different parts in two kinds', () => {
    expect(sectionTitle('decision', { id: 'characterisation', title: '违法行为性质' }, 'en')).toBe('Nature of the conduct');
    expect(sectionTitle('notice', { id: 'characterisation', title: '理由及依据' }, 'en')).toBe('Reasons and legal basis');
  });

  it('falls back to the Chinese title for a section it does not know', () => {
    expect(sectionTitle('report', { id: 'somethingNew', title: '新的部分' }, 'en')).toBe('新的部分');
  });
});
