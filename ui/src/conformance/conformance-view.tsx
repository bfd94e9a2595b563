import type { ConformanceResult } from 'daraja-client/emulator';
import { useApi } from '../api/use-api';
import { useLiveList } from '../live/use-live-list';
import { FireForm } from './fire-form';
import { ResultCard } from './result-card';

const key = (r: ConformanceResult) => `${r.runId} ${r.variant} ${r.at}`;

/**
 * Callback conformance: results of runs (the `conformance` command, the test kit, or a variant fired from
 * here) as they finish, newest first, and a form to fire any variant at any callback URL.
 */
export function ConformanceView() {
  const api = useApi();
  const list = useLiveList<ConformanceResult>(
    {
      load: () => api.conformanceResults(),
      key,
      pick: (event) => (event.type === 'conformance' ? event.result : undefined),
      sort: (a, b) => b.at - a.at,
      limit: 200,
    },
    [api],
  );
  const passed = list.items.filter((r) => r.verdict === 'pass').length;
  return (
    <section aria-labelledby="conformance-title">
      <h2 id="conformance-title">Callback conformance</h2>
      <FireForm onFired={list.upsert} />
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && (
        <p className="muted">
          No results yet. Run <code>daraja-emulator conformance</code> against this emulator, or fire a
          variant above.
        </p>
      )}
      {list.items.length > 0 && (
        <p aria-label="Summary">
          {list.items.length} results, {passed} passed, {list.items.length - passed} not.
        </p>
      )}
      {list.items.map((r) => (
        <ResultCard key={key(r)} result={r} />
      ))}
    </section>
  );
}
