/**
 * Undo and redo of a document's edits within the session (Ctrl+Z / Ctrl+Shift+Z).
 *
 * The whole draft (fields and section texts) is one immutable value; a history holds the values before and after
 * the present. Typing into one place is grouped into one step (a step per keystroke would make undo useless), so a
 * new step starts when the edit goes to another place or after a pause. Pure: the hook around it owns React state.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Where the last edit went (a section id, a field path) and when, for grouping keystrokes into one step. */
  lastPlace: string | null;
  lastAt: number;
}

/** Keystrokes in the same place closer together than this are one step. */
export const GROUP_MS = 1000;
/** Older steps are dropped: a long session must not hold every keystroke's copy of a long document. */
export const MAX_STEPS = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastPlace: null, lastAt: 0 };
}

/** The history after an edit at `place` at time `now`; the same value is no step at all. */
export function edit<T>(h: History<T>, next: T, place: string, now: number): History<T> {
  if (Object.is(next, h.present)) return h;
  const grouped = place === h.lastPlace && now - h.lastAt < GROUP_MS && h.past.length > 0;
  const past = grouped ? h.past : [...h.past, h.present].slice(-MAX_STEPS);
  return { past, present: next, future: [], lastPlace: place, lastAt: now };
}

/** Replaces the present without a step (what the services returned after a save): nothing to undo to. */
export function reset<T>(h: History<T>, present: T): History<T> {
  return { ...h, present, lastPlace: null };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past.at(-1);
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastPlace: null, lastAt: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest, lastPlace: null, lastAt: 0 };
}
