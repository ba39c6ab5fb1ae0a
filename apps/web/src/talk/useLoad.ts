import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  isLoading: boolean;
  setData: Dispatch<SetStateAction<T | null>>;
}

/** Loads a page's data when its key changes; later changes come from handlers and live events. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoadedKey(key);
      });

    return () => controller.abort();
    // The loader is rebuilt on every render; the key says when the data must be reloaded.
  }, [key]);

  return { data, error, isLoading: loadedKey !== key, setData };
}
