import {
  APIGEE_FORMATS,
  FAULT_ERROR_NAMES,
  INITIATOR_OUTCOMES,
  MALFORMED_MODES,
  TRUNCATE_MODES,
} from 'daraja-client/emulator';
import { outcomeLabel, stkOutcomes } from '../dashboard/stk-outcomes';
import { DraftField, DraftSelect } from './draft-field';
import { apigeeFormatLabels, errorLabels, malformedModeLabels, truncateModeLabels } from './effect-labels';
import type { RuleDraft } from './rule-draft';

interface Props {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
}

/** The parameters of the chosen effect; effects without parameters show none. */
export function EffectFields({ draft, set }: Props) {
  const status = (hint: string) => (
    <DraftField
      label="HTTP status"
      type="number"
      min={400}
      max={599}
      hint={hint}
      value={draft.status}
      onChange={(status) => set({ status })}
    />
  );
  const delay = (label: string) => (
    <>
      <DraftField label={label} type="number" min={0} value={draft.ms} onChange={(ms) => set({ ms })} />
      <DraftField
        label="Up to (ms, optional)"
        type="number"
        min={0}
        hint="Given: a random delay between the two, from the rule's seeded generator."
        value={draft.msMax}
        onChange={(msMax) => set({ msMax })}
      />
    </>
  );

  switch (draft.effect) {
    case 'error':
      return (
        <>
          <DraftSelect
            label="Error"
            value={draft.errorName}
            onChange={(errorName) => set({ errorName: errorName as RuleDraft['errorName'] })}
          >
            {FAULT_ERROR_NAMES.map((name) => (
              <option key={name} value={name}>
                {errorLabels[name]}
              </option>
            ))}
            <option value="custom">Another code…</option>
          </DraftSelect>
          {draft.errorName === 'custom' && (
            <DraftField
              label="Error code"
              placeholder="503.001.01"
              value={draft.code}
              onChange={(code) => set({ code })}
            />
          )}
          <DraftField
            label="Error message (optional)"
            value={draft.message}
            onChange={(message) => set({ message })}
          />
          {status('Default: the first three digits of the code.')}
        </>
      );
    case 'html-503':
      return status('Default 503.');
    case 'apigee-fault':
      return (
        <>
          <DraftSelect
            label="Format"
            value={draft.apigeeFormat}
            onChange={(v) => set({ apigeeFormat: APIGEE_FORMATS.find((f) => f === v) ?? 'json' })}
          >
            {options(APIGEE_FORMATS, apigeeFormatLabels)}
          </DraftSelect>
          {status('Default 504.')}
        </>
      );
    case 'delay':
      return (
        <>
          {delay('Delay (ms)')}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.realClock}
              onChange={(e) => set({ realClock: e.target.checked })}
            />
            Wait in real time even with a manual clock
          </label>
        </>
      );
    case 'callback-delay':
      return delay('Extra delay (ms)');
    case 'truncate':
      return (
        <>
          <DraftField
            label="Fraction kept (0-1)"
            type="number"
            step="0.05"
            min={0}
            max={1}
            placeholder="0.5"
            value={draft.keep}
            onChange={(keep) => set({ keep })}
          />
          <DraftSelect
            label="How it is cut"
            value={draft.truncateMode}
            onChange={(v) => set({ truncateMode: TRUNCATE_MODES.find((m) => m === v) ?? 'invalid-json' })}
          >
            {options(TRUNCATE_MODES, truncateModeLabels)}
          </DraftSelect>
        </>
      );
    case 'stk-outcome':
      return (
        <>
          <DraftSelect label="Outcome" value={draft.outcome} onChange={(outcome) => set({ outcome })}>
            <option value="code">Result code…</option>
            {stkOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabel(o)}
              </option>
            ))}
            <option value="">Whatever would decide otherwise (only a delay)</option>
          </DraftSelect>
          {draft.outcome === 'code' && <ResultCodeFields draft={draft} set={set} placeholder="1032" />}
          <DraftField
            label="Decide after (ms, optional)"
            type="number"
            min={0}
            value={draft.decisionDelayMs}
            onChange={(decisionDelayMs) => set({ decisionDelayMs })}
          />
        </>
      );
    case 'initiator-result':
      return (
        <>
          <DraftSelect
            label="Outcome"
            value={draft.initiatorOutcome}
            onChange={(initiatorOutcome) => set({ initiatorOutcome })}
          >
            {INITIATOR_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
            <option value="code">Result code…</option>
            <option value="">Processed normally (only a delay)</option>
          </DraftSelect>
          {draft.initiatorOutcome === 'code' && (
            <ResultCodeFields draft={draft} set={set} placeholder="2040 or R000001" />
          )}
          <DraftField
            label="Result after (ms, optional)"
            type="number"
            min={0}
            value={draft.resultDelayMs}
            onChange={(resultDelayMs) => set({ resultDelayMs })}
          />
        </>
      );
    case 'callback-duplicate':
      return (
        <>
          <DraftField
            label="Extra copies"
            type="number"
            min={1}
            placeholder="1"
            value={draft.copies}
            onChange={(copies) => set({ copies })}
          />
          <DraftField
            label="Gap between copies (ms)"
            type="number"
            min={0}
            placeholder="0"
            value={draft.gapMs}
            onChange={(gapMs) => set({ gapMs })}
          />
        </>
      );
    case 'callback-reorder':
      return (
        <DraftField
          label="Hold at most (ms)"
          type="number"
          min={0}
          placeholder="60000"
          value={draft.maxHoldMs}
          onChange={(maxHoldMs) => set({ maxHoldMs })}
        />
      );
    case 'callback-malformed':
      return (
        <DraftSelect
          label="Body"
          value={draft.malformedMode}
          onChange={(v) => set({ malformedMode: MALFORMED_MODES.find((m) => m === v) ?? 'truncated' })}
        >
          {options(MALFORMED_MODES, malformedModeLabels)}
        </DraftSelect>
      );
    default:
      return null;
  }
}

/** One option per value the rule schema allows, in its order. */
function options<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

function ResultCodeFields({ draft, set, placeholder }: Props & { placeholder: string }) {
  return (
    <>
      <DraftField
        label="Result code"
        placeholder={placeholder}
        value={draft.resultCode}
        onChange={(resultCode) => set({ resultCode })}
      />
      <DraftField
        label="Result text (optional)"
        hint="Empty: the standard text for the code."
        value={draft.resultDesc}
        onChange={(resultDesc) => set({ resultDesc })}
      />
    </>
  );
}
