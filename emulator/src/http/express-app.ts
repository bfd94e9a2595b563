import express, { type Express, type Router } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTROL_PREFIX } from 'daraja-client/emulator';
import { ControlError } from '../control/control-error.js';
import { adminGuard, controlCors } from './admin-guard.js';
import { crossSiteGuard } from './cross-site-guard.js';
import { controlErrorHandler } from './error-handler.js';
import type { DarajaGateway } from './gateway.js';

/**
 * The built phone UI ships inside this package at dist/ui (the build copies ui/dist there). Compiled, this
 * file is dist/http/express-app.js, or a chunk in dist/bundle when the command runs it; either way `../ui` is
 * dist/ui. Run from the sources, it is src/http/express-app.ts and the UI is in dist/ui too.
 */
const DEFAULT_UI_DIR = ['../ui', '../../dist/ui']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((dir) => existsSync(`${dir}/index.html`));

export interface ExpressAppOptions {
  /** The control routers, mounted under /_emulator/ in this order. */
  control: Router[];
  corsOrigins: string[];
  adminToken: string | undefined;
  /** Folder of the built UI served at `/`; false serves none. Defaults to the UI inside the package. */
  uiDir: string | false | undefined;
  gateway: DarajaGateway;
  log: (line: string) => void;
}

/**
 * The emulator's own Express app: the control API and the UI. What it does not serve (a path the UI does
 * not have) goes to the gateway, which answers as Daraja; control-API errors get the control API's shape.
 */
export function expressApp(options: ExpressAppOptions): Express {
  const { gateway } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    CONTROL_PREFIX,
    controlCors(options.corsOrigins),
    crossSiteGuard(options.corsOrigins),
    adminGuard(options.adminToken),
    ...options.control,
    (req: express.Request, _res: express.Response, next: express.NextFunction) =>
      next(
        new ControlError(404, 'not_found', `No control endpoint ${req.method} ${req.baseUrl}${req.path}.`),
      ),
  );
  const uiDir = options.uiDir === undefined ? DEFAULT_UI_DIR : options.uiDir;
  if (uiDir && existsSync(uiDir)) app.use(express.static(uiDir, { index: 'index.html', fallthrough: true }));
  app.use((req, res) => gateway.handle(req, res, false));
  const controlErrors = controlErrorHandler(options.log);
  app.use(((err, req, res, next) => {
    if (req.path.toLowerCase().startsWith(CONTROL_PREFIX)) return controlErrors(err, req, res, next);
    gateway.failed(req, res, err);
  }) as express.ErrorRequestHandler);
  return app;
}
