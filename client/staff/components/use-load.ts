// Loads data for a page: the value, or the error the page shows (a 403 says "no access"); an ended session
// goes back to the login page.
import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { sessionEnded } from '../auth-store.ts';

export type Load<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'forbidden' | 'notFound' | 'error'; message?: string };

/** `key` names what the load depends on: a new key loads again. */
export function useLoad<T>(load: () => Promise<T>, key: string | number = ''): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ state: 'ok', value }),
      (err: unknown) => {
        if (!current || sessionEnded(err)) return;
        if (err instanceof ApiError && err.is('forbidden')) setResult({ state: 'forbidden', message: err.message });
        else if (err instanceof ApiError && err.status === 404) setResult({ state: 'notFound', message: err.message });
        else setResult({ state: 'error' });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for what `load` depends on
  }, [key, round]);
  return [result, () => setRound((r) => r + 1)];
}
