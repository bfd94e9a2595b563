import { type AccountBalanceRequest, DarajaPaths, type InitiatorAck } from '../wire/index.js';
import type { RequestOptions } from '../http/transport.js';
import { requireOneOf, requireText, requireUrl } from '../validation/validate-input.js';
import type { ApiContext } from './api-context.js';
import { resolveShortcode } from './resolve-shortcode.js';
import type { IdentifierType } from './transaction-status-api.js';

/** Input of `client.accountBalance.query`. */
export interface AccountBalanceInput {
  remarks: string;
  resultUrl: string;
  queueTimeOutUrl: string;
  /** The shortcode to query; defaults to the configured shortcode. */
  partyA?: string | number | undefined;
  /** Default `4` (shortcode). */
  identifierType?: IdentifierType | undefined;
}

/** Account Balance: `POST /mpesa/accountbalance/v1/query`. */
export class AccountBalanceApi {
  readonly #context: ApiContext;

  /** Creates the API over the shared context. */
  constructor(context: ApiContext) {
    this.#context = context;
  }

  /** Asks for the shortcode's balances; they arrive later at `resultUrl` (see readAccountBalanceResult). */
  async query(input: AccountBalanceInput, options?: RequestOptions): Promise<InitiatorAck> {
    const { production, initiator } = this.#context;
    const body: AccountBalanceRequest = {
      Initiator: initiator.name(),
      SecurityCredential: initiator.securityCredential(),
      CommandID: 'AccountBalance',
      PartyA: resolveShortcode(this.#context, input.partyA, 'partyA'),
      IdentifierType: String(requireOneOf(input.identifierType ?? 4, 'identifierType', [1, 2, 4] as const)),
      Remarks: requireText(input.remarks, 'remarks'),
      QueueTimeOutURL: requireUrl(input.queueTimeOutUrl, 'queueTimeOutUrl', production),
      ResultURL: requireUrl(input.resultUrl, 'resultUrl', production),
    };
    return this.#context.http.post<InitiatorAck>(DarajaPaths.accountBalance, body, options);
  }
}
