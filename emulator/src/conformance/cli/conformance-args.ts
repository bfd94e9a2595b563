import { parseArgs } from 'node:util';
import { CONFORMANCE_FAMILIES, type ConformanceFamily, type VariantValues } from 'daraja-client/emulator';
import { DEFAULT_PORT } from '../../config/defaults.js';
import type { AppAction } from './app-action.js';
import { parseExpectation, type Expectation } from './probe.js';

export const CONFORMANCE_USAGE = `Usage: daraja-emulator conformance [options]

Plays every callback variant Daraja can send (or a chosen few) against your app, in any language: the
emulator is armed with the variant, your app is made to start a payment, the callbacks go to it, and a probe
reads what your app made of them. See docs/conformance.md.

Where the emulator is
  --emulator <url>             use one already running (env DARAJA_EMULATOR_URL); by default one is started
                               here on --port with a manual clock, so timeouts take no time
  --port <n>                   port of the emulator started here (default ${DEFAULT_PORT}; 0 picks a free one)
  --admin-token <t>            the running emulator's admin token (env DARAJA_EMULATOR_ADMIN_TOKEN)

Which variants
  --variant <name>             only these (repeatable, or comma-separated); --list shows them all
  --family <api>               only these APIs: ${CONFORMANCE_FAMILIES.join(', ')}
  --without <need>             leave out variants needing validation (a C2B ValidationURL) or reconcile

How your app starts a payment ({Name} is replaced by the run's values, e.g. {AccountReference}, {Amount},
{PhoneNumber}, {ShortCode}, {TransactionID}; commands also get them as DARAJA_ACCOUNT_REFERENCE, ...)
  --trigger '<METHOD URL [JSON body]>'   an HTTP request to your app
  --trigger-cmd '<command>'              a shell command
                               both repeatable with an API prefix for APIs started differently:
                               --trigger 'c2b=POST http://127.0.0.1:3000/invoices {"id":"{AccountReference}"}'
  --callback-url <url>         no trigger: the emulator starts the payment itself with this callback URL
  --c2b-confirmation-url <url> --c2b-validation-url <url>   your C2B URLs (registered for each C2B variant)
  --reconcile '<METHOD URL>' | --reconcile-cmd '<command>'   your app's recovery, run at --app-timeout
  --app-timeout <ms>           when your app stops waiting for a callback (default 120000)

How to read the outcome
  --probe '<METHOD URL>' | --probe-cmd '<command>'   asks your app about the run's record
  --expect <outcome>:<json path>=<value>   what a correct app shows, per outcome (success, failure, pending),
                               e.g. --expect success:status=paid --expect failure:failure.code={ExpectedResultCode}
  --value <Name>=<value>       replace a default value (repeatable), e.g. --value ShortCode=600000
  --timeout <ms>               limit for each trigger, reconcile and probe (default 10000)

Output
  --json                       results as JSON on stdout (progress still on stderr)
  --junit <file>               also write JUnit XML
  --verbose                    details for passing variants too
  --list                       list the variants and exit
  --help                       show this text

Exit status: 0 when every variant passed, 1 when any failed or could not run, 2 for bad options.`;

export interface ConformanceArgs {
  emulatorUrl: string | undefined;
  port: number;
  adminToken: string | undefined;
  variants: string[];
  families: ConformanceFamily[];
  without: ('validation' | 'reconcile')[];
  /** Per API family; `*` for every family without its own. */
  triggers: Partial<Record<ConformanceFamily | '*', AppAction>>;
  callbackUrl: string | undefined;
  c2b: { confirmationUrl: string; validationUrl?: string } | undefined;
  reconcile: AppAction | undefined;
  probe: AppAction | undefined;
  expectations: Expectation[];
  values: Partial<VariantValues>;
  timeoutMs: number;
  appTimeoutMs: number | undefined;
  json: boolean;
  junit: string | undefined;
  verbose: boolean;
  list: boolean;
  help: boolean;
}

const list = (v: string[] | undefined) =>
  (v ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);

function action(http: string | undefined, command: string | undefined, name: string): AppAction | undefined {
  if (http && command) throw new Error(`Give --${name} or --${name}-cmd, not both.`);
  if (http) return { kind: 'http', template: http };
  return command ? { kind: 'command', command } : undefined;
}

