import { DarajaPaths, KRA_SHORTCODE } from 'daraja-client/wire';
import type { EmulatorOptions } from '../emulator.js';
import { SANDBOX_INITIATOR, SANDBOX_MSISDN } from '../config/defaults.js';
import { ProviderSession } from './provider-session.js';
import { cancelStkPrompt, openStkPrompt, payStkPrompt } from './stk-prompt.js';
import { initiatorCredential } from './initiator-credential.js';
import { RATIBA_BILL_FLOWS } from './ratiba-bill-messages.js';

/** Where the flows below send callbacks: captured by the session, never sent. */
const URLS = {
  stk: 'https://consumer.example/daraja/stk',
  confirmation: 'https://consumer.example/payments/confirmation',
  validation: 'https://consumer.example/payments/validation',
  result: 'https://consumer.example/daraja/result',
  timeout: 'https://consumer.example/daraja/timeout',
  expressCheckout: 'https://consumer.example/daraja/express-checkout',
};

/** A paybill with an initiator in the default world, for C2B payments and the initiator APIs. */
const PAYBILL = '600000';
const B2C_SHORTCODE = '600997';

type Flow = (session: ProviderSession) => Promise<unknown>;

/**
 * The callbacks the emulator sends, each produced by running the real flow in a fresh emulator and taking
 * the body it delivered. Keyed by the message description used in pacts.
 */
const FLOWS: Record<string, { url: string; flow: Flow }> = {
  'an STK callback for a payment the customer accepted': {
    url: URLS.stk,
    flow: async (session) => {
      const t = openStkPrompt(session.emulator, {
        msisdn: SANDBOX_MSISDN,
        amount: 10,
        callbackUrl: URLS.stk,
      });
      await payStkPrompt(session.emulator, t.id);
    },
  },
  'an STK callback for a payment the customer cancelled': {
    url: URLS.stk,
    flow: async (session) => {
      const t = openStkPrompt(session.emulator, {
        msisdn: SANDBOX_MSISDN,
        amount: 10,
        callbackUrl: URLS.stk,
      });
      await cancelStkPrompt(session.emulator, t.id);
    },
  },
  'a C2B validation request': { url: URLS.validation, flow: (s) => c2bPayment(s, true) },
  'a C2B confirmation': { url: URLS.confirmation, flow: (s) => c2bPayment(s, false) },
  'a B2C result for a completed payment': {
    url: URLS.result,
    flow: async (session) => {
      await darajaCall(session, DarajaPaths.b2cV3, {
        OriginatorConversationID: 'pact-b2c-0001',
        InitiatorName: SANDBOX_INITIATOR.name,
        SecurityCredential: credential(session),
        CommandID: 'BusinessPayment',
        Amount: 100,
        PartyA: B2C_SHORTCODE,
        PartyB: SANDBOX_MSISDN,
        Remarks: 'Refund',
        QueueTimeOutURL: URLS.timeout,
        ResultURL: URLS.result,
        Occassion: 'Refund',
      });
    },
  },
  'a Transaction Status result for a completed payment': {
    url: URLS.result,
    flow: async (session) => {
      const receipt = await c2bPayment(session, false);
      await darajaCall(session, DarajaPaths.transactionStatus, {
        ...initiatorFields(session, 'TransactionStatusQuery'),
        TransactionID: receipt,
        PartyA: PAYBILL,
        IdentifierType: '4',
        Remarks: 'Reconciliation',
        Occasion: 'Nightly check',
      });
    },
  },
  'an Account Balance result': {
    url: URLS.result,
    flow: async (session) => {
      await darajaCall(session, DarajaPaths.accountBalance, {
        ...initiatorFields(session, 'AccountBalance'),
        PartyA: PAYBILL,
        IdentifierType: '4',
        Remarks: 'Balance',
      });
    },
  },
  'a Reversal result for a completed payment': {
    url: URLS.result,
    flow: async (session) => {
      const receipt = await c2bPayment(session, false);
      await darajaCall(session, DarajaPaths.reversal, {
        ...initiatorFields(session, 'TransactionReversal'),
        TransactionID: receipt,
        Amount: 250,
        ReceiverParty: PAYBILL,
        RecieverIdentifierType: '11',
        Remarks: 'Customer overpaid',
      });
    },
  },
  'a B2B result for a completed paybill payment': {
    url: URLS.result,
    flow: (session) => businessPayment(session, DarajaPaths.b2b, 'BusinessPayBill', PAYBILL, 'INV-7'),
  },
  'a tax remittance result': {
    url: URLS.result,
    flow: (session) =>
      businessPayment(session, DarajaPaths.taxRemittance, 'PayTaxToKRA', KRA_SHORTCODE, 'PRN1234XN'),
  },
  'a B2B Express Checkout callback for a payment the operator confirmed': {
    url: URLS.expressCheckout,
    flow: (session) => expressCheckout(session, 'accept'),
  },
  'a B2B Express Checkout callback for a push the operator cancelled': {
    url: URLS.expressCheckout,
    flow: (session) => expressCheckout(session, 'decline'),
  },
  ...RATIBA_BILL_FLOWS,
};

