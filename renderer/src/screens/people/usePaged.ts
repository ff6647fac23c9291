/**
 * A long list read a page at a time (people, a person's faces, merge suggestions): pages are fetched as their
 * rows come into view and cached until `reload` (after a review decision changes the list). An answer that
 * arrives after a reload is dropped; an error keeps what was loaded and is shown with a retry.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { toUiError, type UiError } from '../../bridge/errors';

export interface Paged<T> {
  /** null until the first page arrives. */
  total: number | null;
  get(index: number): T | undefined;
  /** Fetches the pages covering rows first..last (inclusive). */
  ensure(first: number, last: number): void;
  error: UiError | null;
  retry(): void;
  /** Forgets every page and reads the list again (the old rows stay on screen until the new ones arrive). */
  reload(): void;
  /** Every row loaded so far, in order (for lookups); the same array until a page arrives or the list is reset. */
  loaded(): T[];
}

export function usePaged<T>(
  fetchPage: (offset: number, limit: number) => Promise<{ total: number; items: T[] }>,
  pageSize: number,
  deps: readonly unknown[],
): Paged<T> {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const pages = useRef(new Map<number, T[]>());
  const stale = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  /** Bumped whenever the loaded pages change, so `loaded()` can hand back the same array until then. */
  const version = useRef(0);
  const loadedCache = useRef<{ version: number; rows: T[] }>({ version: -1, rows: [] });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    (page: number) => {
      if (page < 0 || pages.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      const gen = generation.current;
      fetchRef.current(page * pageSize, pageSize).then(
        (res) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          pages.current.set(page, res.items);
          stale.current.delete(page);
          version.current++;
          setTotal(res.total);
          setError(null);
          bump();
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          inflight.current.delete(page);
          setError(toUiError(e));
        },
      );
    },
    [pageSize],
  );

  const reset = useCallback(
    (keepOld: boolean) => {
      generation.current++;
      stale.current = keepOld ? new Map([...stale.current, ...pages.current]) : new Map();
      pages.current = new Map();
      inflight.current = new Set();
      version.current++;
      load(0);
    },
    [load],
  );

  // A new list (new deps): start from nothing.
  useEffect(() => {
    setTotal(null);
    setError(null);
    reset(false);
    return () => {
      generation.current++;
    };
  }, deps);

  const get = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      return (pages.current.get(page) ?? stale.current.get(page))?.[index % pageSize];
    },
    [pageSize],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let p = Math.floor(Math.max(0, first) / pageSize); p <= Math.floor(last / pageSize); p++) load(p);
    },
    [load, pageSize],
  );

  const retry = useCallback(() => {
    setError(null);
    load(0);
    bump();
  }, [load]);

  const reload = useCallback(() => reset(true), [reset]);

  const loaded = useCallback(() => {
    if (loadedCache.current.version === version.current) return loadedCache.current.rows;
    const rows: T[] = [];
    const keys = [...pages.current.keys()].sort((a, b) => a - b);
    for (const k of keys) rows.push(...pages.current.get(k)!);
    loadedCache.current = { version: version.current, rows };
    return rows;
  }, []);

  return { total, get, ensure, error, retry, reload, loaded };
}
