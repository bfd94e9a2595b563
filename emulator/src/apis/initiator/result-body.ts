import type { ResultCallback, ResultCodeEntry, ResultKeyValue } from 'daraja-client/wire';

export interface ResultInput {
  result: ResultCodeEntry;
  originatorConversationId: string;
  conversationId: string;
  /** The receipt, or a placeholder such as `UJ60000000` when no money moved. */
  transactionId: string;
  /** Omitted entirely when undefined or empty. */
  parameters?: ResultKeyValue[] | undefined;
  references: ResultKeyValue[];
}

/** A key/value pair; an empty or missing value loses its `Value` member, as Daraja's XML-to-JSON does. */
export function kv(key: string, value: string | number | undefined): ResultKeyValue {
  return value === undefined || value === '' ? { Key: key } : { Key: key, Value: value };
}

/**
 * The `Result` envelope POSTed to ResultURL (and QueueTimeOutURL). ResultCode is a number when numeric and
 * a string otherwise ("R000002"); a one-element list becomes a bare object when `singleItemAsObject`.
 */
export function resultCallback(input: ResultInput, singleItemAsObject: boolean): ResultCallback {
  const list = (items: ResultKeyValue[]) =>
    singleItemAsObject && items.length === 1 ? (items[0] as ResultKeyValue) : items;
  const code = input.result.code;
  return {
    Result: {
      ResultType: 0,
      ResultCode: typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code,
      ResultDesc: input.result.desc,
      OriginatorConversationID: input.originatorConversationId,
      ConversationID: input.conversationId,
      TransactionID: input.transactionId,
      ...(input.parameters && input.parameters.length > 0
        ? { ResultParameters: { ResultParameter: list(input.parameters) } }
        : {}),
      ReferenceData: { ReferenceItem: list(input.references) },
    },
  };
}
