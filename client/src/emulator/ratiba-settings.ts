import type { Settings } from './settings/settings-schema.js';

/** M-Pesa Ratiba (standing orders): what the emulator cannot learn from Daraja's pages (settings/ratiba.ts). */
export type RatibaSettings = Settings['ratiba'];

/** Bill Manager: settings for what Daraja's pages leave open (settings/ratiba.ts). */
export type BillManagerSettings = Settings['billManager'];
