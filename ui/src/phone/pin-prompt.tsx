import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';

/** How a customer answers a PIN prompt: OK with a PIN, Cancel, or letting it time out. */
export type PromptAnswer = { kind: 'accept'; pin: string } | { kind: 'decline' } | { kind: 'timeout' };

interface Props {
  /** The prompt's question. */
  message: ReactNode;
  /** What the PIN field asks for. */
  pinLabel?: string;
  /** The test customer's PIN, shown so that a person trying the emulator knows what to type. */
  pinHint?: string | undefined;
  /** Shown under the buttons, e.g. the time left. */
  footer?: ReactNode;
  /** Why the last answer did not go through. */
  error?: string | undefined;
  onAnswer: (answer: PromptAnswer) => Promise<void>;
}

/** The SIM-toolkit pop-up asking for the M-PESA PIN, with Cancel, OK and a way to let it time out. */
export function PinPrompt({ message, pinLabel = 'M-PESA PIN', pinHint, footer, error, onAnswer }: Props) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const pinField = useRef<HTMLInputElement>(null);

  // Like the handset, the PIN field takes the keyboard when the prompt appears, unless the user is busy elsewhere.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      pinField.current?.focus();
  }, []);

  async function answer(value: PromptAnswer) {
    setBusy(true);
    try {
      await onAnswer(value);
    } finally {
      setBusy(false);
      setPin('');
    }
  }

  // Escape is the handset's back key: it cancels the prompt.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      void answer({ kind: 'decline' });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void answer({ kind: 'accept', pin });
  }

  return (
    <div className="stk-prompt" role="dialog" aria-labelledby={`${id}-text`} onKeyDown={onKeyDown}>
      <form onSubmit={submit}>
        <p id={`${id}-text`} className="stk-text">
          {message}
        </p>
        <label className="visually-hidden" htmlFor={`${id}-pin`}>
          {pinLabel}
        </label>
        <input
          id={`${id}-pin`}
          ref={pinField}
          className="stk-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]*"
          required
          value={pin}
          disabled={busy}
          onChange={(event) => setPin(event.target.value)}
        />
        {pinHint && <p className="stk-hint">Test PIN: {pinHint}</p>}
        <div className="stk-actions">
          <button type="button" disabled={busy} onClick={() => void answer({ kind: 'decline' })}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            OK
          </button>
        </div>
        {footer}
        {error && (
          <p className="stk-error" role="alert">
            {error}
          </p>
        )}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => void answer({ kind: 'timeout' })}
        >
          Ignore it (time out now)
        </button>
      </form>
    </div>
  );
}
