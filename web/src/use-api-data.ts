import { useCallback, useEffect, useState } from 'react';

/** What a page knows about data it loads from the API. */
export type ApiData<Value> =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; value: Value };

/**
 * Loads data when the component appears and whenever `key` changes. `retry`
 * loads it again after a failure; `setValue` replaces it with a fresher value
 * the page got from the API (after a save, or a reload after a conflict). An
 * answer that arrives after the key changed is dropped.
 */
export function useApiData<Value>(
  key: string,
  load: (signal: AbortSignal) => Promise<Value>,
): {
  data: ApiData<Value>;
  retry: () => void;
  setValue: (value: Value) => void;
} {
  const [data, setData] = useState<ApiData<Value>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `load` changes only with `key`; depending on it would reload on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `load`
  useEffect(() => {
    const controller = new AbortController();
    setData({ state: 'loading' });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setData({ state: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setData({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const setValue = useCallback((value: Value) => setData({ state: 'ready', value }), []);
  return { data, retry, setValue };
}
