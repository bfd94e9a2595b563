import { MessageConsumerPact } from '@pact-foundation/pact';
import { PACT_DIR, PROVIDER } from './pact-setup.js';

/** The client's callback parsers consume what the emulator sends; their pact is separate from the HTTP one. */
export const CALLBACK_CONSUMER = 'daraja-client-callbacks';

export function messagePact(): MessageConsumerPact {
  return new MessageConsumerPact({
    consumer: CALLBACK_CONSUMER,
    provider: PROVIDER,
    dir: PACT_DIR,
    logLevel: 'error',
  });
}
