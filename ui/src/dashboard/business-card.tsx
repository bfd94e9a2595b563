import type { C2bRegistrationView, ShortcodeView } from 'daraja-client/emulator';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { useApi } from '../api/use-api';
import { formatBalance, formatDateTime } from '../common/format';

interface Props {
  shortcode: ShortcodeView;
  registrations: C2bRegistrationView[];
  /** Why registrations could not be read, if they could not. */
  note: string | undefined;
}

/** One shortcode: balances (editable), whether C2B payments are validated first, and its C2B URLs. */
export function BusinessCard({ shortcode: s, registrations, note }: Props) {
  const api = useApi();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The switch moves on the click and stays until the emulator's `shortcode` event shows the same; an error
  // puts it back.
  const [asked, setAsked] = useState<boolean>();
  const validationOn = asked ?? s.externalValidation;
  useEffect(() => {
    if (asked === s.externalValidation) setAsked(undefined);
  }, [asked, s.externalValidation]);

  /** Runs a control call; says whether it succeeded (a failure is shown on the card). */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      // The emulator's `shortcode` event brings the new state to every view.
      await action();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const takesC2b = s.kind !== 'b2c';
  return (
    <article className="card" aria-label={`${s.name} ${s.shortcode}`}>
      <header className="card-head">
        <strong>{s.name}</strong>
        <span className="badge muted">{s.kind}</span>
        <code>{s.shortcode}</code>
      </header>
      <dl className="facts">
        {Object.entries(s.accounts).map(([account, balance]) => (
          <div key={account} className="fact">
            <dt>{account}</dt>
            <dd>
              <BalanceEditor
                label={`${account} balance of ${s.shortcode}`}
                balance={balance}
                busy={busy}
                onSave={(value) => run(() => api.setBalances(s.shortcode, { [account]: value }))}
              />
            </dd>
          </div>
        ))}
      </dl>
      {takesC2b && (
        <div className="field">
          <label className="checkbox" htmlFor={`${id}-validation`}>
            <input
              id={`${id}-validation`}
              type="checkbox"
              checked={validationOn}
              disabled={busy}
              onChange={(e) => {
                const on = e.target.checked;
                setAsked(on);
                void run(() => api.setValidation(s.shortcode, on)).then((ok) => {
                  if (!ok) setAsked(undefined);
                });
              }}
            />
            External validation {validationOn ? 'on' : 'off'}
          </label>
          <span className="muted">
            {s.externalValidation
              ? 'C2B payments go to the ValidationURL first; the app may refuse them.'
              : 'C2B payments are confirmed without asking the ValidationURL (Safaricom’s default).'}
          </span>
        </div>
      )}
      {registrations.map((r) => (
        <div key={r.confirmationUrl + r.version} className="registration">
          <p>
            C2B {r.version}, registered {formatDateTime(r.registeredAt)}; {r.responseType} when the validation
            URL does not answer
          </p>
          <p className="url">
            Confirmation <code>{r.confirmationUrl}</code>
          </p>
          {r.validationUrl && (
            <p className="url">
              Validation <code>{r.validationUrl}</code>
              {!s.externalValidation && <span className="muted"> (not called: validation is off)</span>}
            </p>
          )}
        </div>
      ))}
      {takesC2b && registrations.length === 0 && !note && <p className="muted">No C2B URLs registered.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

interface BalanceProps {
  label: string;
  balance: number;
  busy: boolean;
  onSave: (value: number) => Promise<unknown>;
}

/** A balance that turns into a field on Edit, saved as an adjustment in the ledger. */
function BalanceEditor({ label, balance, busy, onSave }: BalanceProps) {
  const id = useId();
  const [draft, setDraft] = useState<string>();
  if (draft === undefined) {
    return (
      <span className="business-balance">
        {formatBalance(balance)}
        <button
          type="button"
          className="secondary small"
          aria-label={`Edit ${label}`}
          onClick={() => setDraft(String(balance))}
        >
          Edit
        </button>
      </span>
    );
  }
  async function save(event: FormEvent) {
    event.preventDefault();
    await onSave(Number(draft));
    setDraft(undefined);
  }
  return (
    <form className="business-balance" onSubmit={(e) => void save(e)}>
      <label htmlFor={id} className="visually-hidden">
        {label} (Ksh)
      </label>
      <input
        id={id}
        type="number"
        step="0.01"
        required
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="small" disabled={busy}>
        Save
      </button>
      <button type="button" className="secondary small" onClick={() => setDraft(undefined)}>
        Cancel
      </button>
    </form>
  );
}
