import { INITIATOR_APIS, INITIATOR_OUTCOMES, settingUi, type InitiatorOutcome } from 'daraja-client/emulator';
import { useId, useState } from 'react';

interface Props {
  value: Record<string, InitiatorOutcome>;
  onChange: (value: Record<string, InitiatorOutcome>) => void;
}

const CODE = 'code';

/**
 * Forced outcomes of initiator requests, keyed `<api>:<shortcode>`, `<api>`, `*:<shortcode>` or `*`
 * (the emulator picks the most specific). A result code is typed; digits are sent as a number.
 */
export function InitiatorOutcomesEditor({ value, onChange }: Props) {
  const id = useId();
  const [api, setApi] = useState('*');
  const [shortcode, setShortcode] = useState('');
  const [outcome, setOutcome] = useState<string>('insufficient-funds');
  const [code, setCode] = useState('');

  function add() {
    const key = shortcode.trim() ? `${api}:${shortcode.trim()}` : api;
    const forced: InitiatorOutcome =
      outcome === CODE ? (/^\d+$/.test(code.trim()) ? Number(code.trim()) : code.trim()) : outcome;
    if (outcome === CODE && code.trim() === '') return;
    onChange({ ...value, [key]: forced });
    setShortcode('');
    setCode('');
  }

  function remove(key: string) {
    const next = { ...value };
    delete next[key];
    onChange(next);
  }

  return (
    <fieldset className="phone-outcomes">
      <legend>{settingUi('initiator', 'outcomes').label}</legend>
      {Object.keys(value).length === 0 && <p className="muted">None: requests are processed normally.</p>}
      <ul>
        {Object.entries(value).map(([key, o]) => (
          <li key={key}>
            <code>{key}</code>: {String(o)}{' '}
            <button type="button" className="secondary" onClick={() => remove(key)}>
              Remove <span className="visually-hidden">{key}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label htmlFor={`${id}-api`}>API</label>
        <select id={`${id}-api`} value={api} onChange={(e) => setApi(e.target.value)}>
          <option value="*">Every initiator API</option>
          {INITIATOR_APIS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-shortcode`}>Shortcode (optional)</label>
        <input
          id={`${id}-shortcode`}
          inputMode="numeric"
          size={8}
          value={shortcode}
          onChange={(e) => setShortcode(e.target.value)}
        />
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {INITIATOR_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          <option value={CODE}>Result code…</option>
        </select>
        {outcome === CODE && (
          <>
            <label htmlFor={`${id}-code`}>Result code</label>
            <input
              id={`${id}-code`}
              size={10}
              placeholder="2040 or R000001"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </>
        )}
        <button type="button" onClick={add}>
          Add outcome
        </button>
      </div>
    </fieldset>
  );
}
