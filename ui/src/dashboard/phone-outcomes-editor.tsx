import { settingUi, type StkOutcome } from 'daraja-client/emulator';
import { useId, useState } from 'react';
import { formatMsisdn } from '../common/format';
import { useWorld } from '../world/world-context';
import { outcomeLabel, parseOutcome, stkOutcomes } from './stk-outcomes';

interface Props {
  value: Record<string, StkOutcome>;
  onChange: (value: Record<string, StkOutcome>) => void;
}

/** Automatic answers for particular phones, over the default (e.g. one number always declines). */
export function PhoneOutcomesEditor({ value, onChange }: Props) {
  const { customers } = useWorld();
  const id = useId();
  const [phone, setPhone] = useState('');
  const [outcome, setOutcome] = useState<string>('accept');
  const free = customers.filter((c) => !(c.msisdn in value));

  function add() {
    const msisdn = phone || free[0]?.msisdn;
    if (msisdn) onChange({ ...value, [msisdn]: parseOutcome(outcome) });
    setPhone('');
  }

  function remove(msisdn: string) {
    const next = { ...value };
    delete next[msisdn];
    onChange(next);
  }

  return (
    <fieldset className="phone-outcomes">
      <legend>{settingUi('stk', 'phoneOutcomes').label}</legend>
      {Object.keys(value).length === 0 && <p className="muted">None: every phone follows the default.</p>}
      <ul>
        {Object.entries(value).map(([msisdn, o]) => (
          <li key={msisdn}>
            {formatMsisdn(msisdn)}: {outcomeLabel(o)}{' '}
            <button type="button" className="secondary" onClick={() => remove(msisdn)}>
              Remove <span className="visually-hidden">{msisdn}</span>
            </button>
          </li>
        ))}
      </ul>
      {free.length > 0 && (
        <div className="inline-form">
          <label htmlFor={`${id}-phone`}>Phone</label>
          <select id={`${id}-phone`} value={phone} onChange={(e) => setPhone(e.target.value)}>
            {free.map((c) => (
              <option key={c.msisdn} value={c.msisdn}>
                {formatMsisdn(c.msisdn)} {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-outcome`}>Answer</label>
          <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {stkOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
          </select>
          <button type="button" onClick={add}>
            Add
          </button>
        </div>
      )}
    </fieldset>
  );
}
