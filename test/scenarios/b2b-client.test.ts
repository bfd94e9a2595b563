import { afterEach, describe, expect, it } from 'vitest';
import { DarajaClient, parseResultCallback, readB2BResult } from 'daraja-client';
import type { Listening } from 'daraja-emulator';
import { INITIATOR_PASSWORD, RESULT_URL, TIMEOUT_URL, startInitiator } from '../support/initiator.js';
import { c2bPayment } from '../support/initiator-payments.js';

const servers: Listening[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('The typed client pays businesses, remits tax and pulls transactions from the emulator', () => {
  it('pays a paybill and KRA with checked credentials, then reads the payments back', async () => {
    const { emulator, last } = await startInitiator({ security: { credentialCheck: 'strict' } });
    const server = await emulator.listen(0);
    servers.push(server);
    const certificate = await (await fetch(`${server.url}/_emulator/security/certificate`)).text();
    const client = new DarajaClient({
      consumerKey: 'key',
      consumerSecret: 'secret',
      baseUrl: server.url,
      shortcode: '600984',
      initiatorName: 'testapi',
      initiatorPassword: INITIATOR_PASSWORD,
      certificate,
    });
    const urls = { resultUrl: RESULT_URL, queueTimeOutUrl: TIMEOUT_URL };

    await client.b2b.payBill({
      ...urls,
      amount: 1_500,
      partyB: 600000,
      accountReference: 'INV-7',
      remarks: 'Supplies',
    });
    const paid = readB2BResult(parseResultCallback(await last()));
    expect(paid).toMatchObject({
      amount: 1_500,
      receiverPartyPublicName: '600000 - Safaricom Daraja 000',
      debitAccountAvailable: 698_500,
      billReferenceNumber: 'INV-7',
    });

    await client.b2b.remitTax({ ...urls, amount: 300, prn: 'PRN1234XN', remarks: 'VAT' });
    const tax = parseResultCallback(await last());
    expect(tax.success).toBe(true);
    expect(readB2BResult(tax)).toMatchObject({ amount: 300, billReferenceNumber: 'PRN1234XN' });

    const registered = await client.pullTransactions.register({
      nominatedNumber: '0722000000',
      callbackUrl: 'https://merchant.example/pull',
    });
    expect(registered.ResponseStatus).toBe('1000');
    const payment = await c2bPayment(emulator, 250);
    const now = emulator.clock.now();
    const pulled = await client.pullTransactions.query({
      startDate: new Date(now - 3_600_000),
      endDate: new Date(now + 3_600_000),
    });
    expect(pulled.found).toBe(true);
    expect(pulled.transactions.map((t) => t.transactionId)).toEqual([payment.receipt]);
  });
});
