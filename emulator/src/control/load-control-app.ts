import type { Router } from 'express';
import type { DarajaGateway } from '../http/gateway.js';
import type { EmulatorControl } from './emulator-control.js';
import type { EmulatorOptions } from '../emulator-options.js';
import type { Handler } from '../http/lazy-handler.js';

/**
 * Loads and builds the Express app of the control API (under /_emulator/) and the UI. Called
 * with the first request that is not Daraja traffic, so that a run that never uses them (a test suite's,
 * or a container waiting for its first STK push) starts without loading Express, its body parsers and
 * the UI's file server.
 */
export async function loadControlApp(
  emulator: EmulatorControl & { readonly gateway: DarajaGateway; readonly log: (line: string) => void },
  options: EmulatorOptions,
): Promise<Handler> {
  const [{ expressApp }, { controlRoutes }, { conformanceRoutes }, { faultControlRoutes }] =
    await Promise.all([
      import('../http/express-app.js'),
      import('./routes.js'),
      import('./conformance-routes.js'),
      import('./fault-routes.js'),
    ]);
  const apiControl: Router[] = [];
  for (const api of emulator.apis) {
    if (api.control) apiControl.push(api.control);
    if (api.loadControl) apiControl.push(await api.loadControl());
  }
  return expressApp({
    control: [faultControlRoutes(emulator), conformanceRoutes(emulator), controlRoutes(emulator, apiControl)],
    corsOrigins: options.corsOrigins ?? [],
    adminToken: options.adminToken,
    uiDir: options.uiDir,
    gateway: emulator.gateway,
    log: emulator.log,
  });
}
