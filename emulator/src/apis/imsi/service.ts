/**
 * Emulates the IMSI check (`/imsi/v1/checkATI`: hashed IMSI, registration date, last swap) and the SIM
 * Swap check (`/imsi/v2/checkATI`: last swap only) of SPEC 22, from the SIM records that the control API
 * and the phone change. Simplified: every 12-digit Kenyan number is a Safaricom line (one nobody described
 * is an established line with no swap), and `msisdnRegistrationDate` is always a date, never the message the
 * portal mentions for lines over a year old (its wording is not documented).
 */
import { IMSI_SUCCESS, type ImsiCheckResponse, type SwapCheckResponse } from 'daraja-client/wire';
import type { IdFactory } from '../../ids/ids.js';
import type { Clock } from '../../time/clock.js';
import type { Sims } from './sims.js';
import { dayMonthYear, dayMonthYearTime, lastSwapDate, swappedRecently } from './swap-dates.js';

export interface ImsiDeps {
  sims: Sims;
  clock: Clock;
  ids: IdFactory;
}

export class ImsiService {
  constructor(private readonly deps: ImsiDeps) {}

  /** The IMSI product's answer, keys in the portal sample's order. */
  imsi(msisdn: string, notes: string[]): ImsiCheckResponse {
    const { sims, clock, ids } = this.deps;
    const now = clock.now();
    const sim = sims.view(msisdn);
    notes.push(this.#swapNote(msisdn, sim.lastSwapAt, now));
    return {
      requestRefID: ids.requestId(),
      responseCode: IMSI_SUCCESS.code,
      responseDesc: IMSI_SUCCESS.desc,
      imsi: sim.imsi,
      lastSwapDate: lastSwapDate(sim.lastSwapAt, now, dayMonthYear),
      msisdnRegistrationDate: dayMonthYear(sim.registeredAt),
      customerNumber: msisdn,
    };
  }

  /** The Swap product's answer. */
  swap(msisdn: string, notes: string[]): SwapCheckResponse {
    const { sims, clock, ids } = this.deps;
    const now = clock.now();
    const sim = sims.view(msisdn);
    notes.push(this.#swapNote(msisdn, sim.lastSwapAt, now));
    return {
      requestRefID: ids.requestId(),
      responseCode: IMSI_SUCCESS.code,
      responseDesc: IMSI_SUCCESS.desc,
      lastSwapDate: lastSwapDate(sim.lastSwapAt, now, dayMonthYearTime),
    };
  }

  #swapNote(msisdn: string, lastSwapAt: number | undefined, now: number): string {
    if (lastSwapAt === undefined)
      return `${msisdn} has never had its SIM swapped, so lastSwapDate is Daraja's "no swap" date 01-01-1900.`;
    const when = dayMonthYearTime(lastSwapAt);
    return swappedRecently(lastSwapAt, now)
      ? `${msisdn} had its SIM swapped on ${when} (EAT), within the last 3 months, so lastSwapDate shows it.`
      : `${msisdn} had its SIM swapped on ${when} (EAT), more than 3 months ago; Daraja then answers 01-01-1900.`;
  }
}
