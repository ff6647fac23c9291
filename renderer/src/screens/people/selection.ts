/**
 * Multi-select as file managers do it: a click selects one, Ctrl/Cmd-click adds or removes one, Shift-click
 * selects the range from the last clicked row; the checkbox adds or removes one. Selections hold ids, so they
 * survive pages being re-read; the anchor is a row index.
 */
import { useCallback, useState } from 'react';

export interface Selection {
  ids: ReadonlySet<number>;
  anchor: number | null;
}

export const emptySelection: Selection = { ids: new Set(), anchor: null };

export type ClickMode = 'single' | 'toggle' | 'range';

export function clickMode(e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): ClickMode {
  if (e.shiftKey) return 'range';
  if (e.ctrlKey || e.metaKey) return 'toggle';
  return 'single';
}

export function useSelection(idAt: (index: number) => number | undefined) {
  const [sel, setSel] = useState<Selection>(emptySelection);

  const click = useCallback(
    (index: number, mode: ClickMode) => {
      const id = idAt(index);
      if (id === undefined) return;
      setSel((s) => {
        if (mode === 'toggle') {
          const ids = new Set(s.ids);
          if (ids.has(id)) ids.delete(id);
          else ids.add(id);
          return { ids, anchor: index };
        }
        if (mode === 'range' && s.anchor !== null) {
          const ids = new Set(s.ids);
          const [a, b] = s.anchor < index ? [s.anchor, index] : [index, s.anchor];
          for (let i = a; i <= b; i++) {
            const x = idAt(i);
            if (x !== undefined) ids.add(x);
          }
          return { ids, anchor: s.anchor };
        }
        return { ids: new Set([id]), anchor: index };
      });
    },
    [idAt],
  );

  const clear = useCallback(() => setSel(emptySelection), []);
  const set = useCallback((ids: number[]) => setSel({ ids: new Set(ids), anchor: null }), []);
  /** Drops ids that no longer exist (after a merge, or a split emptied nothing). */
  const keepOnly = useCallback((alive: (id: number) => boolean) => {
    setSel((s) => {
      const ids = new Set([...s.ids].filter(alive));
      return ids.size === s.ids.size ? s : { ids, anchor: s.anchor };
    });
  }, []);

  return { sel, click, clear, set, keepOnly };
}
