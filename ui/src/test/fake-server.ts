import { createControlApi, type ControlApi } from '../api/control-api';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** An answer with a status other than 200. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {}
}

export const reply = (status: number, body?: unknown) => new Reply(status, body);

/** A route answers a JSON body (status 200) or a Reply. */
export type Route = (call: Call) => unknown;

/**
 * A control API without a server: routes keyed `METHOD /path` (no query) answer JSON; unknown routes answer
 * 404 with an empty body, as the emulator does for paths it does not have. Every call is recorded.
 */
export function fakeServer(routes: Record<string, Route>): { api: ControlApi; calls: Call[] } {
  const calls: Call[] = [];
  const api = createControlApi({
    fetch: async (input, init) => {
      const url = new URL(input, 'http://emulator.test');
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const call: Call = { method, path: url.pathname, query: url.searchParams, body };
      calls.push(call);
      const route = routes[`${method} ${url.pathname}`];
      if (!route) return new Response('', { status: 404 });
      const answer = route(call);
      if (answer instanceof Reply) {
        // A 204 may not have a body at all, not even an empty one.
        return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
          status: answer.status,
        });
      }
      return new Response(JSON.stringify(answer), { status: 200 });
    },
  });
  return { api, calls };
}
