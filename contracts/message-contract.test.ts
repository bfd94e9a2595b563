import { beforeAll, describe, it } from 'vitest';
import { MessageProviderPact } from '@pact-foundation/pact';
import { PACT_DIR, PROVIDER, removePact } from './support/pact-setup.js';
import { CALLBACK_CONSUMER, messagePact } from './support/message-setup.js';
import { callbackContracts } from './consumer/callback-contracts.js';
import { resultContracts } from './consumer/result-contracts.js';
import { b2bResultContracts } from './consumer/b2b-result-contracts.js';
import { expressCheckoutCallbackContracts } from './consumer/express-checkout-qr-contracts.js';
import { ratibaBillCallbackContracts } from './consumer/ratiba-bill-callback-contracts.js';
import { callbackMessageProviders } from '../emulator/src/pact/callback-messages.js';

// One file, run in order: the parsers' tests write the message pact, then the emulator's real flows are
// verified against it.
describe('daraja-client’s callback parsers as consumers of the emulator’s callbacks', () => {
  const pact = messagePact();
  beforeAll(() => removePact(CALLBACK_CONSUMER, PROVIDER));

  callbackContracts(pact);
  resultContracts(pact);
  b2bResultContracts(pact);
  expressCheckoutCallbackContracts(pact);
  ratibaBillCallbackContracts(pact);
});

describe('the emulator as provider of Daraja callbacks', () => {
  it('delivers every callback the parsers’ pact describes', async () => {
    await new MessageProviderPact({
      provider: PROVIDER,
      pactUrls: [`${PACT_DIR}/${CALLBACK_CONSUMER}-${PROVIDER}.json`],
      messageProviders: callbackMessageProviders(),
      logLevel: 'error',
    }).verify();
  });
});
