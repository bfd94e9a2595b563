import { X509Certificate, constants, publicEncrypt } from 'node:crypto';
import type { Test } from 'supertest';
import type { Express } from 'express';
import type { ResultCallback } from 'daraja-client/wire';
import type { SettingsPatch } from 'daraja-client/emulator';
import { capturingPoster } from './capturing-poster.js';
import { post, token } from './daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

export const RESULT_URL = 'https://merchant.example/initiator/result';
export const TIMEOUT_URL = 'https://merchant.example/initiator/timeout';
export const INITIATOR = 'testapi';
export const INITIATOR_PASSWORD = 'Safaricom999!*!';
export const JOHN = '254708374149';

/** A well-formed credential (base64 of 256 bytes): what lenient mode accepts without decrypting. */
export const LENIENT_CREDENTIAL = Buffer.alloc(256, 0x5a).toString('base64');

/** Encrypts a password with the emulator's certificate, as a client does (RSA PKCS#1 v1.5, base64). */
export function credentialFor(emulator: Emulator, password = INITIATOR_PASSWORD): string {
  const certificate = new X509Certificate(emulator.security.certificatePem());
  return publicEncrypt(
    { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(password, 'utf8'),
  ).toString('base64');
}

/** A manual-clock emulator whose callbacks land in memory, with a bearer token. */
export async function startInitiator(settings: SettingsPatch = {}) {
  const sink = capturingPoster();
  const emulator = new Emulator({
    clock: 'manual',
    store: 'memory',
    seed: 1,
    poster: sink.poster,
    settings,
  });
  const bearer = await token(emulator.app);
  /** Result callbacks delivered so far (runs what is due first). */
  const results = async (url = RESULT_URL): Promise<ResultCallback[]> => {
    await emulator.runAll();
    return sink.received.filter((r) => r.url === url).map((r) => r.body as ResultCallback);
  };
  const last = async (url = RESULT_URL): Promise<ResultCallback> => {
    const all = await results(url);
    const result = all[all.length - 1];
    if (!result) throw new Error(`no callback reached ${url}`);
    return result;
  };
  return { emulator, sink, bearer, results, last };
}

export function b2cBody(overrides: Record<string, unknown> = {}) {
  return {
    OriginatorConversationID: 'b0f3c8a2-5d1e-4a8b-9c77-2f1e6d3a9b10',
    InitiatorName: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'BusinessPayment',
    Amount: 10,
    PartyA: 600997,
    PartyB: 254708374149,
    Remarks: 'Refund for order 42',
    QueueTimeOutURL: TIMEOUT_URL,
    ResultURL: RESULT_URL,
    Occassion: 'Sandbox',
    ...overrides,
  };
}

export function statusBody(overrides: Record<string, unknown> = {}) {
  return {
    Initiator: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'TransactionStatusQuery',
    PartyA: '600997',
    IdentifierType: '4',
    ResultURL: RESULT_URL,
    QueueTimeOutURL: TIMEOUT_URL,
    Remarks: 'OK',
    Occasion: 'Query',
    ...overrides,
  };
}

export function balanceBody(overrides: Record<string, unknown> = {}) {
  return {
    Initiator: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'AccountBalance',
    PartyA: '600984',
    IdentifierType: '4',
    Remarks: 'ok',
    QueueTimeOutURL: TIMEOUT_URL,
    ResultURL: RESULT_URL,
    ...overrides,
  };
}

export function reversalBody(overrides: Record<string, unknown> = {}) {
  return {
    Initiator: INITIATOR,
    SecurityCredential: LENIENT_CREDENTIAL,
    CommandID: 'TransactionReversal',
    TransactionID: 'PDU91HIVIT',
    Amount: '200',
    ReceiverParty: '174379',
    RecieverIdentifierType: '11',
    ResultURL: RESULT_URL,
    QueueTimeOutURL: TIMEOUT_URL,
    Remarks: 'Payment reversal',
    ...overrides,
  };
}

export const paths = {
  b2cV1: '/mpesa/b2c/v1/paymentrequest',
  b2cV3: '/mpesa/b2c/v3/paymentrequest',
  b2pochi: '/mpesa/b2pochi/v1/paymentrequest',
  status: '/mpesa/transactionstatus/v1/query',
  balance: '/mpesa/accountbalance/v1/query',
  reversal: '/mpesa/reversal/v1/request',
} as const;

export function send(app: Express, path: string, bearer: string, body: unknown): Test {
  return post(app, path, bearer, body);
}

/** A ResultParameter list as a key → value map (the list may be one object). */
export function parameters(result: ResultCallback): Record<string, string | number | undefined> {
  const list = result.Result.ResultParameters?.ResultParameter;
  const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return Object.fromEntries(items.map((i) => [i.Key, i.Value]));
}

/** Shillings in an account of a shortcode. */
export function account(emulator: Emulator, shortcode: string, name: string): number {
  return (emulator.ledger.balanceCents({ type: 'org', shortcode, account: name }) ?? 0) / 100;
}

export function wallet(emulator: Emulator, msisdn = JOHN): number {
  return (emulator.ledger.customer(msisdn)?.balanceCents ?? 0) / 100;
}
