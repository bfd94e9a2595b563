import type { Express } from 'express';
import type { Test } from 'supertest';
import request from 'supertest';
import type { C2BNotification } from 'daraja-client/wire';
import type { HttpPoster, PostResult } from 'daraja-emulator';
import { post } from './daraja-requests.js';

export const CONFIRMATION_URL = 'https://shop.example/c2b/confirmation';
export const VALIDATION_URL = 'https://shop.example/c2b/validation';

export interface C2bDelivery {
  url: string;
  body: C2BNotification;
  timeoutMs: number;
}

/**
 * The app's C2B endpoints in memory: records every notification and answers the validation request as
 * told (a status and body, an error such as ECONNREFUSED, or a slow answer via durationMs).
 */
export function c2bSink(validation: () => PostResult = () => accept()) {
  const received: C2bDelivery[] = [];
  const poster: HttpPoster = async (url, body, timeoutMs) => {
    received.push({ url, body: JSON.parse(body) as C2BNotification, timeoutMs });
    return url === VALIDATION_URL
      ? validation()
      : { status: 200, body: '{"ResultCode":0,"ResultDesc":"Success"}', durationMs: 1 };
  };
  return {
    poster,
    received,
    validations: () => received.filter((d) => d.url === VALIDATION_URL),
    confirmations: () => received.filter((d) => d.url === CONFIRMATION_URL),
  };
}

export function accept(extra: Record<string, unknown> = {}, durationMs = 5): PostResult {
  return {
    status: 200,
    body: JSON.stringify({ ResultCode: '0', ResultDesc: 'Accepted', ...extra }),
    durationMs,
  };
}

export function reject(code: string, desc = 'Rejected'): PostResult {
  return { status: 200, body: JSON.stringify({ ResultCode: code, ResultDesc: desc }), durationMs: 5 };
}

export function registerBody(overrides: Record<string, unknown> = {}) {
  return {
    ShortCode: '600984',
    ResponseType: 'Completed',
    ConfirmationURL: CONFIRMATION_URL,
    ValidationURL: VALIDATION_URL,
    ...overrides,
  };
}

export function simulateBody(overrides: Record<string, unknown> = {}) {
  return {
    ShortCode: 600984,
    CommandID: 'CustomerPayBillOnline',
    Amount: 100,
    Msisdn: 254708374149,
    BillRefNumber: 'INV-001',
    ...overrides,
  };
}

export function register(app: Express, bearer: string, body: unknown, version: 'v1' | 'v2' = 'v2'): Test {
  return post(app, `/mpesa/c2b/${version}/registerurl`, bearer, body);
}

export function simulate(app: Express, bearer: string, body: unknown, version: 'v1' | 'v2' = 'v2'): Test {
  return post(app, `/mpesa/c2b/${version}/simulate`, bearer, body);
}

/** Turns Safaricom's external validation on or off for a shortcode. */
export function setValidation(app: Express, shortcode: string, enabled: boolean): Test {
  return request(app).put(`/_emulator/c2b/shortcodes/${shortcode}/validation`).send({ enabled });
}

/** A customer paying from the phone (control API). */
export function pay(app: Express, body: Record<string, unknown>): Test {
  return request(app).post('/_emulator/c2b/payments').send(body);
}
