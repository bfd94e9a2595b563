import type { ApiFactory } from '../api-module.js';
import { initiatorDesk } from './desk.js';

/**
 * What the initiator APIs share and no single one owns: the control endpoints of the ledger, the
 * SecurityCredential certificate and queue timeouts. Configured key files are read at start, so a bad path
 * stops the emulator with a clear message, and so is a damaged pair kept beside the data file.
 */
export const initiatorApi: ApiFactory = (emulator) => {
  const { certificatePath, privateKeyPath } = emulator.settings.current.security;
  if (certificatePath || privateKeyPath) emulator.security.keys();
  else emulator.security.loadExisting();
  return {
    name: 'initiator',
    routes: [],
    loadControl: async () => (await import('./control-routes.js')).initiatorControlRoutes(emulator),
    clear: () => initiatorDesk(emulator).clear(),
  };
};
