import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { OperatorAccountView, SettingsPatch, SmsView } from 'daraja-client/emulator';
import {
  account,
  b2cBody,
  JOHN,
  parameters,
  paths,
  send,
  startInitiator,
  wallet,
} from '../support/initiator.js';
import { c2bPayment, stkPayment } from '../support/initiator-payments.js';
import { simulate, simulateBody } from '../support/c2b.js';
import { post, stkBody, token } from '../support/daraja-requests.js';
import type { Emulator } from '../../emulator/src/internals.js';

const AMINA = '254110000001';
/** A charge as the Charges Paid Account shows it (no -0). */
const debit = (fee: number) => (fee === 0 ? 0 : -fee);
const JANE = '254712345678';
const STK_PATH = '/mpesa/stkpush/v1/processrequest';

async function operator(emulator: Emulator): Promise<number> {
  return ((await request(emulator.app).get('/_emulator/operator').expect(200)).body as OperatorAccountView)
    .balance;
}

async function lastSms(emulator: Emulator, msisdn = JOHN): Promise<string> {
  const sms = (await request(emulator.app).get(`/_emulator/customers/${msisdn}/messages`)).body as SmsView[];
  return sms[0]?.text ?? '';
}

/** Pays a B2C and returns its Result's code and the journal's explanation of the request. */
async function b2c(
  start: Awaited<ReturnType<typeof startInitiator>>,
  msisdn: string,
  amount: number,
  id: string,
) {
  const { emulator, bearer, last } = start;
  const body = b2cBody({ PartyB: msisdn, Amount: amount, OriginatorConversationID: id });
  await send(emulator.app, paths.b2cV3, bearer, body).expect(200);
  const result = await last();
  const why = emulator.journal.list({ limit: 1 })[0]?.explanation.join(' ') ?? '';
  return { code: result.Result.ResultCode, desc: result.Result.ResultDesc, result, why };
}

describe('customer wallet limits', () => {
  it('refuses a B2C payment that would take the wallet past Ksh 500 000 with result 8, moving nothing', async () => {
    const start = await startInitiator();
    expect((await b2c(start, AMINA, 250_000, 'a')).code).toBe(0);
    const utility = account(start.emulator, '600997', 'Utility Account');
    const refused = await b2c(start, AMINA, 250_000, 'b');
    expect(refused).toMatchObject({
      code: 8,
      desc: 'Declined due to limit rule: would exceed the maximum balance.',
    });
    expect(refused.why).toMatch(
      /holds Ksh350,000\.00; receiving Ksh250,000\.00 would pass the maximum balance/,
    );
    expect(wallet(start.emulator, AMINA)).toBe(350_000);
    expect(account(start.emulator, '600997', 'Utility Account')).toBe(utility);
  });

  it('refuses a payment past the daily limit with result 4, and allows it again the next East Africa Time day', async () => {
    const start = await startInitiator({ money: { customerDailyKsh: 1_000 } });
    expect((await b2c(start, JANE, 600, 'a')).code).toBe(0);
    const refused = await b2c(start, JANE, 500, 'b');
    expect(refused.code).toBe(4);
    expect(refused.desc).toBe('Declined due to limit rule: would exceed daily transfer limit');
    expect(refused.why).toMatch(/has moved Ksh600\.00 today .* daily limit of Ksh1,000\.00/);
    await start.emulator.advance(24 * 3_600_000);
    start.bearer = await token(start.emulator.app); // the first one expired
    expect((await b2c(start, JANE, 500, 'c')).code).toBe(0);
  });

  it('counts what a customer paid towards the daily limit as well as what they received', async () => {
    const start = await startInitiator({ money: { customerDailyKsh: 1_000 } });
    expect(stkPayment(start.emulator, 700).status).toBe('completed');
    const refused = stkPayment(start.emulator, 400);
    expect(refused).toMatchObject({ status: 'failed', resultCode: 4 });
    expect(await lastSms(start.emulator)).toBe(
      'Failed. This transaction would exceed your daily M-PESA transaction limit of Ksh1,000.00.',
    );
    expect((await b2c(start, JOHN, 400, 'a')).code).toBe(4);
  });

  it('explains an STK refusal in the journal entry of the push it answers', async () => {
    const start = await startInitiator({ money: { customerDailyKsh: 1_000 } });
    const { emulator, bearer } = start;
    const ack = await post(
      emulator.app,
      STK_PATH,
      bearer,
      stkBody(emulator.clock.now(), { Amount: 1_200 }),
    ).expect(200);
    const id = (ack.body as { CheckoutRequestID: string }).CheckoutRequestID;
    expect(emulator.stk.accept(id, '1234')).toMatchObject({ status: 'failed', resultCode: 4 });
    const [entry] = emulator.journal.list({ transactionId: id });
    expect(entry?.path).toBe(STK_PATH);
    expect(entry?.explanation.at(-1)).toMatch(
      /^When the customer answered: 254708374149 has moved Ksh0\.00 today/,
    );
  });

  it('refuses a C2B payment past the daily limit and says why in the journal', async () => {
    const start = await startInitiator({ money: { customerDailyKsh: 1_000 } });
    const { emulator, bearer } = start;
    await simulate(emulator.app, bearer, simulateBody({ Amount: 600 })).expect(200);
    const res = await simulate(emulator.app, bearer, simulateBody({ Amount: 500 })).expect(200);
    expect(res.body.ResponseCode).toBe('0');
    const [t] = emulator.transactions.list({ type: 'c2b', limit: 1 });
    expect(t).toMatchObject({ status: 'failed', resultCode: 4 });
    expect(emulator.journal.list({ limit: 1 })[0]?.explanation.join(' ')).toMatch(
      /daily limit of Ksh1,000\.00/,
    );
  });

  it('refuses a payment above the per-transaction limit with result 3', async () => {
    const start = await startInitiator({ money: { customerPerTransactionKsh: 1_000 } });
    expect(stkPayment(start.emulator, 1_001)).toMatchObject({ status: 'failed', resultCode: 3 });
    await expect(c2bPayment(start.emulator, 1_001)).resolves.toMatchObject({ resultCode: 3 });
    expect(wallet(start.emulator)).toBe(50_000);
  });

  it.each([
    [9, 2, 'b2c.minAmount'],
    [250_001, 3, 'b2c.maxAmount'],
  ])('answers B2C of %i with result %i and names %s in the journal', async (amount, code, setting) => {
    const start = await startInitiator();
    const paid = await b2c(start, JOHN, amount, 'a');
    expect(paid.code).toBe(code);
    expect(paid.why).toContain(setting);
  });

  it('turns a limit off with 0', async () => {
    const start = await startInitiator({ money: { customerMaxBalanceKsh: 0, customerDailyKsh: 0 } });
    for (const id of ['a', 'b', 'c']) expect((await b2c(start, AMINA, 250_000, id)).code).toBe(0);
    expect(wallet(start.emulator, AMINA)).toBe(850_000);
  });
});

