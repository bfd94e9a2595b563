import { DarajaPaths } from 'daraja-client/wire';
import { SANDBOX_MSISDN } from '../config/defaults.js';
import type { ProviderSession } from './provider-session.js';

/** Where the flows below send callbacks: captured by the session, never sent. */
export const RATIBA_BILL_URLS = {
  ratiba: 'https://consumer.example/daraja/ratiba',
  bills: 'https://consumer.example/bills/payments',
};

type Flow = (session: ProviderSession) => Promise<unknown>;

/** Ratiba callbacks and the Bill Manager payment push, each produced by its real flow (see callback-messages). */
export const RATIBA_BILL_FLOWS: Record<string, { url: string; flow: Flow }> = {
  'a Ratiba callback for a standing order the customer approved': {
    url: RATIBA_BILL_URLS.ratiba,
    flow: (session) => standingOrder(session, 'accept'),
  },
  'a Ratiba callback for a standing order the customer cancelled': {
    url: RATIBA_BILL_URLS.ratiba,
    flow: (session) => standingOrder(session, 'decline'),
  },
  'a Bill Manager payment push': {
    url: RATIBA_BILL_URLS.bills,
    flow: async (session) => {
      const optIn = await post(session, DarajaPaths.billManagerOptIn, {
        shortcode: '600000',
        email: 'billing@consumer.example',
        officialContact: '0710000000',
        sendReminders: '1',
        callbackurl: RATIBA_BILL_URLS.bills,
      });
      const appKey = String((optIn as { app_key?: unknown }).app_key);
      await post(
        session,
        DarajaPaths.billManagerSingleInvoice,
        {
          externalReference: 'W-1',
          billedFullName: 'John Doe',
          billedPhoneNumber: '0708374149',
          billedPeriod: 'November 2026',
          invoiceName: 'Water',
          dueDate: '2026-11-30',
          accountReference: 'METER-9',
          amount: '450',
        },
        { appKey },
      );
      await post(session, DarajaPaths.c2bSimulateV2, {
        ShortCode: '600000',
        CommandID: 'CustomerPayBillOnline',
        Amount: 450,
        Msisdn: SANDBOX_MSISDN,
        BillRefNumber: 'METER-9',
      });
    },
  },
};

async function standingOrder(session: ProviderSession, answer: 'accept' | 'decline'): Promise<void> {
  const ack = await post(session, DarajaPaths.ratiba, {
    StandingOrderName: 'Gym membership',
    StartDate: '20261201',
    EndDate: '20271130',
    BusinessShortCode: '600000',
    TransactionType: 'Standing Order Pay Bill External Third Party',
    ReceiverPartyIdentifierType: '4',
    Amount: '500',
    PartyA: SANDBOX_MSISDN,
    CallBackURL: RATIBA_BILL_URLS.ratiba,
    AccountReference: 'GYM001',
    TransactionDesc: 'Membership',
    Frequency: '5',
    CustomStoId: 'gym-0001',
  });
  const id = (ack as { ResponseHeader?: { responseRefID?: unknown } }).ResponseHeader?.responseRefID;
  const result = await session.call('POST', `/_emulator/ratiba/${String(id)}/${answer}`, { pin: '1234' });
  if (result.status !== 200) throw new Error(`The ${answer} answered ${result.status}.`);
}

async function post(
  session: ProviderSession,
  path: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<unknown> {
  const answer = await session.call('POST', path, body, headers);
  if (answer.status !== 200)
    throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
