import type { FaultRuleInput } from 'daraja-client/emulator';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { MagicNumbers } from './magic-numbers';
import { RawRuleEditor } from './raw-rule-editor';
import { RuleForm } from './rule-form';
import { RuleList } from './rule-list';
import { useFaultRules } from './use-fault-rules';

/** Fault rules (list, add, delete, clear) and the magic numbers: misbehaviour on purpose, see docs/faults.md. */
export function FaultsView() {
  const api = useApi();
  const { rules, loading, error, reload } = useFaultRules();
  // The JSON editor's starting text while it is open.
  const [json, setJson] = useState<string>();

  // Each change is followed by a fetch, so the list is right even where no `faults` event comes.
  async function add(rule: FaultRuleInput) {
    await api.addFault(rule);
    reload();
  }

  return (
    <section aria-labelledby="faults-title" className="faults">
      <h2 id="faults-title">Faults</h2>
      <div className="faults-columns">
        <div>
          {error && <p className="error">{error}</p>}
          {!loading && (
            <RuleList
              rules={rules}
              onDelete={async (id) => {
                await api.deleteFault(id);
                reload();
              }}
              onClear={async () => {
                await api.clearFaults();
                reload();
              }}
            />
          )}
          {json === undefined ? (
            <RuleForm onAdd={add} onEditAsJson={(rule) => setJson(JSON.stringify(rule, null, 2))} />
          ) : (
            <RawRuleEditor initial={json} onAdd={add} onClose={() => setJson(undefined)} />
          )}
        </div>
        <MagicNumbers />
      </div>
    </section>
  );
}
