import { afterEach, describe, expect, it } from 'vitest';
import {
  DarajaClient,
  parseResultCallback,
  readAccountBalanceResult,
  readB2CResult,
  readReversalResult,
  readTransactionStatusResult,
} from 'daraja-client';
import type { Listening } from 'daraja-emulator';
import { INITIATOR_PASSWORD, JOHN, RESULT_URL, TIMEOUT_URL, startInitiator } from '../support/initiator.js';
import { stkPayment } from '../support/initiator-payments.js';

const servers: Listening[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('The typed client against the emulator, with credentials checked', () => {
  it('pays out, looks the payment up, reads the balance and reverses an STK payment', async () => {
    const { emulator, last } = await startInitiator({ security: { credentialCheck: 'strict' } });
    const server = await emulator.listen(0);
    servers.push(server);
    const certificate = await (await fetch(`${server.url}/_emulator/security/certificate`)).text();
    const client = (shortcode: string) =>
      new DarajaClient({
        consumerKey: 'key',
        consumerSecret: 'secret',
        baseUrl: server.url,
        shortcode,
        initiatorName: 'testapi',
        initiatorPassword: INITIATOR_PASSWORD,
        certificate,
      });
    const urls = { resultUrl: RESULT_URL, queueTimeOutUrl: TIMEOUT_URL };

    const ack = await client('600997').b2c.pay({
      amount: 1_000,
      phoneNumber: '0708374149',
      remarks: 'Refund',
      ...urls,
    });
    const paid = readB2CResult(parseResultCallback(await last()));
    expect(paid).toMatchObject({
      amount: 1_000,
      receiverName: `${JOHN} - John Doe`,
      recipientIsRegistered: true,
    });

    await client('600997').transactionStatus.query({
      originalConversationId: ack.OriginatorConversationID,
      remarks: 'Check',
      ...urls,
    });
    const status = readTransactionStatusResult(parseResultCallback(await last()));
    expect(status).toMatchObject({ receiptNo: paid.receipt, amount: 1_000, status: 'Completed' });

    await client('600997').accountBalance.query({ remarks: 'Balance', ...urls });
    const balance = readAccountBalanceResult(parseResultCallback(await last()));
    expect(balance.accounts.find((a) => a.name === 'Utility Account')?.available).toBe(8_958_269.6);

    const stk = stkPayment(emulator, 250);
    await client('174379').reversal.request({
      transactionId: stk.receipt ?? '',
      amount: 250,
      remarks: 'Cancelled',
      ...urls,
    });
    const reversal = parseResultCallback(await last());
    expect(reversal.resultCode).toBe(0);
    expect(readReversalResult(reversal)).toMatchObject({
      originalTransactionId: stk.receipt,
      amount: 250,
      charge: 0,
    });
    expect(emulator.transactions.get(stk.id)?.status).toBe('reversed');
  });

  it('pays a Pochi la Biashara wallet through the client and the emulator pays the customer', async () => {
    const { emulator, last } = await startInitiator({ security: { credentialCheck: 'strict' } });
    const server = await emulator.listen(0);
    servers.push(server);
    const certificate = await (await fetch(`${server.url}/_emulator/security/certificate`)).text();
    const client = new DarajaClient({
      consumerKey: 'key',
      consumerSecret: 'secret',
      baseUrl: server.url,
      shortcode: '600997',
      initiatorName: 'testapi',
      initiatorPassword: INITIATOR_PASSWORD,
      certificate,
    });
    const before = emulator.ledger.customer(JOHN)?.balanceCents ?? 0;
    const ack = await client.b2c.payToPochi({
      amount: 500,
      phoneNumber: '0708374149',
      remarks: 'Supplier',
      resultUrl: RESULT_URL,
      queueTimeOutUrl: TIMEOUT_URL,
      originatorConversationId: 'pochi-0001',
    });
    expect(ack).toMatchObject({ OriginatorConversationID: 'pochi-0001', ResponseCode: '0' });
    const result = parseResultCallback(await last());
    expect(result.resultCode).toBe(0);
    expect(emulator.ledger.customer(JOHN)?.balanceCents).toBe(before + 50_000);
    const request = emulator.journal.list({ api: 'b2pochi' })[0]?.requestBody as Record<string, unknown>;
    expect(request.CommandID).toBe('BusinessPayToPochi');
  });
});
