import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot } from './support/browser.js';
import { browserSuite } from './support/browser-suite.js';
import { openUi, phoneOf, startEmulator } from './support/emulator-page.js';
import { MSISDN, PIN } from './support/stk-push.js';

const suite = browserSuite();
const { e2e } = suite;
const TILL = '373132';

/** What an app does: a token with any credentials, then one Daraja request. */
async function daraja(baseUrl: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const basic = Buffer.from('e2e-key:e2e-secret').toString('base64');
  const tokenResponse = await fetch(`${baseUrl}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: `Basic ${basic}` },
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** John Doe operates the till, so its Express Checkout prompts ring on the phone shown first. */
const world = {
  shortcodes: [
    {
      shortcode: TILL,
      kind: 'till' as const,
      name: 'TEST SUPERMARKET',
      nominatedNumber: MSISDN,
      balances: { 'Merchant Account': 5_000 },
    },
  ],
};

e2e(
  "a vendor's Express Checkout push rings the till operator's phone; the PIN pays the vendor and the callback says so",
  async () => {
    const emu = await startEmulator({ world });
    try {
      const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
      const phone = phoneOf(page);
      await phone.getByText('Ksh 50,000.00').waitFor();
      const ack = await daraja(emu.url, '/v1/ussdpush/get-msisdn', {
        primaryShortCode: TILL,
        receiverShortCode: '600000',
        amount: '250',
        paymentRef: 'INV-77',
        callbackUrl: suite.sink.url('/checkout'),
        partnerName: 'Vendor Supplies',
        RequestRefID: 'e2e-request-1',
      });
      expect(ack).toEqual({ code: '0', status: 'USSD Initiated Successfully' });
      const prompt = phone.getByRole('dialog');
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain(
        'Pay Ksh 250 from till TEST SUPERMARKET to Vendor Supplies for payment reference INV-77? Enter operator PIN',
      );
      await screenshot(page, 'phone-390-express-checkout-prompt');
      await prompt.getByLabel('Operator PIN').fill(PIN);
      await prompt.getByRole('button', { name: 'OK' }).click();
      await phone.getByText('Paid Ksh 250 to Vendor Supplies.').waitFor();
      const callback = await suite.sink.next((r) => r.path === '/checkout');
      expect(callback.body).toMatchObject({
        resultCode: '0',
        amount: '250.0',
        requestId: 'e2e-request-1',
        status: 'SUCCESS',
      });
      const till = emu.emulator.ledger.balanceCents({
        type: 'org',
        shortcode: TILL,
        account: 'Merchant Account',
      });
      expect(till).toBe(4_750_00);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);

e2e(
  'a Dynamic QR code is scanned by picking its picture on the phone, and by clicking it on the dashboard; both pay the till through C2B',
  async () => {
    const emu = await startEmulator({ world });
    try {
      await daraja(emu.url, '/mpesa/c2b/v1/registerurl', {
        ShortCode: TILL,
        ResponseType: 'Completed',
        ConfirmationURL: suite.sink.url('/qr/confirm'),
        ValidationURL: suite.sink.url('/qr/validate'),
      });
      const qr = await daraja(emu.url, '/mpesa/qrcode/v1/generate', {
        MerchantName: 'TEST SUPERMARKET',
        RefNo: 'Invoice 9',
        Amount: 120,
        TrxCode: 'BG',
        CPI: TILL,
        Size: '300',
      });
      const { page, errors } = await openUi(suite.browser, emu.url, PHONE);
      const phone = phoneOf(page);
      await phone.getByText('Ksh 50,000.00').waitFor();
      await phone.getByRole('button', { name: 'M-PESA' }).click();
      await phone.getByRole('button', { name: 'Lipa na M-PESA' }).click();
      await phone.getByRole('button', { name: 'Scan QR code' }).click();
      await phone.getByLabel('Choose a picture').setInputFiles({
        name: 'qr.png',
        mimeType: 'image/png',
        buffer: Buffer.from(qr.QRCode as string, 'base64'),
      });
      const form = phone.getByRole('form', { name: 'Buy Goods and Services' });
      await form.getByText('Scanned QR code: TEST SUPERMARKET, Ksh 120, reference Invoice 9').waitFor();
      expect(await form.getByLabel('Till no.').inputValue()).toBe(TILL);
      expect(await form.getByLabel('Amount').inputValue()).toBe('120');
      await screenshot(page, 'phone-390-scanned-qr');
      await form.getByLabel('M-PESA PIN').fill(PIN);
      await form.getByRole('button', { name: 'Send' }).click();
      await form.getByText(/Ksh 120 paid to TEST SUPERMARKET/).waitFor();
      const confirmation = await suite.sink.next((r) => r.path === '/qr/confirm');
      expect(confirmation.body).toMatchObject({
        TransactionType: 'Buy Goods',
        TransAmount: '120.00',
        BillRefNumber: 'Invoice 9',
      });

      // The same code on the dashboard: a click holds it up to the phone's camera.
      await page.setViewportSize(DESKTOP);
      const [code] = emu.emulator.transactions.page({ type: 'dynamic-qr' }).items;
      await page.goto(`${emu.url}/#/transactions/${encodeURIComponent(code?.id ?? '')}`);
      await page.getByRole('button', { name: 'Scan QR code: Ksh 120 to TEST SUPERMARKET' }).click();
      await page.getByText(/Scanned on John Doe's phone: "BG\|373132\|120\|Invoice 9"/).waitFor();
      await phoneOf(page)
        .getByText('Scanned QR code: TEST SUPERMARKET, Ksh 120, reference Invoice 9')
        .waitFor();
      await screenshot(page, 'desktop-qr-scanned-from-dashboard');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await emu.close();
    }
  },
);
