import { makeConsumerPact } from '@pact-foundation/pact-core';
import type { PactV3, V3MockServer } from '@pact-foundation/pact';

/**
 * Reads any mock server's state by port. The handle itself holds no interactions: Pact's core looks mock
 * servers up by port.
 */
const probe = makeConsumerPact('daraja-contracts-probe', 'daraja-contracts-probe');

const POLL_MS = 10;
const MAX_WAIT_MS = 2_000;

/**
 * `pact.executeTest`, then a wait until the mock server has recorded the requests it answered. Pact's core
 * records a match on another thread after it has sent the response; under load, checking straight away
 * can report a request that was answered as "expected but not received" (pact-foundation/pact-reference
 * issue 535). A real mismatch still fails once the wait ends.
 */
export function executeTest<T>(
  pact: PactV3,
  test: (server: V3MockServer) => Promise<T>,
): Promise<T | undefined> {
  return pact.executeTest(async (server) => {
    const result = await test(server);
    for (let waited = 0; waited < MAX_WAIT_MS; waited += POLL_MS) {
      if (probe.mockServerMatchedSuccessfully(server.port)) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return result;
  });
}
