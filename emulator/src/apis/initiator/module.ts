import type { ApiFactory } from '../api-module.js';
import { initiatorControlRoutes } from './control-routes.js';

/**
 * What the initiator APIs share and no single one owns: the control endpoints of the ledger, the
 * SecurityCredential certificate and armed queue timeouts. The shared flow itself is built with the other
 * services (emulator/src/services.ts), which also reads configured key files at start.
 */
export const initiatorApi: ApiFactory = ({ ledger, security, initiator }) => ({
  name: 'initiator',
  routes: [],
  control: initiatorControlRoutes(ledger, security, initiator),
  clear: () => initiator.clear(),
});
