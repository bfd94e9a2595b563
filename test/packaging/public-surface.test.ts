import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/captures.js';

/**
 * What `daraja-emulator` and `daraja-emulator/testing` offer their users, read from the built package: the
 * names they export and every declaration file their types reach. The emulator's services stay behind
 * these, so they can change without breaking anyone.
 */
const dist = join(repoRoot, 'emulator', 'dist');

const MAIN_EXPORTS = [
  'DEFAULT_PORT',
  'FaultRuleError',
  'ManualClock',
  'MemoryStore',
  'SANDBOX_MSISDN',
  'SANDBOX_PASSKEY',
  'SANDBOX_SHORTCODE',
  'StoreOpenError',
  'SystemClock',
  'createEmulator',
  'defaultSettings',
  'defaultWorld',
  'openStore',
  'seededRandom',
];

const TESTING_EXPORTS = [
  'ACCEPTED',
  'CallbackSink',
  'Customer',
  'Phone',
  'SANDBOX_INITIATOR',
  'SANDBOX_MSISDN',
  'SANDBOX_PASSKEY',
  'SANDBOX_SHORTCODE',
  'TestEmulator',
  'conformanceVariants',
  'startEmulator',
];

/** The emulator object and the services it is built from: none may appear in a public type. */
const INTERNAL_NAMES = [
  'Emulator',
  'DarajaGateway',
  'TrackedStore',
  'EventBus',
  'SettingsHolder',
  'Scheduler',
  'IdFactory',
  'Ledger',
  'Transactions',
  'Messages',
  'Outbox',
  'Journal',
  'OAuthService',
  'StkService',
  'SecurityService',
  'Faults',
  'FaultRuleSet',
  'ApiModule',
  'ApiContext',
  'HostAllowList',
  'OwnAddress',
];

/** Every declaration file reachable from the entry points through relative imports. */
function reachedDeclarations(entries: string[]): Map<string, string> {
  const reached = new Map<string, string>();
  const todo = entries.map((entry) => join(dist, entry));
  while (todo.length > 0) {
    const file = normalize(todo.pop() as string);
    if (reached.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    reached.set(file, text);
    for (const [, a, b] of text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
      todo.push(join(dirname(file), (a ?? b ?? '').replace(/\.js$/, '.d.ts')));
    }
  }
  return reached;
}

/** Declaration text without its comments, where prose may mention a service by name. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('the public surface of daraja-emulator', () => {
  it('exports only the documented names from each entry point', async () => {
    const main = (await import(pathToFileURL(join(dist, 'index.js')).href)) as object;
    const testing = (await import(pathToFileURL(join(dist, 'testing', 'index.js')).href)) as object;
    expect(Object.keys(main).sort()).toEqual(MAIN_EXPORTS);
    expect(Object.keys(testing).sort()).toEqual(TESTING_EXPORTS);
  });

  it('declares no type that names the emulator class or one of its services', () => {
    const reached = reachedDeclarations(['index.d.ts', join('testing', 'index.d.ts')]);
    expect(reached.size).toBeGreaterThan(2);
    const named = [...reached].flatMap(([file, text]) =>
      INTERNAL_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(code(text))).map(
        (name) => `${file.slice(dist.length + 1)}: ${name}`,
      ),
    );
    expect(named).toEqual([]);
    expect([...reached.keys()].filter((file) => file.endsWith(join('dist', 'emulator.d.ts')))).toEqual([]);
  });

  it('gives the test kit and createEmulator no field that hands out the emulator itself', async () => {
    const kit = readFileSync(join(dist, 'testing', 'start-emulator.d.ts'), 'utf8');
    expect(code(kit)).not.toMatch(/\bemulator\s*:/);
    const { createEmulator } = (await import(pathToFileURL(join(dist, 'index.js')).href)) as {
      createEmulator: (options: object) => Record<string, unknown> & { close(): Promise<void> };
    };
    const emulator = createEmulator({ store: 'memory', uiDir: false });
    try {
      expect(Object.keys(emulator).sort()).toEqual([
        'advance',
        'close',
        'faults',
        'listen',
        'now',
        'reset',
        'runAll',
      ]);
    } finally {
      await emulator.close();
    }
  });

  it('keeps the internals module out of the package exports', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'emulator', 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json', './schema/*.json', './testing']);
    expect(existsSync(join(dist, 'internals.js'))).toBe(true);
  });
});
