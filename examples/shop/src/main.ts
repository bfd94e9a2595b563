import { DarajaClient } from 'daraja-client';
import { startShop } from './shop.js';

/** Runs the shop against the emulator (or Daraja): DARAJA_BASE_URL, DARAJA_CONSUMER_KEY, ... from the environment. */
const env = process.env;
const daraja = new DarajaClient({
  baseUrl: env.DARAJA_BASE_URL ?? 'http://127.0.0.1:7379',
  consumerKey: env.DARAJA_CONSUMER_KEY ?? 'shop-key',
  consumerSecret: env.DARAJA_CONSUMER_SECRET ?? 'shop-secret',
  shortcode: env.DARAJA_SHORTCODE ?? '174379',
  passkey: env.DARAJA_PASSKEY ?? 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919',
  // Refunds (B2C): the emulator accepts any well-formed credential unless told to check it strictly.
  initiatorName: env.DARAJA_INITIATOR_NAME ?? 'testapi',
  securityCredential: env.DARAJA_SECURITY_CREDENTIAL ?? Buffer.alloc(256, 7).toString('base64'),
});
const shop = await startShop({
  daraja,
  port: Number(env.PORT ?? 3000),
  ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
});
console.log(`shop on ${shop.url}: POST /checkout { "phone": "254708374149", "amount": 10 }`);
