/**
 * A customer's SIM as the IMSI and SIM Swap checks see it (control API: `/_emulator/sims/{msisdn}`).
 * Times are epoch milliseconds on the emulator's clock.
 */
export interface SimView {
  msisdn: string;
  /** When the number was registered on the network (`msisdnRegistrationDate`). */
  registeredAt: number;
  /** When the SIM was last swapped; absent when it never was. */
  lastSwapAt?: number;
  /** How many swaps so far: each gives the line a new IMSI. */
  swaps: number;
  /** The hashed IMSI the IMSI check answers with. */
  imsi: string;
}

/** `PATCH /_emulator/sims/{msisdn}`: dates as epoch milliseconds or ISO strings; `lastSwapAt: null` clears it. */
export interface SimPatch {
  registeredAt?: number | string;
  lastSwapAt?: number | string | null;
}

/** The control API's SIM routes. */
export const SimControlPaths = {
  sim: (msisdn: string) => `/_emulator/sims/${encodeURIComponent(msisdn)}`,
  swap: (msisdn: string) => `/_emulator/sims/${encodeURIComponent(msisdn)}/swap`,
} as const;
