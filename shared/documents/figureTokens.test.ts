/** Figure tokens in drafted text: which are tokens, how they print, what signing freezes and what changed since. */
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../findingsApi';
import { changedFigures, figureSnapshot, resolveRuns, resolveText, tokensIn, unresolvedTokens, type FigureTable } from './figureTokens';

const provenance: Provenance = { sql: 'SELECT COUNT(*) AS captures FROM captures', params: {}, identityRun: null, decisions: null, computedAt: '2026-01-01T00:00:00Z' };
const table: FigureTable = {
  captures: { value: '124200', provenance },
  'period.first': { value: '2021年4月18日', provenance: null },
  persons: { value: null, provenance: null },
};

describe('figure tokens', () => {
  it('are ASCII keys in 【】; a drafter\'s 【注】 is text', () => {
    expect(tokensIn('共【captures】条【注】，自【period.first】起，再计【captures】条')).toEqual(['captures', 'period.first']);
  });

  it('print their value as a run of its own, with key and provenance; unknown and unknowable ones stay visible', () => {
    const runs = resolveRuns('共抓拍【captures】条，涉及【persons】人【注】', table);
    expect(runs).toEqual([
      { text: '共抓拍' },
      { text: '124200', figure: { key: 'captures', provenance: 'SELECT COUNT(*) AS captures FROM captures; computed 2026-01-01T00:00:00Z', source: provenance } },
      { text: '条，涉及【persons】人【注】' },
    ]);
    expect(resolveText('【period.first】至【nonsense】', table)).toBe('2021年4月18日至【nonsense】');
    expect(unresolvedTokens('【captures】【persons】【nonsense】', table)).toEqual(['persons', 'nonsense']);
  });

  it('report what changed since signing, and nothing else', () => {
    const snapshot = figureSnapshot(['共【captures】条', '自【period.first】起'], table);
    expect(snapshot).toEqual({ captures: '124200', 'period.first': '2021年4月18日' });
    expect(changedFigures(snapshot, table)).toEqual([]);
    const later: FigureTable = { ...table, captures: { value: '124305', provenance } };
    expect(changedFigures(snapshot, later)).toEqual([{ key: 'captures', signed: '124200', current: '124305' }]);
  });
});
