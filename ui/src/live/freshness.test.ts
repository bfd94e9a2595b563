import { expect, test } from 'vitest';
import type { DeliveryView } from 'daraja-client/emulator';
import { stkPrompt } from '../test/fixtures';
import { deliveryFresher, transactionFresher } from './freshness';

const delivery = (status: DeliveryView['status'], revision?: number): DeliveryView => ({
  id: 'd-1',
  kind: 'stk-callback',
  url: 'http://app.test/cb',
  body: {},
  dueAt: 0,
  status,
  attempts: [],
  ...(revision === undefined ? {} : { revision }),
});

test('a delivery view with a lower revision never replaces a newer one, whichever arrives last', () => {
  expect(deliveryFresher(delivery('scheduled', 3), delivery('delivered', 5))).toBe(false);
  expect(deliveryFresher(delivery('delivered', 5), delivery('scheduled', 3))).toBe(true);
  expect(deliveryFresher(delivery('delivered', 5), delivery('delivering', 5))).toBe(true);
  expect(deliveryFresher(delivery('scheduled'), delivery('delivered', 1))).toBe(false);
});

test('a decided transaction never goes back to pending', () => {
  const pending = stkPrompt();
  const decided = { ...pending, status: 'completed' as const, updatedAt: pending.updatedAt + 1 };
  expect(transactionFresher(pending, decided)).toBe(false);
  expect(transactionFresher(decided, pending)).toBe(true);
});
