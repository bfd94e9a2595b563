import type { FaultRuleView } from 'daraja-client/emulator';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { useLiveEvent } from '../live/use-live';

/** How long counters may lag behind traffic: one fetch per burst of requests, not one per request. */
const COUNTER_REFRESH_MS = 400;

export interface FaultRules {
  rules: FaultRuleView[];
  loading: boolean;
  error: string | undefined;
  reload: () => void;
}

/**
 * The fault rules with their counters. A `faults` event brings the set after any change to it; counters move
 * with traffic, which has no event of its own, so a request, prompt or callback triggers a (batched) fetch.
 * After a reconnect or a reset the list is fetched again.
 */
export function useFaultRules(): FaultRules {
  const api = useApi();
  const [rules, setRules] = useState<FaultRuleView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Read when the batched fetch is due, not when the event comes: an event right after the first rules
  // render can reach a handler whose `rules` are still the empty ones from before.
  const hasRules = useRef(false);
  useEffect(() => {
    hasRules.current = rules.length > 0;
  }, [rules]);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    api.faults().then(
      (list) => {
        if (mine !== generation.current) return;
        setRules(list);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(failure));
        setLoading(false);
      },
    );
  }, [api]);

  useEffect(() => {
    reload();
    return () => clearTimeout(timer.current);
  }, [reload]);

  useLiveEvent((event) => {
    if (event.type === 'faults') {
      // Newer than any fetch in flight.
      generation.current++;
      setRules(event.rules);
      return;
    }
    if (event.type === 'hello' || event.type === 'reset') return reload();
    if (event.type === 'journal' || event.type === 'transaction' || event.type === 'delivery') {
      if (timer.current === undefined) {
        timer.current = setTimeout(() => {
          timer.current = undefined;
          if (hasRules.current) reload();
        }, COUNTER_REFRESH_MS);
      }
    }
  });

  return { rules, loading, error, reload };
}
