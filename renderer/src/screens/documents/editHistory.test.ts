import { describe, expect, it } from 'vitest';
import { edit, GROUP_MS, MAX_STEPS, redo, reset, startHistory, undo } from './editHistory';

describe('edit history', () => {
  it('groups keystrokes in one place into one step, and starts a new step elsewhere or after a pause', () => {
    let h = startHistory('');
    h = edit(h, 'a', 'facts', 0);
    h = edit(h, 'ab', 'facts', 300);
    h = edit(h, 'abc', 'facts', 600);
    expect(h.past).toEqual(['']);
    h = edit(h, 'abcd', 'facts', 600 + GROUP_MS);
    expect(h.past).toEqual(['', 'abc']);
    h = edit(h, 'abcdX', 'discretion', 600 + GROUP_MS + 10);
    expect(h.past).toEqual(['', 'abc', 'abcd']);
  });

  it('undoes and redoes step by step, and a new edit drops the redo steps', () => {
    let h = startHistory(1);
    h = edit(h, 2, 'a', 0);
    h = edit(h, 3, 'b', 1);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(h.future).toEqual([3]);
    h = edit(h, 9, 'a', 5);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1, 2]);
    expect(redo(h)).toBe(h);
  });

  it('an edit right after an undo is a step of its own, not merged into the undone one', () => {
    let h = startHistory('x');
    h = edit(h, 'xy', 'facts', 0);
    h = undo(h);
    h = edit(h, 'xz', 'facts', 10);
    expect(h.past).toEqual(['x']);
    expect(undo(h).present).toBe('x');
  });

  it('a reset (the saved document) keeps the steps but is not one itself; the same value is no step', () => {
    let h = startHistory('a');
    h = edit(h, 'b', 'facts', 0);
    h = reset(h, 'b saved');
    expect(h.past).toEqual(['a']);
    expect(h.present).toBe('b saved');
    expect(edit(h, h.present, 'facts', 1)).toBe(h);
  });

  it(`keeps at most ${MAX_STEPS} steps`, () => {
    let h = startHistory(0);
    for (let i = 1; i <= MAX_STEPS + 50; i++) h = edit(h, i, 'n', i * GROUP_MS * 2);
    expect(h.past).toHaveLength(MAX_STEPS);
    expect(h.past[0]).toBe(50);
  });
});
