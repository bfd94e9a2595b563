import { Router } from 'express';
import type { BillBook } from './records.js';

/**
 * What the phone and dashboard read: the opted-in billers (with their app keys, for tests) and the
 * invoices (all, one customer's, one biller's, or in one status). Paying an invoice is an ordinary
 * customer payment (POST /_emulator/c2b/pay with the invoice's account reference).
 */
export function controlBillManagerRoutes(book: BillBook): Router {
  const router = Router();
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  router.get('/bill-manager/billers', (_req, res) => {
    res.json([...book.billers.values()].map(({ id: _id, logo: _logo, ...view }) => view));
  });
  router.get('/bill-manager/invoices', (req, res) => {
    const phone = text(req.query.phone);
    const shortcode = text(req.query.shortcode);
    const status = text(req.query.status);
    res.json(
      book.listInvoices({
        ...(phone ? { phone } : {}),
        ...(shortcode ? { shortcode } : {}),
        ...(status ? { status } : {}),
      }),
    );
  });
  return router;
}
