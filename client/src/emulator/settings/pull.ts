import * as v from 'valibot';
import { wholeNumber } from './setting.js';

/** Settings section `pull`: Pull Transactions. SPEC 21.2: a 48-hour window; the page size is undocumented. */
export const pullSettingsSchema = v.object({
  windowHours: wholeNumber(48, {
    label: 'Pull window',
    unit: 'h',
    min: 1,
    max: 24 * 366,
    description: 'How far back a Pull Transactions query reaches. Daraja documents the last 48 hours.',
  }),
  pageSize: wholeNumber(100, {
    label: 'Rows per page',
    min: 1,
    max: 10_000,
    description: 'Rows per page (OffSetValue steps by this). Undocumented; the docs’ example pages by 100.',
  }),
});
