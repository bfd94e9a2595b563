import type { CustomerView } from 'daraja-client/emulator';
import { useCallback, useEffect, useMemo, useState } from 'react';

const STORAGE_KEY = 'daraja-emulator.phones';
/** Safaricom's documented sandbox test number: the phone a developer expects to see first. */
const SANDBOX_MSISDN = '254708374149';

/** The remembered list, or null when the user has never chosen. */
function read(): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}

/** Which customers have a phone on screen; remembered across reloads so a restart keeps the layout. */
export function useShownPhones(customers: CustomerView[]) {
  const [chosen, setChosen] = useState<string[] | null>(read);

  // Until the user chooses, one phone is shown so the first STK push has somewhere to land.
  const fallback = (customers.find((c) => c.msisdn === SANDBOX_MSISDN) ?? customers[0])?.msisdn;
  const shown = useMemo(() => chosen ?? (fallback ? [fallback] : []), [chosen, fallback]);

  useEffect(() => {
    if (chosen) localStorage.setItem(STORAGE_KEY, JSON.stringify(chosen));
  }, [chosen]);

  const show = useCallback(
    (msisdn: string) =>
      setChosen((list) =>
        (list ?? shown).includes(msisdn) ? (list ?? shown) : [...(list ?? shown), msisdn],
      ),
    [shown],
  );
  const hide = useCallback(
    (msisdn: string) => setChosen((list) => (list ?? shown).filter((m) => m !== msisdn)),
    [shown],
  );
  return { shown, show, hide };
}