/** `--trigger [family=]template`: the family's own trigger, or the one for all (`*`). */
function triggers(http: string[], commands: string[]): ConformanceArgs['triggers'] {
  const out: ConformanceArgs['triggers'] = {};
  const add = (text: string, kind: AppAction['kind']) => {
    const m = text.match(/^([a-z0-9-]+)=(.*)$/s);
    const family =
      m && CONFORMANCE_FAMILIES.includes(m[1] as ConformanceFamily) ? (m[1] as ConformanceFamily) : '*';
    const body = family === '*' ? text : (m?.[2] ?? '');
    if (out[family]) throw new Error(`Two triggers for ${family === '*' ? 'all APIs' : family}.`);
    out[family] = kind === 'http' ? { kind, template: body } : { kind, command: body };
  };
  for (const t of http) add(t, 'http');
  for (const c of commands) add(c, 'command');
  return out;
}

function ms(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number of milliseconds, not "${text}".`);
  return n;
}

/** Reads the command's options; throws an Error with a message for the user. */
export function parseConformanceArgs(argv: string[], env: NodeJS.ProcessEnv): ConformanceArgs {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      emulator: { type: 'string' },
      port: { type: 'string' },
      'admin-token': { type: 'string' },
      variant: { type: 'string', multiple: true },
      family: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      trigger: { type: 'string', multiple: true },
      'trigger-cmd': { type: 'string', multiple: true },
      'callback-url': { type: 'string' },
      'c2b-confirmation-url': { type: 'string' },
      'c2b-validation-url': { type: 'string' },
      reconcile: { type: 'string' },
      'reconcile-cmd': { type: 'string' },
      probe: { type: 'string' },
      'probe-cmd': { type: 'string' },
      expect: { type: 'string', multiple: true },
      value: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'app-timeout': { type: 'string' },
      json: { type: 'boolean' },
      junit: { type: 'string' },
      verbose: { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const families = list(v.family);
  const unknownFamily = families.find((f) => !CONFORMANCE_FAMILIES.includes(f as ConformanceFamily));
  if (unknownFamily) throw new Error(`--family ${unknownFamily}: one of ${CONFORMANCE_FAMILIES.join(', ')}.`);
  const without = list(v.without);
  const badNeed = without.find((n) => n !== 'validation' && n !== 'reconcile');
  if (badNeed) throw new Error(`--without ${badNeed}: "validation" or "reconcile".`);
  const values: Partial<VariantValues> = {};
  for (const pair of v.value ?? []) {
    const m = pair.match(/^(\w+)=(.*)$/);
    if (!m) throw new Error(`--value ${JSON.stringify(pair)}: write Name=value.`);
    values[m[1] as string] = m[2] as string;
  }
  const confirmationUrl = v['c2b-confirmation-url'];
  if (v['c2b-validation-url'] && !confirmationUrl)
    throw new Error('--c2b-validation-url needs --c2b-confirmation-url.');
  const port = ms(v.port, 'port') ?? DEFAULT_PORT;
  if (port > 65535) throw new Error(`--port must be 0-65535, not "${v.port}".`);
  return {
    emulatorUrl: (v.emulator ?? env.DARAJA_EMULATOR_URL)?.replace(/\/+$/, ''),
    port,
    adminToken: v['admin-token'] ?? env.DARAJA_EMULATOR_ADMIN_TOKEN,
    variants: list(v.variant),
    families: families as ConformanceFamily[],
    without: without as ConformanceArgs['without'],
    triggers: triggers(v.trigger ?? [], v['trigger-cmd'] ?? []),
    callbackUrl: v['callback-url'],
    c2b: confirmationUrl
      ? { confirmationUrl, ...(v['c2b-validation-url'] ? { validationUrl: v['c2b-validation-url'] } : {}) }
      : undefined,
    reconcile: action(v.reconcile, v['reconcile-cmd'], 'reconcile'),
    probe: action(v.probe, v['probe-cmd'], 'probe'),
    expectations: (v.expect ?? []).map(parseExpectation),
    values,
    timeoutMs: ms(v.timeout, 'timeout') ?? 10_000,
    appTimeoutMs: ms(v['app-timeout'], 'app-timeout'),
    json: v.json ?? false,
    junit: v.junit,
    verbose: v.verbose ?? false,
    list: v.list ?? false,
    help: v.help ?? false,
  };
}
