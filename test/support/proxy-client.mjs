/**
 * A Daraja client that hard-codes Safaricom's sandbox and is configured only through the environment
 * (HTTPS_PROXY, NODE_EXTRA_CA_CERTS), written with one HTTP library: `fetch`, `https` (node's own
 * https.request), `axios`, `axios-legacy` (axios 0.18) or `request`. It gets a token, sends an STK push
 * and prints the statuses and acknowledgement as JSON, or the error code it failed with.
 */
/* global fetch, Buffer */
import https from 'node:https';

const [kind, callbackUrl, passkey, phone] = process.argv.slice(2);
const BASE = 'https://sandbox.safaricom.co.ke';

async function call(method, path, headers, body) {
  const url = BASE + path;
  switch (kind) {
    case 'fetch':
      return fetch(url, { method, headers, body }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    case 'axios':
    case 'axios-legacy': {
      const axios = (await import(kind)).default;
      return axios({
        method,
        url,
        headers,
        data: body,
        transformResponse: (d) => d,
        validateStatus: () => true,
      }).then((r) => ({ status: r.status, body: r.data }));
    }
    case 'request': {
      const request = (await import('request')).default;
      return new Promise((resolve, reject) =>
        request({ method, url, headers, body }, (error, res, text) =>
          error ? reject(error) : resolve({ status: res.statusCode, body: text }),
        ),
      );
    }
    default:
      return new Promise((resolve, reject) => {
        const req = https.request(url, { method, headers }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
  }
}

async function main() {
  const basic = Buffer.from('shop-key:shop-secret').toString('base64');
  const auth = await call('GET', '/oauth/v1/generate?grant_type=client_credentials', {
    Authorization: 'Basic ' + basic,
  });
  const token = JSON.parse(auth.body).access_token;
  const timestamp = '20260101120000';
  const push = await call(
    'POST',
    '/mpesa/stkpush/v1/processrequest',
    { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    JSON.stringify({
      BusinessShortCode: '174379',
      Password: Buffer.from('174379' + passkey + timestamp).toString('base64'),
      Timestamp: timestamp,
      TransactionType: 'CustomerPayBillOnline',
      Amount: 1,
      PartyA: phone,
      PartyB: '174379',
      PhoneNumber: phone,
      CallBackURL: callbackUrl,
      AccountReference: 'INV-11',
      TransactionDesc: 'Order 11',
    }),
  );
  return { auth: auth.status, push: push.status, ack: JSON.parse(push.body) };
}

main().then(
  (out) => console.log(JSON.stringify(out)),
  (error) => console.log(JSON.stringify({ error: error.code ?? error.cause?.code ?? error.message })),
);
