import { DarajaPaths } from 'daraja-client/wire';
import type { TransactionView } from 'daraja-client/emulator';
import { addCustomer, addShortcode } from '../ledger/seed.js';
import { toCents } from '../ledger/records.js';
import { SANDBOX_INITIATOR } from '../config/defaults.js';
import type { ProviderSession } from './provider-session.js';
import { StateTemplate, type StateParams } from './state-template.js';
import { cancelStkPrompt, openStkPrompt, payStkPrompt, type PromptRequest } from './stk-prompt.js';
import { msisdn, optionalText, ProviderStateError, shillings, shortcode, text } from './state-values.js';
import { initiatorCredential } from './initiator-credential.js';
import { billManagerOptIn } from './bill-manager-state.js';

/** Values a state hands back to the verifier, for `fromProviderState` expressions in the pact. */
export type StateValues = Record<string, string | number>;

/** One provider state the emulator understands. */
export interface ProviderStateDefinition {
  template: StateTemplate;
  /** What the state sets up, for the docs and the unknown-state message. */
  summary: string;
  /** Values returned to the verifier, by name. */
  returns: readonly string[];
  setup(session: ProviderSession, params: StateParams): Promise<StateValues | undefined>;
}

function define(
  template: string,
  summary: string,
  returns: readonly string[],
  setup: ProviderStateDefinition['setup'],
): ProviderStateDefinition {
  return { template: new StateTemplate(template), summary, returns, setup };
}

const STK_VALUES = ['CheckoutRequestID', 'MerchantRequestID'] as const;

function stkValues(t: TransactionView): StateValues {
  return {
    CheckoutRequestID: t.id,
    MerchantRequestID: t.merchantRequestId ?? '',
    ...(t.receipt ? { receipt: t.receipt, MpesaReceiptNumber: t.receipt } : {}),
  };
}

function promptRequest(params: StateParams): PromptRequest {
  const id = optionalText(params, 'CheckoutRequestID');
  return {
    msisdn: msisdn(params),
    ...(params.shortcode === undefined ? {} : { shortcode: shortcode(params) }),
    ...(params.amount === undefined ? {} : { amount: shillings(params) }),
    ...(id === undefined ? {} : { checkoutRequestId: id }),
  };
}

const app = define(
  'app {consumerKey} exists with secret {consumerSecret}',
  'A Daraja app with these credentials; bearer tokens of the interaction are issued to it.',
  [],
  async (session, params) => {
    session.addApp(text(params, 'consumerKey'), text(params, 'consumerSecret'));
    return undefined;
  },
);

const token = define(
  'an access token was issued to app {consumerKey}',
  'A real token for the app (added by an earlier state, or accepted as an unknown app).',
  ['accessToken'],
  async (session, params) => ({ accessToken: session.issueToken(text(params, 'consumerKey')) }),
);

const invalidToken = define(
  'the access token is invalid',
  'The recorded bearer token is sent unchanged, so the emulator rejects it as Daraja would.',
  [],
  async (session) => {
    session.keepRecordedToken();
    return undefined;
  },
);

const passkey = define(
  'shortcode {shortcode} has passkey {passkey}',
  'A Lipa na M-Pesa Online shortcode with this passkey (a shortcode not in the world is added as a paybill).',
  [],
  async (session, params) => {
    const { ledger } = session.emulator;
    const code = shortcode(params);
    const key = text(params, 'passkey');
    const org = ledger.org(code);
    if (org) ledger.putOrg({ ...org, passkey: key });
    else addShortcode(ledger, { shortcode: code, kind: 'paybill', name: `Shortcode ${code}`, passkey: key });
    return undefined;
  },
);

function customerBalance(template: string): ProviderStateDefinition {
  return define(
    template,
    'A customer wallet with this balance (PIN 1234 when new).',
    [],
    async (session, params) => {
      const { ledger } = session.emulator;
      const phone = msisdn(params);
      const existing = ledger.customer(phone);
      addCustomer(ledger, {
        msisdn: phone,
        name: existing?.name ?? 'M-PESA Customer',
        pin: existing?.pin ?? '1234',
        balance: shillings(params),
      });
      return undefined;
    },
  );
}

const shortcodeBalance = define(
  'shortcode {shortcode} has {amount} in its {account}',
  'One account of a shortcode of the world, e.g. "Working Account" or "Utility Account".',
  [],
  async (session, params) => {
    const { ledger } = session.emulator;
    const code = shortcode(params);
    if (!ledger.org(code)) throw new ProviderStateError(`shortcode ${code} is not in the emulator's world`);
    ledger.setBalance(
      { type: 'org', shortcode: code, account: text(params, 'account') },
      toCents(shillings(params)),
      'adjustment',
    );
    return undefined;
  },
);

