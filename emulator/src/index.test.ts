import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FaultRuleError,
  StoreOpenError,
  createEmulator,
  openStore,
  type FaultRuleInput,
  type FaultRuleView,
} from './index.js';
import { internalsOf } from './internals.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the package entry point', () => {
  it('lets createEmulator users catch a bad fault rule as a FaultRuleError', () => {
    const bad = [{ effect: { type: 'initiator-result' } }] as unknown as FaultRuleInput[];
    expect(() => createEmulator({ store: 'memory', faults: bad })).toThrow(FaultRuleError);
  });

  it('types the rules given to createEmulator and the views it lists', async () => {
    const rules: FaultRuleInput[] = [
      { name: 'fail b2c', effect: { type: 'initiator-result', resultCode: 2001 } },
    ];
    const emulator = createEmulator({ store: 'memory', faults: rules });
    const views: FaultRuleView[] = emulator.faults.list();
    expect(views).toMatchObject([{ name: 'fail b2c', matched: 0, fired: 0 }]);
    await emulator.close();
  });

  it('opens a data file with openStore and refuses a damaged one with a StoreOpenError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-store-'));
    dirs.push(dir);
    const store = await openStore({ kind: 'file', path: join(dir, 'good.json') });
    const emulator = createEmulator({ store });
    expect(internalsOf(emulator).ledger.customers.size).toBeGreaterThan(0);
    await emulator.close();

    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{ this is not json');
    await expect(openStore({ kind: 'file', path: damaged })).rejects.toBeInstanceOf(StoreOpenError);
  });
});
