import type {
  CallbackVariantView,
  FaultRuleInput,
  SettingsPatch,
  VariantValues,
} from 'daraja-client/emulator';

/** What a variant may depend on when it arms the emulator. */
export interface ArrangeOptions {
  /** How long the app waits for a callback before it acts on its own (reconciles, expires the order). */
  appTimeoutMs: number;
}

/** The emulator's side of a variant: settings and fault rules in force for the next payment only. */
export interface Arrangement {
  settings?: SettingsPatch;
  faults?: FaultRuleInput[];
}

/**
 * The order of events after the app starts the payment:
 * - `settle`: every callback goes out as it falls due;
 * - `query-while-pending`: the app's reconcile runs while the payment is still open, then it settles;
 * - `app-timeout`: time moves to the app's own timeout, the app reconciles, then late callbacks go out.
 */
export type Timeline = 'settle' | 'query-while-pending' | 'app-timeout';

/** How the customer's C2B payment reaches the app. */
export interface C2bPlan {
  /** ResponseType registered with the URLs: what M-Pesa does when validation gets no answer. */
  responseType: 'Completed' | 'Cancelled';
  /** Whether the shortcode has external validation switched on (the ValidationURL is called). */
  validation: boolean;
  /** The register URL version: v1 notifications carry a hashed MSISDN, v2 a masked one. */
  version: 'v1' | 'v2';
  /** `own`: the customer types the app's account number; `unknown`: one the app never issued. */
  account: 'own' | 'unknown';
}

/** One entry of the catalogue: the public view plus how to produce it with the emulator's own mechanisms. */
export interface CallbackVariant extends CallbackVariantView {
  arrange(options: ArrangeOptions): Arrangement;
  timeline: Timeline;
  c2b?: C2bPlan;
}

/** Values a run starts from; the runner fills in ids such as the receipt to look up or reverse. */
export type { VariantValues };

/** The public part of a variant, as listed by the control API. */
export function variantView(v: CallbackVariant): CallbackVariantView {
  return {
    name: v.name,
    family: v.family,
    description: v.description,
    evidence: v.evidence,
    expect: v.expect,
    needs: v.needs,
  };
}
