/**
 * Emulates Pull Transactions: a shortcode registers once (with its nominated number and a callback URL),
 * then queries its C2B payments between two dates, a page at a time (`OffSetValue`), from the ledger itself,
 * so payments whose confirmations never arrived are there too. Answers are synchronous. Simplified: the
 * nominated number is not checked against any KYC, nothing is ever posted to the CallBackURL (Daraja does
 * not document what it would send), and dates are read as East Africa Time.
 */
import {
  PULL_NO_RECORDS_MESSAGE,
  PULL_REGISTER_DESCRIPTIONS,
  PullErrors,
  type PullQueryResponse,
  type PullRegisterResponse,
} from 'daraja-client/wire';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { DarajaError } from '../../http/daraja-error.js';
import type { IdFactory } from '../../ids/ids.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Transactions } from '../../ledger/transactions.js';
import type { Clock } from '../../time/clock.js';
import { eatTimestamp } from '../../time/eat.js';
import type { PullRegistrations } from './registrations.js';
import { pullRows } from './rows.js';
import type { PullQueryInput, PullRegisterInput } from './validate.js';

export interface PullDeps {
  ledger: Ledger;
  transactions: Transactions;
  registrations: PullRegistrations;
  clock: Clock;
  ids: IdFactory;
  settings: SettingsHolder;
}

const HOUR = 3_600_000;

/** `2026-01-01 12:00:00` EAT, for explanations. */
const eatText = (ms: number) => {
  const t = eatTimestamp(ms);
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12)}`;
};

export class PullService {
  constructor(private readonly deps: PullDeps) {}

  register(input: PullRegisterInput, appId: string | undefined, notes: string[]): PullRegisterResponse {
    const { ledger, registrations, clock, ids } = this.deps;
    if (!ledger.org(input.shortcode)) {
      throw new DarajaError(
        PullErrors.invalidShortCode,
        `ShortCode ${input.shortcode} is not an organisation in this emulator.`,
      );
    }
    const existing = registrations.get(input.shortcode);
    if (existing) {
      notes.push(
        `${input.shortcode} was registered for Pull Transactions already (nominated number ${existing.nominatedNumber}); registration is once per shortcode and the first one stays.`,
      );
      return this.#registerAnswer(ids.requestId(), input.shortcode, true);
    }
    const responseRefId = ids.requestId();
    registrations.put({
      id: input.shortcode,
      shortcode: input.shortcode,
      nominatedNumber: input.nominatedNumber,
      callbackUrl: input.callbackUrl,
      registeredAt: clock.now(),
      responseRefId,
      ...(appId ? { appId } : {}),
    });
    notes.push(
      `${input.shortcode} is registered for Pull Transactions; queries for it now return its payments.`,
    );
    return this.#registerAnswer(responseRefId, input.shortcode, false);
  }

  query(input: PullQueryInput, notes: string[]): PullQueryResponse {
    const { ledger, transactions, registrations, clock, ids, settings } = this.deps;
    const { windowHours, pageSize } = settings.current.pull;
    const none = (why: string): PullQueryResponse => {
      notes.push(why);
      return { RequestID: ids.requestId(), ResponseCode: '1001', ResponseMessage: PULL_NO_RECORDS_MESSAGE };
    };
    if (!registrations.get(input.shortcode)) {
      return none(
        `${input.shortcode} is not registered for Pull Transactions: register it at /pulltransactions/v1/register first.`,
      );
    }
    const oldest = clock.now() - windowHours * HOUR;
    const from = Math.max(input.start, oldest);
    if (input.start < oldest) {
      notes.push(
        `StartDate is before ${eatText(oldest)}: Pull Transactions reaches back ${windowHours} hours only (pull.windowHours), so the window starts there.`,
      );
    }
    if (from > input.end) return none(`The window from ${eatText(from)} to ${eatText(input.end)} is empty.`);
    const rows = pullRows(ledger, transactions, { shortcode: input.shortcode, from, to: input.end });
    const page = rows.slice(input.offset, input.offset + pageSize);
    if (page.length === 0) {
      return none(
        rows.length === 0
          ? `${input.shortcode} received no customer payments from ${eatText(from)} to ${eatText(input.end)}.`
          : `OffSetValue ${input.offset} is past the ${rows.length} payments in the window.`,
      );
    }
    notes.push(
      `Rows ${input.offset + 1} to ${input.offset + page.length} of ${rows.length} payments to ${input.shortcode} (pages of ${pageSize}, pull.pageSize).`,
    );
    return {
      ResponseRefID: ids.requestId(),
      ResponseCode: '1000',
      ResponseMessage: 'Success',
      Response: [page],
    };
  }

  #registerAnswer(ref: string, shortcode: string, already: boolean): PullRegisterResponse {
    return {
      ResponseRefID: ref,
      ResponseStatus: already ? '1001' : '1000',
      ShortCode: shortcode,
      ResponseDescription: already
        ? PULL_REGISTER_DESCRIPTIONS.alreadyRegistered
        : PULL_REGISTER_DESCRIPTIONS.registered,
    };
  }
}
