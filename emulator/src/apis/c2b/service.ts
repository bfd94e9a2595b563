/**
 * Emulates C2B Register URL (v1 and v2) and C2B simulate (v1 and v2). Registration is stored per shortcode
 * with its version, which decides how notifications show the payer's number; re-registering is allowed as
 * in the sandbox unless c2b.reRegistration is `reject` (production). Simulate answers at once and then runs
 * the same payment flow as a phone (payments.ts). Simplified: no API products (any app may register any
 * shortcode in the world) and simulate is allowed whatever the URL policy.
 */
import {
  C2BRegisterAnswers,
  C2BTransactionTypes,
  C2B_SIMULATE_DESCRIPTION,
  DarajaErrors,
  type C2BRegisterUrlResponse,
  type C2BSimulateResponse,
  type C2BSimulateV1Response,
} from 'daraja-client/wire';
import type { C2bVersion, TransactionView } from 'daraja-client/emulator';
import { DarajaError } from '../../http/daraja-error.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Clock } from '../../time/clock.js';
import type { IdFactory } from '../../ids/ids.js';
import type { SettingsHolder } from '../../config/settings-holder.js';
import { maskSecrets } from '../../journal/mask.js';
import type { Registrations } from './registrations.js';
import type { C2bPayments } from './payments.js';
import type { RegisterInput } from './validate-register.js';
import type { SimulateInput } from './validate-simulate.js';
import { admitWalkIn } from '../../ledger/walk-in.js';

export interface C2bDeps {
  ledger: Ledger;
  clock: Clock;
  ids: IdFactory;
  settings: SettingsHolder;
  registrations: Registrations;
  payments: C2bPayments;
}

export class C2bService {
  constructor(private readonly deps: C2bDeps) {}

  register(
    input: RegisterInput,
    version: C2bVersion,
    appId: string | undefined,
    notes: string[],
  ): C2BRegisterUrlResponse {
    const { ledger, settings, registrations, clock, ids } = this.deps;
    const c2b = settings.current.c2b;
    const org = ledger.org(input.shortcode);
    if (!org) throw unknownShortcode(input.shortcode);
    if (c2b.stkOnlyShortcodes.includes(input.shortcode)) {
      throw new DarajaError(DarajaErrors.serviceInternalError, [
        `Shortcode ${input.shortcode} takes M-Pesa Express (STK) payments only and cannot register C2B URLs; use a C2B test shortcode such as 600984.`,
        'The real sandbox answers this with an Apigee fault (ServiceCallout SCO-AddURLVault failed, ResponseCode 409); the emulator sends the closest documented C2B register error instead (setting c2b.stkOnlyShortcodes).',
      ]);
    }
    const existing = registrations.get(input.shortcode);
    if (existing && c2b.reRegistration === 'reject') {
      throw new DarajaError(DarajaErrors.urlsAlreadyRegistered, [
        `Shortcode ${input.shortcode} already has C2B URLs (${existing.version}, ${existing.confirmationUrl}); production registers them once.`,
        `Delete them first (DELETE /_emulator/c2b/registrations/${input.shortcode}, like the portal's URL Management page), or set c2b.reRegistration to "allow".`,
      ]);
    }
    if (existing)
      notes.push(
        `Replaced the ${existing.version} registration of shortcode ${input.shortcode} (the sandbox allows re-registering).`,
      );
    if (input.validationUrl && !org.externalValidation) {
      notes.push(
        `The ValidationURL is stored but will not be called: external validation is off for ${input.shortcode}, as on Daraja until Safaricom enables it (PUT /_emulator/c2b/shortcodes/${input.shortcode}/validation {"enabled": true}).`,
      );
    }
    registrations.put({
      id: input.shortcode,
      shortcode: input.shortcode,
      responseType: input.responseType,
      confirmationUrl: input.confirmationUrl,
      ...(input.validationUrl ? { validationUrl: input.validationUrl } : {}),
      version,
      registeredAt: clock.now(),
      ...(appId ? { appId } : {}),
    });
    return { OriginatorCoversationID: ids.originatorConversationId(), ...C2BRegisterAnswers[version] };
  }

  simulate(
    input: SimulateInput,
    version: C2bVersion,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { response: C2BSimulateResponse | C2BSimulateV1Response; transaction: TransactionView } {
    const { ledger, clock, ids, registrations, payments } = this.deps;
    const org = ledger.org(input.shortcode);
    if (!org) throw unknownShortcode(input.shortcode);
    const wantsTill = input.commandId === 'CustomerBuyGoodsOnline';
    if (wantsTill !== (org.kind === 'till')) {
      notes.push(
        `CommandID ${input.commandId} was used for ${input.shortcode}, a ${org.kind}; the emulator accepts it, as the sandbox does for its 600xxx shortcodes.`,
      );
    }
    const walkIn = admitWalkIn(ledger, input.msisdn);
    if (walkIn) notes.push(walkIn);
    if (!registrations.get(input.shortcode)) {
      notes.push(
        `No C2B URLs are registered for ${input.shortcode}: the payment completes without any notification.`,
      );
    }
    const originator = ids.originatorConversationId();
    const response: C2BSimulateResponse | C2BSimulateV1Response =
      version === 'v1'
        ? {
            ConversationID: ids.conversationId(clock.now()),
            OriginatorCoversationID: originator,
            ResponseDescription: C2B_SIMULATE_DESCRIPTION,
          }
        : {
            OriginatorCoversationID: originator,
            ResponseCode: '0',
            ResponseDescription: C2B_SIMULATE_DESCRIPTION,
          };
    const transaction = payments.start({
      shortcode: input.shortcode,
      msisdn: input.msisdn,
      amount: input.amount,
      billRefNumber: input.billRefNumber,
      transactionType: C2BTransactionTypes[input.commandId],
      by: 'auto',
      ...(appId ? { appId } : {}),
      request: maskSecrets(rawBody),
      response,
      ...('ConversationID' in response ? { conversationId: response.ConversationID } : {}),
      originatorConversationId: originator,
      notes,
    });
    return { response, transaction };
  }
}

function unknownShortcode(shortcode: string): DarajaError {
  return new DarajaError(
    DarajaErrors.invalidField('ShortCode'),
    `Shortcode ${shortcode} is not a paybill or till in this emulator; use one of the world's shortcodes (GET /_emulator/shortcodes) or add it to the world configuration.`,
  );
}
