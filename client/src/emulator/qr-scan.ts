/** What a phone needs to read an M-Pesa QR code it scanned (the UI's phones use this). */
export { parseQrPayload, type QrPayload, type QrTrxCode } from '../wire/dynamic-qr.js';
