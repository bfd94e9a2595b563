import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControlErrorBody } from 'daraja-client/emulator';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A request handler built on first use: start-up does not load what only some runs need (Express, the
 * control API and the UI files). Requests that arrive while it loads wait for it; their bodies stay
 * unread in node's buffers meanwhile. Building is tried twice; a handler that still cannot be built
 * answers 500 and is tried again on the next request.
 */
export function lazyHandler(load: () => Promise<Handler>): Handler {
  let handler: Handler | undefined;
  let loading: Promise<Handler> | undefined;
  return (req, res) => {
    if (handler) return handler(req, res);
    // One more try before giving up: a module loader can fail a first dynamic import that races others
    // (jest's ESM mode does), and the next one then works.
    loading ??= load().catch(() => load());
    loading.then(
      (loaded) => {
        handler = loaded;
        loaded(req, res);
      },
      (error: unknown) => {
        loading = undefined;
        const body: ControlErrorBody = {
          error: {
            code: 'internal',
            message: `The control API could not be loaded: ${(error as Error).message}`,
          },
        };
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      },
    );
  };
}
