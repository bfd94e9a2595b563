import type { FaultRuleView } from 'daraja-client/emulator';
import { useState } from 'react';
import { errorMessage } from '../api/control-error';
import { JsonBlock } from '../common/json-block';
import { describeCounting, describeEffect, describeMatch } from './rule-summary';

interface Props {
  rules: FaultRuleView[];
  onDelete: (id: string) => Promise<void>;
  onClear: () => Promise<void>;
}

/** The rules in force, in the order the emulator applies them, with their counters. */
export function RuleList({ rules, onDelete, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();

  async function run(action: () => Promise<void>) {
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  if (rules.length === 0) {
    return <p className="muted">No fault rules: the emulator behaves like Daraja on a good day.</p>;
  }
  return (
    <>
      <div className="list-head">
        <p className="muted">Applied in this order; a rule that answers stops the ones after it.</p>
        {confirming ? (
          <span className="confirm" role="group" aria-label="Confirm removing every rule">
            Remove all {rules.length}?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => void run(onClear).then(() => setConfirming(false))}
            >
              Remove all
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </span>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Remove all rules
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      <ol className="rule-list" aria-label="Fault rules">
        {rules.map((rule) => (
          <li key={rule.id}>
            <RuleCard rule={rule} onDelete={() => run(() => onDelete(rule.id))} />
          </li>
        ))}
      </ol>
    </>
  );
}

function RuleCard({ rule, onDelete }: { rule: FaultRuleView; onDelete: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <article className="card rule" aria-label={`Fault rule ${rule.name}`}>
      <header className="card-head">
        <strong>{rule.name}</strong>
        {rule.name !== rule.id && <code>{rule.id}</code>}
        {!rule.enabled && <span className="badge muted">disabled</span>}
        <span className="badge wait" aria-label={`matched ${rule.matched}, fired ${rule.fired}`}>
          matched {rule.matched} · fired {rule.fired}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onDelete().finally(() => setBusy(false));
          }}
        >
          Delete <span className="visually-hidden">{rule.name}</span>
        </button>
      </header>
      <dl className="facts">
        <dt>Matches</dt>
        <dd>{describeMatch(rule.match)}</dd>
        <dt>Fires</dt>
        <dd>{describeCounting(rule)}</dd>
        <dt>Effect</dt>
        <dd>{describeEffect(rule.effect)}</dd>
      </dl>
      <details>
        <summary>JSON</summary>
        <JsonBlock label={`Rule ${rule.id}`} value={withoutCounters(rule)} />
      </details>
    </article>
  );
}

/** The rule as it would be written in a config file. */
function withoutCounters(rule: FaultRuleView): Omit<FaultRuleView, 'matched' | 'fired'> {
  const { matched: _matched, fired: _fired, ...input } = rule;
  return input;
}
