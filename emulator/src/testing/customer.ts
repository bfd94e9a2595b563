import { C2bControlPaths, type C2bPaymentBody, type TransactionView } from 'daraja-client/emulator';
import { toShillings } from '../ledger/records.js';
import type { Emulator } from '../emulator.js';
import { internalsOf } from '../internals.js';
import type { KitContext } from './kit-context.js';

export interface PayBillInput {
  /** The paybill number. */
  shortcode: string;
  /** The account number the customer types (BillRefNumber). */
  account: string;
  /** Whole shillings. */
  amount: number;
  /** Checked like the phone would; a wrong PIN fails the payment. */
  pin?: string;
}

export interface BuyGoodsInput {
  till: string;
  amount: number;
  pin?: string;
}

/**
 * A customer paying from the M-Pesa menu (C2B): the payment goes through the emulator's control API exactly
 * as the phone UI sends it, so validation and confirmation reach the URLs the business registered.
 */
export class Customer {
  constructor(
    readonly msisdn: string,
    private readonly kit: KitContext,
  ) {}

  /** The services behind the kit's emulator. */
  get #emulator(): Emulator {
    return internalsOf(this.kit.emulator);
  }

  /**
   * Pays a paybill with an account number; resolves with the transaction once due work has run (on the
   * manual clock, delays such as `c2b.confirmationDelayMs` still need `advance`).
   */
  payBill(input: PayBillInput): Promise<TransactionView> {
    return this.#pay({
      shortcode: input.shortcode,
      msisdn: this.msisdn,
      amount: input.amount,
      billRefNumber: input.account,
      ...(input.pin !== undefined ? { pin: input.pin } : {}),
    });
  }

  /** Pays a till (Buy Goods). */
  buyGoods(input: BuyGoodsInput): Promise<TransactionView> {
    return this.#pay({
      shortcode: input.till,
      msisdn: this.msisdn,
      amount: input.amount,
      ...(input.pin !== undefined ? { pin: input.pin } : {}),
    });
  }

  /** The wallet balance in shillings. */
  balance(): number {
    const c = this.#emulator.ledger.customer(this.msisdn);
    if (!c)
      throw new Error(`${this.msisdn} is not a customer of this emulator; add it with the world option.`);
    return toShillings(c.balanceCents);
  }

  async #pay(body: C2bPaymentBody): Promise<TransactionView> {
    const res = await fetch(this.kit.url + C2bControlPaths.payments, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...this.kit.controlHeaders },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const answer: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const message = (answer as { error?: { message?: string } } | undefined)?.error?.message ?? text;
      throw new Error(`The C2B payment was refused (${res.status}): ${message}`);
    }
    await this.kit.flush();
    const started = answer as TransactionView;
    return this.#emulator.transactions.get(started.id) ?? started;
  }
}
