import request from 'supertest';
import type { FaultRuleInput, SettingsPatch } from 'daraja-client/emulator';
import type { HttpPoster } from 'daraja-emulator';
import { post, stkBody, token } from '../support/daraja-requests.js';
import { Emulator } from '../../emulator/src/internals.js';

export const STK_PATH = '/mpesa/stkpush/v1/processrequest';
export const CALLBACK_URL = 'https://merchant.example/callback';

export interface RawDelivery {
  url: string;
  text: string;
}

/** A callback target that keeps each body as text, so malformed bodies can be inspected. */
export function rawSink() {
  const received: RawDelivery[] = [];
  const poster: HttpPoster = async (url, body) => {
    received.push({ url, text: body });
    return { status: 200, body: '{}', durationMs: 1 };
  };
  const json = () => received.map((r) => JSON.parse(r.text) as StkCallbackBody);
  return { poster, received, json };
}

export interface StkCallbackBody {
  Body: {
    stkCallback: {
      CheckoutRequestID: string;
      ResultCode: number;
      ResultDesc: string;
      MerchantRequestID: string;
    };
  };
}

/**
 * A manual-clock emulator with a raw callback sink and a bearer token; the rules are added once the token
 * is issued, so rules without an endpoint do not hit the token request.
 */
export async function faultyEmulator(
  rules: FaultRuleInput[] = [],
  settings: SettingsPatch = {},
  seed: number | string = 1,
) {
  const sink = rawSink();
  const emulator = new Emulator({ clock: 'manual', store: 'memory', seed, poster: sink.poster, settings });
  const bearer = await token(emulator.app);
  emulator.faults.rules.add(rules);
  return { emulator, sink, bearer };
}

/** Pushes a valid STK request with body overrides. */
export function push(emulator: Emulator, bearer: string, overrides: Record<string, unknown> = {}) {
  return post(emulator.app, STK_PATH, bearer, stkBody(emulator.clock.now(), overrides));
}

export function addRules(emulator: Emulator, rules: FaultRuleInput[]) {
  return request(emulator.app).post('/_emulator/faults').send(rules);
}

/** Waits (in real time) until `check` holds; fails after `ms`. */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
