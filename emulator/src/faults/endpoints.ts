import { DarajaPaths } from 'daraja-client/wire';
import type { FAULT_ENDPOINT_APIS, TransactionType } from 'daraja-client/emulator';
import { darajaApiOf, endpointKey } from '../http/endpoint-key.js';

/** API names a rule may use for `endpoint` (exactly the client's list), with the Daraja paths each covers. */
const FAMILIES: Record<string, string[]> = {
  oauth: [DarajaPaths.oauth],
  'stk-push': [DarajaPaths.stkPush],
  'stk-query': [DarajaPaths.stkQuery],
  'c2b-register': [DarajaPaths.c2bRegisterV1, DarajaPaths.c2bRegisterV2],
  'c2b-simulate': [DarajaPaths.c2bSimulateV1, DarajaPaths.c2bSimulateV2],
  c2b: [
    DarajaPaths.c2bRegisterV1,
    DarajaPaths.c2bRegisterV2,
    DarajaPaths.c2bSimulateV1,
    DarajaPaths.c2bSimulateV2,
  ],
  b2c: [DarajaPaths.b2cV1, DarajaPaths.b2cV3],
  b2pochi: [DarajaPaths.b2pochi],
  'transaction-status': [DarajaPaths.transactionStatus],
  'account-balance': [DarajaPaths.accountBalance],
  reversal: [DarajaPaths.reversal],
  b2b: [DarajaPaths.b2b],
  'tax-remittance': [DarajaPaths.taxRemittance],
  'pull-transactions': [DarajaPaths.pullRegister, DarajaPaths.pullQuery],
  imsi: [DarajaPaths.imsi, DarajaPaths.simSwap],
  'sim-swap': [DarajaPaths.simSwap],
  'b2b-express-checkout': [DarajaPaths.b2bExpressCheckout],
  'dynamic-qr': [DarajaPaths.dynamicQr],
  ratiba: [DarajaPaths.ratiba],
  'bill-manager': [
    DarajaPaths.billManagerOptIn,
    DarajaPaths.billManagerChangeOptIn,
    DarajaPaths.billManagerSingleInvoice,
    DarajaPaths.billManagerBulkInvoices,
    DarajaPaths.billManagerReconciliation,
    DarajaPaths.billManagerCancelInvoice,
    DarajaPaths.billManagerCancelInvoices,
  ],
} satisfies Record<(typeof FAULT_ENDPOINT_APIS)[number], string[]>;

/** The API that starts each kind of transaction, for rules matched against prompts and callbacks. */
const FAMILY_OF_TYPE: Record<TransactionType, string> = {
  stk: 'stk-push',
  c2b: 'c2b-simulate',
  b2c: 'b2c',
  b2pochi: 'b2pochi',
  'transaction-status': 'transaction-status',
  'account-balance': 'account-balance',
  reversal: 'reversal',
  b2b: 'b2b',
  'tax-remittance': 'tax-remittance',
  'b2b-express-checkout': 'b2b-express-checkout',
  'dynamic-qr': 'dynamic-qr',
  'standing-order': 'ratiba',
  'standing-order-debit': 'ratiba',
};

export const ENDPOINT_NAMES = Object.keys(FAMILIES);

/**
 * Every name that designates a path: its endpoint key (see endpointKey), its DarajaPaths key and the API
 * names covering it. A rule's endpoint given as a path is compared through the same key (endpointMatches).
 */
export function endpointNamesOfPath(path: string): Set<string> {
  const names = new Set<string>([endpointKey(path)]);
  const api = darajaApiOf(path);
  if (api === undefined) return names;
  names.add(api);
  const canonical = DarajaPaths[api];
  for (const [family, paths] of Object.entries(FAMILIES)) if (paths.includes(canonical)) names.add(family);
  return names;
}

/** True when a rule's `endpoint` (an API name, a DarajaPaths key or a path) designates one of `names`. */
export function endpointMatches(endpoint: string, names: Set<string>): boolean {
  return names.has(endpoint.startsWith('/') ? endpointKey(endpoint) : endpoint);
}

const NAMES_OF_TYPE = new Map<TransactionType, Set<string>>();

/** The names that designate the API that started a transaction of this type (a new set each time). */
export function endpointNamesOfType(type: TransactionType): Set<string> {
  let names = NAMES_OF_TYPE.get(type);
  if (!names) {
    const family = FAMILY_OF_TYPE[type];
    names = new Set<string>([type, family]);
    for (const path of FAMILIES[family] ?? []) for (const n of endpointNamesOfPath(path)) names.add(n);
    NAMES_OF_TYPE.set(type, names);
  }
  return new Set(names);
}
