import { useCallback, useEffect, useRef, useState } from 'react';
import { toUiError, type UiError } from '../bridge/errors';

export interface ApiState<T> {
  data: T | undefined;
  error: UiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Runs `load` on mount and whenever `deps` change; keeps the last data while reloading; drops stale answers. */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<UiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (gen !== generation.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(toUiError(e));
        setLoading(false);
      },
    );
    return () => {
      generation.current++;
    };
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
