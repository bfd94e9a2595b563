/**
 * The test kit: `startEmulator()` runs the emulator inside a test process (vitest, jest, node:test) and
 * gives the test a phone to tap, callbacks to await and a clock to move.
 */
export {
  startEmulator,
  TestEmulator,
  type StartOptions,
  type JournalFilter,
  type TransactionFilter,
  type DeliveryFilter,
  type ClientConfig,
} from './start-emulator.js';
export { Phone, type WaitOptions } from './phone.js';
export { Customer, type PayBillInput, type BuyGoodsInput } from './customer.js';
export type { CallbackFilter } from './callback-filter.js';
export {
  CallbackSink,
  ACCEPTED,
  type CallbackSinkOptions,
  type SinkReply,
  type SinkRequest,
} from './callback-sink.js';
export { conformanceVariants, type ConformanceRun, type ConformancePlayOptions } from './conformance-kit.js';
export type { CallbackVariant } from '../conformance/callback-variant.js';
export type { VariantRun } from '../conformance/play-variant.js';
export type { VariantFilter } from '../conformance/catalogue.js';
export type { TlsEndpoint } from '../tls/tls-endpoint.js';
export { SANDBOX_PASSKEY, SANDBOX_SHORTCODE, SANDBOX_MSISDN, SANDBOX_INITIATOR } from '../config/defaults.js';
