import type {
  CallbackExchange,
  CallbackVariantView,
  DeliveryView,
  TransactionType,
  VariantValues,
} from 'daraja-client/emulator';
import { realTimers, type Timers } from '../time/timers.js';
import { RunClock } from './run-clock.js';
import { armVariant } from './arm-variant.js';
import { answerProblems } from './answer-problems.js';
import { variantView, type CallbackVariant } from './callback-variant.js';
import type { ControlClient } from './control-client.js';
import type { C2bUrls, DarajaSide } from './daraja-side.js';
import { variantValues } from './variant-values.js';

/** The app's timeout when none is given: longer than the 60 s PIN timeout, as most apps wait. */
export const DEFAULT_APP_TIMEOUT_MS = 120_000;
/** How long after the push the app's reconcile runs in the query-while-pending variants. */
const QUERY_AFTER_MS = 5_000;

export interface PlayOptions {
  /**
   * Makes the app start the payment (or query) with these values: a request to the app, a command, ...
   * A string it returns is reported as what the trigger did.
   */
  trigger?: (values: VariantValues) => unknown;
  /** Without a trigger: the emulator starts the payment itself, with this callback URL. */
  callbackUrl?: string;
  /** The app's own recovery at its timeout (e.g. STK query for pending payments). */
  reconcile?: (values: VariantValues) => unknown;
  /** The app's C2B URLs; the runner registers them with each variant's ResponseType and version. */
  c2b?: C2bUrls;
  /** Values that replace the defaults (shortcode, phone, amount). */
  values?: Partial<VariantValues>;
  appTimeoutMs?: number;
  /** Real-time waiting on a system clock; injected in tests. */
  timers?: Timers;
}

/** What happened in a run of one variant; the app's own state is for the caller to check. */
export interface VariantRun {
  variant: CallbackVariantView;
  values: VariantValues;
  transactionId?: string;
  /** What started the payment, in a line. */
  trigger?: string;
  /** Every callback of the payment, oldest first, with the app's answers. */
  callbacks: CallbackExchange[];
  /** Answers a correct app would not give (HTTP errors, slow or wrong validation answers). */
  problems: string[];
  /** Set when the run could not be completed (the trigger failed, no payment started, ...). */
  error?: string;
}

const TYPE: Record<CallbackVariant['family'], TransactionType> = {
  stk: 'stk',
  c2b: 'c2b',
  b2c: 'b2c',
  'transaction-status': 'transaction-status',
  'account-balance': 'account-balance',
  reversal: 'reversal',
};

/**
 * Runs one variant against an app: arms the emulator, has the app (or the emulator) start the payment, plays
 * the variant's timeline on the emulator clock, and collects the callbacks and the app's answers. Never
 * throws for the app's or the trigger's failures: they are reported in `error` and `problems`.
 */