function pendingPush(template: string): ProviderStateDefinition {
  return define(
    template,
    'An open STK prompt on the phone; optional params shortcode (default 174379) and amount (default 1).',
    STK_VALUES,
    async (session, params) => stkValues(openStkPrompt(session.emulator, promptRequest(params))),
  );
}

function paidPush(template: string): ProviderStateDefinition {
  return define(
    template,
    'A push the customer paid with their PIN; its callback has been delivered.',
    [...STK_VALUES, 'receipt', 'MpesaReceiptNumber'],
    async (session, params) => {
      const opened = openStkPrompt(session.emulator, promptRequest(params));
      return stkValues(await payStkPrompt(session.emulator, opened.id));
    },
  );
}

function cancelledPush(template: string): ProviderStateDefinition {
  return define(
    template,
    'A push the customer cancelled (ResultCode 1032); its callback has been delivered.',
    STK_VALUES,
    async (session, params) => {
      const opened = openStkPrompt(session.emulator, promptRequest(params));
      return stkValues(await cancelStkPrompt(session.emulator, opened.id));
    },
  );
}

const c2bPayment = define(
  '{msisdn} paid {amount} to shortcode {shortcode}',
  'A completed customer payment to a paybill or till, from the phone; returns its receipt.',
  ['receipt', 'TransactionID'],
  async (session, params) => {
    const answer = await session.call('POST', '/_emulator/c2b/payments', {
      shortcode: shortcode(params),
      msisdn: msisdn(params),
      amount: shillings(params),
    });
    const id = (answer.body as { id?: unknown } | undefined)?.id;
    if (answer.status !== 201 || typeof id !== 'string') {
      throw new ProviderStateError(`the payment was refused: ${JSON.stringify(answer.body)}`);
    }
    await session.emulator.runAll();
    const receipt = session.emulator.transactions.get(id)?.receipt;
    if (!receipt) throw new ProviderStateError('the payment did not complete');
    return { receipt, TransactionID: receipt };
  },
);

const b2cRequested = define(
  'a B2C payment {OriginatorConversationID} was requested',
  'A B2C v3 payment already sent with this OriginatorConversationID (from 600997 to 254708374149).',
  ['ConversationID'],
  async (session, params) => {
    const answer = await session.call('POST', DarajaPaths.b2cV3, {
      OriginatorConversationID: text(params, 'OriginatorConversationID'),
      InitiatorName: SANDBOX_INITIATOR.name,
      SecurityCredential: initiatorCredential(session.emulator, SANDBOX_INITIATOR.password),
      CommandID: 'BusinessPayment',
      Amount: 100,
      PartyA: '600997',
      PartyB: '254708374149',
      Remarks: 'Provider state',
      QueueTimeOutURL: 'https://provider-state.example/daraja/timeout',
      ResultURL: 'https://provider-state.example/daraja/result',
    });
    const conversation = (answer.body as { ConversationID?: unknown } | undefined)?.ConversationID;
    if (answer.status !== 200 || typeof conversation !== 'string') {
      throw new ProviderStateError(`the B2C request was refused: ${JSON.stringify(answer.body)}`);
    }
    return { ConversationID: conversation };
  },
);

const simSwapped = define(
  'customer {msisdn} swapped the SIM',
  "The SIM of this number was swapped at the emulator clock's current time (a new IMSI; the IMSI and Swap checks report the date).",
  [],
  async (session, params) => {
    const answer = await session.call('POST', `/_emulator/sims/${msisdn(params)}/swap`, {});
    if (answer.status !== 200)
      throw new ProviderStateError(`the swap was refused: ${JSON.stringify(answer.body)}`);
    return undefined;
  },
);

/** Every provider state the emulator understands, in the order the docs list them. */
export const PROVIDER_STATES: readonly ProviderStateDefinition[] = [
  app,
  token,
  invalidToken,
  passkey,
  customerBalance('customer {msisdn} has balance {amount}'),
  customerBalance('customer {msisdn} has Ksh {amount}'),
  shortcodeBalance,
  pendingPush('an STK push {CheckoutRequestID} is pending for {msisdn}'),
  pendingPush('an STK push is pending for {msisdn}'),
  paidPush('an STK push {CheckoutRequestID} was paid by {msisdn}'),
  paidPush('an STK push was paid by {msisdn}'),
  cancelledPush('an STK push {CheckoutRequestID} was cancelled by {msisdn}'),
  cancelledPush('an STK push was cancelled by {msisdn}'),
  c2bPayment,
  b2cRequested,
  simSwapped,
  define(
    'shortcode {shortcode} is opted in to Bill Manager',
    'The shortcode opted in to Bill Manager (callbacks to a provider-state URL); returns its app key.',
    ['appKey'],
    billManagerOptIn,
  ),
];
