import type { ApiFactory } from '../api-module.js';

/**
 * What the initiator APIs share and no single one owns: the control endpoints of the ledger, the
 * SecurityCredential certificate and armed queue timeouts. The shared flow itself is built with the other
 * services (emulator/src/services.ts), which also reads configured key files at start.
 */
export const initiatorApi: ApiFactory = ({ ledger, security, initiator }) => ({
  name: 'initiator',
  routes: [],
  loadControl: async () =>
    (await import('./control-routes.js')).initiatorControlRoutes(ledger, security, initiator),
  clear: () => initiator.clear(),
});