describe('transaction charges', () => {
  it.each([
    [100, 0],
    [101, 5],
    [1_500, 5],
    [1_501, 9],
    [5_001, 11],
    [20_000, 12],
    [250_000, 12],
  ])(
    'charges the business for a B2C of Ksh %i the tariff’s Ksh %i, paid to the operator',
    async (amount, fee) => {
      const start = await startInitiator();
      const before = start.emulator.ledger.conservationCents();
      const paid = await b2c(start, JANE, amount, 'a');
      expect(paid.code).toBe(0);
      expect(parameters(paid.result).B2CChargesPaidAccountAvailableFunds).toBe(debit(fee));
      expect(account(start.emulator, '600997', 'Charges Paid Account')).toBe(debit(fee));
      expect(await operator(start.emulator)).toBe(fee);
      expect(start.emulator.ledger.conservationCents()).toBe(before);
      if (fee > 0) expect(paid.why).toContain(`B2C charge of Ksh${fee}.00`);
    },
  );

  it.each([
    [{ money: { b2cCharges: 'none' } }, 0],
    [{ b2c: { chargeKsh: 15.5 } }, 15.5],
  ] as [SettingsPatch, number][])('takes the B2C charge from %j', async (settings, fee) => {
    const start = await startInitiator(settings);
    const paid = await b2c(start, JANE, 5_000, 'a');
    expect(parameters(paid.result).B2CChargesPaidAccountAvailableFunds).toBe(debit(fee));
    expect(await operator(start.emulator)).toBe(fee);
  });

  it('charges no Pay Bill fees by default: which tariff a paybill has is its own contract', async () => {
    const start = await startInitiator();
    await c2bPayment(start.emulator, 2_000);
    expect(wallet(start.emulator)).toBe(48_000);
    expect(await lastSms(start.emulator)).toMatch(/Transaction cost, Ksh0\.00\.$/);
    expect(await operator(start.emulator)).toBe(0);
  });

  it.each([
    ['mgao', 13, 7],
    ['business-bouquet', 20, 0],
    ['customer-bouquet', 0, 20],
  ] as const)(
    'shares Pay Bill charges by the %s tariff: the customer pays %i, the business %i',
    async (paybillTariff, customer, business) => {
      const start = await startInitiator({ money: { paybillTariff } });
      const { emulator } = start;
      const before = emulator.ledger.conservationCents();
      await c2bPayment(emulator, 2_000);
      expect(wallet(emulator)).toBe(50_000 - 2_000 - customer);
      expect(account(emulator, '600984', 'Utility Account')).toBe(228_037 + 2_000);
      expect(account(emulator, '600984', 'Charges Paid Account')).toBe(debit(business));
      expect(await operator(emulator)).toBe(customer + business);
      expect(await lastSms(emulator)).toMatch(new RegExp(`Transaction cost, Ksh${customer}\\.00\\.$`));
      const paid = stkPayment(emulator, 2_000);
      expect(paid.status).toBe('completed');
      expect(wallet(emulator)).toBe(50_000 - 2 * (2_000 + customer));
      expect(emulator.ledger.conservationCents()).toBe(before);
    },
  );

  it('refuses a paybill payment the wallet covers but not with the customer’s charge', async () => {
    const start = await startInitiator({ money: { paybillTariff: 'business-bouquet' } });
    const { emulator } = start;
    await request(emulator.app).patch(`/_emulator/customers/${JOHN}`).send({ balance: 1_000 }).expect(200);
    await expect(c2bPayment(emulator, 1_000)).resolves.toMatchObject({ status: 'failed', resultCode: 1 });
    expect(wallet(emulator)).toBe(1_000);
  });

  it('refuses money settings the emulator cannot use', async () => {
    const start = await startInitiator();
    const res = await request(start.emulator.app)
      .patch('/_emulator/settings')
      .send({ money: { paybillTariff: 'flat' } })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('money.paybillTariff');
  });
});
