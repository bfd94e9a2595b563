import { Router } from 'express';
import type { ApiFactory } from '../api-module.js';
import { initiatorControlRoutes } from './control-routes.js';
import { initiatorDesk } from './desk.js';

/**
 * What the initiator APIs share and no single one owns: the control endpoints of the ledger, the
 * SecurityCredential certificate and queue timeouts. With a data file, the key pair is created at start so
 * its certificate is on disk beside the data from the first run; configured key files are read at start so
 * a bad path stops the emulator with a clear message.
 */
export const initiatorApi: ApiFactory = (emulator) => {
  const { certificatePath, privateKeyPath } = emulator.settings.current.security;
  if (emulator.store.kind === 'file' || certificatePath || privateKeyPath) emulator.security.keys();
  return {
    name: 'initiator',
    routes: Router(),
    control: initiatorControlRoutes(emulator),
    clear: () => initiatorDesk(emulator).clear(),
  };
};
