import type { Express } from 'express';
import request from 'supertest';
import type { Test } from 'supertest';
import type { StandingOrderView } from 'daraja-client/emulator';
import { post } from './daraja-requests.js';

export const RATIBA = '/standingorder/v1/createStandingOrderExternal';
export const RATIBA_CALLBACK = 'https://shop.example/ratiba/callback';

/** A standing order request for the sandbox customer to the C2B test paybill, monthly through 2026. */
export function ratibaBody(overrides: Record<string, unknown> = {}) {
  return {
    StandingOrderName: 'Gym membership',
    StartDate: '20260105',
    EndDate: '20261231',
    BusinessShortCode: '600984',
    TransactionType: 'Standing Order Pay Bill External Third Party',
    ReceiverPartyIdentifierType: '4',
    Amount: '500',
    PartyA: '254708374149',
    CallBackURL: RATIBA_CALLBACK,
    AccountReference: 'GYM001',
    TransactionDesc: 'Membership',
    Frequency: '5',
    ...overrides,
  };
}

export function createOrder(app: Express, bearer: string, body: unknown): Test {
  return post(app, RATIBA, bearer, body);
}

export function approve(app: Express, transactionId: string, pin = '1234'): Test {
  return request(app).post(`/_emulator/ratiba/${transactionId}/accept`).send({ pin });
}

export async function ordersOf(app: Express, phone: string): Promise<StandingOrderView[]> {
  return (await request(app).get('/_emulator/ratiba/orders').query({ phone }).expect(200))
    .body as StandingOrderView[];
}
