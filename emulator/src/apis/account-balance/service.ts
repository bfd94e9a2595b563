/**
 * Emulates Account Balance: the live balances of a shortcode's accounts, sent to ResultURL in Daraja's
 * `AccountBalance` string. Simplified: current and available balances are equal (nothing is reserved or
 * uncleared), and any initiator of the shortcode may query it (no "Balance Query ORG API" role).
 */
import {
  AccountBalanceResult,
  BALANCE_LOCKED_ERROR_MSG,
  INTERNAL_QUEUE_URLS,
  type InitiatorAck,
  type ResultCodeEntry,
} from 'daraja-client/wire';
import type { Settings, TransactionView } from 'daraja-client/emulator';
import type { Ledger } from '../../ledger/ledger.js';
import type { InitiatorFlow } from '../initiator/initiator-flow.js';
import type { OrgRecord } from '../../ledger/records.js';
import { eatTimestamp } from '../../time/eat.js';
import { callbackUrl, command, identifierType, shortcode, text, type Body } from '../initiator/fields.js';
import { kv } from '../initiator/result-body.js';
import { balanceString } from './balance-string.js';

export interface AccountBalanceInput {
  initiatorName: string;
  credential: string;
  partyA: string;
  identifierType: string;
  remarks: string;
  queueTimeoutUrl: string;
  resultUrl: string;
}

/** Fields in the documented order: Initiator, SecurityCredential, CommandID, PartyA, IdentifierType, Remarks, QueueTimeOutURL, ResultURL. */
export function validateAccountBalance(body: Body, settings: Settings): AccountBalanceInput {
  const initiatorName = text(body, 'Initiator');
  const credential = text(body, 'SecurityCredential', 4096);
  command(body, ['AccountBalance'] as const);
  const partyA = shortcode(body, 'PartyA');
  const type = identifierType(body, 'IdentifierType', ['4', '2', '1']);
  const remarks = text(body, 'Remarks', 100);
  const queueTimeoutUrl = callbackUrl(body, 'QueueTimeOutURL', settings.callbacks);
  const resultUrl = callbackUrl(body, 'ResultURL', settings.callbacks);
  return { initiatorName, credential, partyA, identifierType: type, remarks, queueTimeoutUrl, resultUrl };
}

export interface AccountBalanceDeps {
  ledger: Ledger;
  initiator: InitiatorFlow;
}

export class AccountBalanceService {
  constructor(private readonly deps: AccountBalanceDeps) {}

  query(
    input: AccountBalanceInput,
    rawBody: unknown,
    appId: string | undefined,
    notes: string[],
  ): { ack: InitiatorAck; transaction: TransactionView } {
    return this.deps.initiator.handle(
      {
        api: 'account-balance',
        shortcode: input.partyA,
        initiatorName: input.initiatorName,
        credential: input.credential,
        resultUrl: input.resultUrl,
        queueTimeoutUrl: input.queueTimeoutUrl,
        ackOrder: 'originator-first',
        rawBody,
        appId,
        fields: { description: input.remarks },
      },
      {
        // The live failure keeps parameters and drops the QueueTimeoutURL value.
        failure: (result: ResultCodeEntry, now: number) => ({
          parameters: [
            kv('ActionType', 'AccountBalance'),
            kv(
              'ErrorMsg',
              result.code === AccountBalanceResult.credentialLocked.code
                ? BALANCE_LOCKED_ERROR_MSG
                : result.desc,
            ),
            kv('BOCompletedTime', Number(eatTimestamp(now))),
          ],
          references: [kv('QueueTimeoutURL', undefined)],
        }),
        process: (now) => {
          const org = this.deps.ledger.org(input.partyA) as OrgRecord;
          notes.push(`Balances of ${org.shortcode} as of now are sent.`);
          return {
            result: AccountBalanceResult.success,
            parameters: [
              kv('AccountBalance', balanceString(org)),
              kv('BOCompletedTime', Number(eatTimestamp(now))),
            ],
            references: [kv('QueueTimeoutURL', INTERNAL_QUEUE_URLS.accountBalance)],
          };
        },
      },
      notes,
    );
  }
}