export async function playVariant(
  control: ControlClient,
  daraja: DarajaSide,
  variant: CallbackVariant,
  options: PlayOptions,
): Promise<VariantRun> {
  const values = variantValues(variant, options.values);
  const run: VariantRun = { variant: variantView(variant), values, callbacks: [], problems: [] };
  const appTimeoutMs = options.appTimeoutMs ?? DEFAULT_APP_TIMEOUT_MS;
  const clock = new RunClock(control, options.timers ?? realTimers);
  const undo: (() => Promise<unknown>)[] = [];
  try {
    await clock.init();
    await clock.freshInstant();
    undo.push(await armVariant(control, variant, { appTimeoutMs }));
    if (variant.family === 'transaction-status' || variant.family === 'reversal') {
      const paid = await control.pay({
        shortcode: values.ShortCode ?? '',
        msisdn: values.PhoneNumber ?? '',
        amount: 10,
      });
      await clock.settle(paid.id);
      values.TransactionID = (await control.transaction(paid.id)).receipt ?? '';
      values.Amount = '10';
    }
    const c2bUrls =
      options.c2b ??
      (options.callbackUrl
        ? { confirmationUrl: options.callbackUrl, validationUrl: options.callbackUrl }
        : undefined);
    if (variant.c2b) {
      const plan = variant.c2b;
      if (!c2bUrls)
        return fail(
          run,
          'C2B variants need the app’s C2B URLs (a confirmation URL, and a validation URL for validation variants).',
        );
      if (plan.validation && !c2bUrls.validationUrl)
        return fail(
          run,
          `${variant.name} needs the app’s ValidationURL; leave it out with the "validation" need.`,
        );
      const shortcode = values.ShortCode ?? '';
      await daraja.registerC2b(shortcode, c2bUrls, plan.responseType, plan.version);
      const wasOn = await control.externalValidation(shortcode, plan.validation);
      undo.push(() => control.externalValidation(shortcode, wasOn));
    }
    const before = new Set((await control.transactions(TYPE[variant.family])).map((t) => t.id));
    try {
      if (options.trigger) {
        const said = await options.trigger(values);
        run.trigger = typeof said === 'string' ? said : 'the app was asked to start the payment';
      } else if (options.callbackUrl) {
        run.trigger = await daraja.start(variant.family, values, options.callbackUrl);
      } else {
        return fail(run, 'Nothing starts the payment: give a trigger or a callback URL.');
      }
    } catch (error) {
      return fail(run, `The trigger failed: ${(error as Error).message}`);
    }
    if (variant.c2b) {
      const paid = await control.pay({
        shortcode: values.ShortCode ?? '',
        msisdn: values.MSISDN ?? '',
        amount: Number(values.Amount),
        billRefNumber: values.BillRefNumber ?? '',
      });
      run.transactionId = paid.id;
      run.trigger = `${run.trigger}; the customer paid ${values.ShortCode} account ${values.BillRefNumber}`;
    } else {
      const started = (await control.transactions(TYPE[variant.family])).find((t) => !before.has(t.id));
      if (!started)
        return fail(run, `The trigger ran, but no ${variant.family} request reached the emulator.`);
      run.transactionId = started.id;
    }
    await playTimeline(variant, run, options, clock, appTimeoutMs);
    const deliveries = await control.deliveries(run.transactionId);
    run.callbacks = deliveries.reverse().map(exchange);
    const limit = (await control.settings()).c2b.validationTimeoutMs;
    run.problems = answerProblems(variant, run.callbacks, limit);
    return run;
  } catch (error) {
    return fail(run, (error as Error).message);
  } finally {
    for (const step of undo.reverse()) await step().catch(() => undefined);
  }
}

async function playTimeline(
  variant: CallbackVariant,
  run: VariantRun,
  options: PlayOptions,
  clock: RunClock,
  appTimeoutMs: number,
): Promise<void> {
  const id = run.transactionId ?? '';
  const reconcile = async () => {
    if (!options.reconcile) return;
    try {
      await options.reconcile(run.values);
    } catch (error) {
      run.problems.push(`The app's reconcile failed: ${(error as Error).message}`);
    }
  };
  if (variant.timeline === 'query-while-pending') {
    await clock.advance(QUERY_AFTER_MS);
    await reconcile();
  } else if (variant.timeline === 'app-timeout') {
    await clock.advance(appTimeoutMs);
    await reconcile();
  }
  await clock.settle(id);
}

function fail(run: VariantRun, error: string): VariantRun {
  run.error = error;
  return run;
}

function exchange(d: DeliveryView): CallbackExchange {
  return {
    deliveryId: d.id,
    kind: d.kind,
    url: d.url,
    body: d.body,
    status: d.status,
    answers: d.attempts.map((a) => ({
      ...(a.status !== undefined ? { status: a.status } : {}),
      ...(a.responseBody !== undefined ? { body: a.responseBody } : {}),
      latencyMs: a.durationMs,
      ...(a.error !== undefined ? { error: a.error } : {}),
    })),
    ...(d.rules?.length ? { rules: d.rules } : {}),
  };
}
