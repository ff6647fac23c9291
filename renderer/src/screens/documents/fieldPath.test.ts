import { describe, expect, it } from 'vitest';
import { getIn, setIn } from './fieldPath';

describe('field paths', () => {
  const fields = { issuer: { name: '禹州市市场监督管理局', code: '禹市监' }, fineYuan: 200000, payment: { days: 15 } };

  it('reads a nested value, and undefined past a missing key', () => {
    expect(getIn(fields, ['issuer', 'code'])).toBe('禹市监');
    expect(getIn(fields, ['fineYuan'])).toBe(200000);
    expect(getIn(fields, ['issuer', 'name', 'x'])).toBeUndefined();
    expect(getIn(fields, ['nope', 'x'])).toBeUndefined();
  });

  it('replaces one value, copying only the objects on its path', () => {
    const next = setIn(fields, ['issuer', 'name'], '某市市场监督管理局');
    expect(next.issuer).toEqual({ name: '某市市场监督管理局', code: '禹市监' });
    expect(fields.issuer.name).toBe('禹州市市场监督管理局');
    expect(next.payment).toBe(fields.payment);
    expect(next).not.toBe(fields);
    expect(setIn(fields, ['fineYuan'], 600000).fineYuan).toBe(600000);
  });
});
