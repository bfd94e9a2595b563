import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMER, PACT_DIR, PROVIDER, httpPact, removePact } from './support/pact-setup.js';
import { oauthContracts } from './consumer/oauth-contracts.js';
import { stkContracts } from './consumer/stk-contracts.js';
import { c2bContracts } from './consumer/c2b-contracts.js';
import { initiatorContracts } from './consumer/initiator-contracts.js';
import { b2bContracts } from './consumer/b2b-contracts.js';
import { imsiContracts } from './consumer/imsi-contracts.js';
import { expressCheckoutQrContracts } from './consumer/express-checkout-qr-contracts.js';
import { ratibaBillContracts } from './consumer/ratiba-bill-contracts.js';
import { verifyPacts } from '../emulator/src/pact/verify-pacts.js';

// One file, run in order: the consumer tests write contracts/pacts/daraja-client-daraja-emulator.json,
// then the emulator is verified against it.
describe('daraja-client as consumer of the Daraja API', () => {
  const pact = httpPact();
  beforeAll(() => removePact(CONSUMER, PROVIDER));

  oauthContracts(pact);
  stkContracts(pact);
  c2bContracts(pact);
  initiatorContracts(pact);
  b2bContracts(pact);
  imsiContracts(pact);
  expressCheckoutQrContracts(pact);
  ratibaBillContracts(pact);
});

describe('the emulator as provider of the Daraja API', () => {
  let report: Awaited<ReturnType<typeof verifyPacts>> | undefined;
  afterAll(() => {
    if (report && !report.ok) console.error(report.problems.join('\n'));
  });

  it('honours every interaction of the client’s pact', async () => {
    report = await verifyPacts({ pactPaths: [`${PACT_DIR}/${CONSUMER}-${PROVIDER}.json`] });
    expect(report.problems).toEqual([]);
    const recorded = report.files.flatMap((file) => file.interactions);
    expect(recorded.length).toBe(30);
    expect(report.interactions).toHaveLength(recorded.length);
    expect(report.interactions.filter((i) => !i.ok)).toEqual([]);
    // One fresh emulator per interaction: the verification takes longer than the default test timeout on a busy machine.
  }, 60_000);
});
