import {
  DELIVERY_KINDS,
  FAULT_API_NAMES,
  FAULT_EFFECT_TYPES,
  type FaultEffectType,
  type FaultRuleInput,
} from 'daraja-client/emulator';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/control-error';
import { formatMsisdn } from '../common/format';
import { useWorld } from '../world/world-context';
import { DraftField, DraftSelect } from './draft-field';
import { EffectFields } from './effect-fields';
import { callbackLabels, effectGroups, effectLabels, effectsAt } from './effect-labels';
import { emptyDraft, ruleFromDraft, type RuleDraft } from './rule-draft';

interface Props {
  /** Sends the rule; a refusal throws with the emulator's reason, which the form shows. */
  onAdd: (rule: FaultRuleInput) => Promise<void>;
  /** Opens the JSON editor with the rule the form describes so far. */
  onEditAsJson: (rule: FaultRuleInput) => void;
}

/** A new fault rule from the common choices: what it matches, how often it fires, what it does. */
export function RuleForm({ onAdd, onEditAsJson }: Props) {
  const { customers } = useWorld();
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const stage = FAULT_EFFECT_TYPES[draft.effect];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(undefined);
    try {
      const rule = ruleFromDraft(draft);
      await onAdd(rule);
      setStatus({ tone: 'ok', text: `Added ${rule.name ?? 'the rule'}.` });
      setDraft(emptyDraft());
    } catch (failure) {
      setStatus({ tone: 'error', text: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card fault-form" aria-label="Add a fault rule" onSubmit={submit}>
      <h3>Add a rule</h3>
      <DraftField
        label="Name"
        placeholder="e.g. cancel John's payments"
        hint="Shown in the journal and on the transactions it changes; empty: the rule's id."
        value={draft.name}
        onChange={(name) => set({ name })}
      />
      <fieldset>
        <legend>What happens</legend>
        <DraftSelect
          label="Effect"
          value={draft.effect}
          onChange={(effect) => set({ effect: effect as FaultEffectType })}
        >
          {effectGroups.map((group) => (
            <optgroup key={group.where} label={group.label}>
              {effectsAt(group.where).map((type) => (
                <option key={type} value={type}>
                  {effectLabels[type]}
                </option>
              ))}
            </optgroup>
          ))}
        </DraftSelect>
        <EffectFields draft={draft} set={set} />
      </fieldset>
      <fieldset>
        <legend>
          Which {stage === 'http' ? 'requests' : stage === 'callback' ? 'callbacks' : 'transactions'}
        </legend>
        <p className="muted">Every field given must match; leave them empty to match everything.</p>
        <div className="field-grid">
          <DraftSelect label="API" value={draft.endpoint} onChange={(endpoint) => set({ endpoint })}>
            <option value="">Any</option>
            {FAULT_API_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </DraftSelect>
          {stage === 'callback' && (
            <DraftSelect label="Callback" value={draft.callback} onChange={(callback) => set({ callback })}>
              <option value="">Any</option>
              {DELIVERY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {callbackLabels[kind]}
                </option>
              ))}
            </DraftSelect>
          )}
          <DraftField
            label="Phone"
            placeholder="2547…"
            list={`${id}-phones`}
            value={draft.phone}
            onChange={(phone) => set({ phone })}
          />
          <DraftField
            label="Shortcode"
            placeholder="174379"
            value={draft.shortcode}
            onChange={(shortcode) => set({ shortcode })}
          />
          <DraftField
            label="Amount from (Ksh)"
            type="number"
            min={0}
            value={draft.amountMin}
            onChange={(amountMin) => set({ amountMin })}
          />
          <DraftField
            label="Amount to (Ksh)"
            type="number"
            min={0}
            value={draft.amountMax}
            onChange={(amountMax) => set({ amountMax })}
          />
          <DraftField
            label="Account reference"
            value={draft.accountReference}
            onChange={(accountReference) => set({ accountReference })}
          />
        </div>
        <datalist id={`${id}-phones`}>
          {customers.map((c) => (
            <option key={c.msisdn} value={c.msisdn}>
              {formatMsisdn(c.msisdn)} {c.name}
            </option>
          ))}
        </datalist>
      </fieldset>
      <fieldset>
        <legend>How often</legend>
        <div className="field-grid">
          <DraftField
            label="Only the n-th match"
            type="number"
            min={1}
            value={draft.nth}
            onChange={(nth) => set({ nth })}
          />
          <DraftField
            label="Every n-th match"
            type="number"
            min={1}
            value={draft.every}
            onChange={(every) => set({ every })}
          />
          <DraftField
            label="At most (times)"
            type="number"
            min={1}
            value={draft.times}
            onChange={(times) => set({ times })}
          />
          <DraftField
            label="Probability (0-1)"
            type="number"
            min={0}
            max={1}
            step="0.05"
            value={draft.probability}
            onChange={(probability) => set({ probability })}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => onEditAsJson(ruleFromDraft(draft))}>
          Edit as JSON
        </button>
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add rule'}
        </button>
      </div>
      {status && (
        <p role="status" className={`notice ${status.tone}`}>
          {status.text}
        </p>
      )}
    </form>
  );
}
