import { INITIATOR_ACK_DESCRIPTION, type InitiatorAck } from 'daraja-client/wire';

/**
 * The synchronous acknowledgement. B2C answers ConversationID first; Transaction Status and Account Balance
 * answer OriginatorConversationID first (captures/sandbox/status.conversation-id.json, SPEC 6.2).
 */
export function initiatorAck(
  order: 'conversation-first' | 'originator-first',
  conversationId: string,
  originatorConversationId: string,
): InitiatorAck {
  const tail = { ResponseCode: '0', ResponseDescription: INITIATOR_ACK_DESCRIPTION };
  return order === 'conversation-first'
    ? { ConversationID: conversationId, OriginatorConversationID: originatorConversationId, ...tail }
    : { OriginatorConversationID: originatorConversationId, ConversationID: conversationId, ...tail };
}
