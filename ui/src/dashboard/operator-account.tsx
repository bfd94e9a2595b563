import { useEffect, useState } from 'react';
import type { OperatorAccountView } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { formatBalance } from '../common/format';
import { useLiveEvent } from '../live/use-live';

/**
 * M-Pesa's own account: the transaction charges businesses and customers paid. Shown beside the
 * businesses so that every shilling that left a wallet or an account can be found. Hidden when the
 * emulator does not report it.
 */
export function OperatorAccount() {
  const api = useApi();
  const [account, setAccount] = useState<OperatorAccountView>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    api.operator().then(
      (view) => {
        if (live) setAccount(view);
      },
      () => {
        if (live) setAccount(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [api, reloads]);

  // Charges move with payments: a transaction or a reset may change the balance.
  useLiveEvent((event) => {
    if (event.type === 'hello' || event.type === 'reset' || event.type === 'transaction')
      setReloads((n) => n + 1);
  });

  if (!account) return null;
  return (
    <article className="card" aria-label={account.name}>
      <header className="card-head">
        <strong>{account.name}</strong>
        <span className="badge muted">operator</span>
      </header>
      <dl className="facts">
        <div className="fact">
          <dt>Charges collected</dt>
          <dd>{formatBalance(account.balance)}</dd>
        </div>
      </dl>
    </article>
  );
}