/** True when `description` names a callback the emulator can produce. */
export function isCallbackMessage(description: string): boolean {
  return description in FLOWS;
}

/** The message descriptions the emulator can produce, for docs and error messages. */
export const CALLBACK_MESSAGES: readonly string[] = Object.keys(FLOWS);

/** Runs the flow named `description` in a fresh emulator and returns the callback body it delivered. */
export async function produceCallback(description: string, options: EmulatorOptions = {}): Promise<unknown> {
  const entry = FLOWS[description];
  if (!entry) throw new Error(`No callback message is called "${description}".`);
  const session = new ProviderSession(options);
  try {
    await session.listen();
    await entry.flow(session);
    await session.emulator.runAll();
    const delivered = session.callbacks.filter((c) => c.url === entry.url).at(-1);
    if (!delivered) throw new Error(`The flow for "${description}" delivered nothing to ${entry.url}.`);
    return delivered.body;
  } finally {
    await session.close();
  }
}

/** Message producers for Pact's verifier, one per callback description. */
export function callbackMessageProviders(
  options: EmulatorOptions = {},
): Record<string, () => Promise<unknown>> {
  return Object.fromEntries(
    CALLBACK_MESSAGES.map((description) => [description, () => produceCallback(description, options)]),
  );
}

/** A customer pays the paybill from the phone menu; resolves with the receipt (TransID). */
async function c2bPayment(session: ProviderSession, validation: boolean): Promise<string> {
  if (validation)
    await controlCall(session, 'PUT', `/c2b/shortcodes/${PAYBILL}/validation`, { enabled: true });
  await darajaCall(session, DarajaPaths.c2bRegisterV2, {
    ShortCode: PAYBILL,
    ResponseType: 'Completed',
    ConfirmationURL: URLS.confirmation,
    ValidationURL: URLS.validation,
  });
  await darajaCall(session, DarajaPaths.c2bSimulateV2, {
    ShortCode: PAYBILL,
    CommandID: 'CustomerPayBillOnline',
    Amount: 250,
    Msisdn: SANDBOX_MSISDN,
    BillRefNumber: 'INV-2041',
  });
  await session.emulator.runAll();
  const confirmation = session.callbacks.filter((c) => c.url === URLS.confirmation).at(-1);
  const receipt = (confirmation?.body as { TransID?: unknown } | undefined)?.TransID;
  if (!validation && typeof receipt !== 'string') throw new Error('The C2B payment sent no confirmation.');
  return typeof receipt === 'string' ? receipt : '';
}

/** 600984 pays a B2B or tax request (the body shape both share). */
async function businessPayment(
  session: ProviderSession,
  path: string,
  commandId: string,
  partyB: string,
  reference: string,
): Promise<void> {
  await darajaCall(session, path, {
    ...initiatorFields(session, commandId),
    SenderIdentifierType: '4',
    RecieverIdentifierType: '4',
    Amount: 1500,
    PartyA: '600984',
    PartyB: partyB,
    AccountReference: reference,
    Remarks: 'Supplies',
  });
}

function initiatorFields(session: ProviderSession, commandId: string) {
  return {
    Initiator: SANDBOX_INITIATOR.name,
    SecurityCredential: credential(session),
    CommandID: commandId,
    QueueTimeOutURL: URLS.timeout,
    ResultURL: URLS.result,
  };
}

function credential(session: ProviderSession): string {
  return initiatorCredential(session.emulator, SANDBOX_INITIATOR.password);
}

async function darajaCall(session: ProviderSession, path: string, body: unknown): Promise<void> {
  const answer = await session.call('POST', path, body);
  if (answer.status !== 200) {
    throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

async function controlCall(
  session: ProviderSession,
  method: string,
  path: string,
  body: unknown,
): Promise<void> {
  const answer = await session.call(method, `/_emulator${path}`, body);
  if (answer.status >= 300)
    throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** A vendor pushes to the default till; its operator (the nominated phone, PIN 1234) answers. */
async function expressCheckout(session: ProviderSession, answer: 'accept' | 'decline'): Promise<void> {
  const till = '373132';
  await controlCall(session, 'PATCH', `/shortcodes/${till}`, { balances: { 'Merchant Account': 1_000 } });
  await darajaCall(session, DarajaPaths.b2bExpressCheckout, {
    primaryShortCode: till,
    receiverShortCode: PAYBILL,
    amount: '100',
    paymentRef: 'INV-2231',
    callbackUrl: URLS.expressCheckout,
    partnerName: 'Vendor Supplies',
    RequestRefID: 'pact-express-0001',
  });
  const [prompt] = session.emulator.transactions.page({ type: 'b2b-express-checkout' }).items;
  await controlCall(session, 'POST', `/express-checkout/${prompt?.id ?? ''}/${answer}`, { pin: '1234' });
}
