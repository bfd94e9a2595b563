import { DarajaPaths } from 'daraja-client/wire';
import { CONTROL_PREFIX } from 'daraja-client/emulator';

/**
 * The one answer to "which endpoint is this path": routing, fault rules, rate limiting and the journal all
 * ask it. Daraja's reference says nothing about case or trailing slashes; the emulator matches paths
 * case-insensitively and with or without trailing slashes, and every part of it does the same.
 */
export function endpointKey(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end).toLowerCase();
}

const OAUTH = endpointKey(DarajaPaths.oauth);

/** The DarajaPaths entry a path designates, under the rule above; undefined for any other path. */
export function darajaApiOf(path: string): keyof typeof DarajaPaths | undefined {
  return API_OF_KEY.get(endpointKey(path));
}

const API_OF_KEY = new Map(
  Object.entries(DarajaPaths).map(([api, p]) => [endpointKey(p), api as keyof typeof DarajaPaths]),
);

/** True for the token endpoint (which spike arrest does not count). */
export function isOAuthPath(path: string): boolean {
  return endpointKey(path) === OAUTH;
}

/**
 * Daraja traffic, as opposed to the control API and the UI: everything but control paths and reads other
 * than the token endpoint and /mpesa/… (a GET there is Daraja's answer to a wrong method, and journaled).
 */
export function isDarajaTraffic(method: string | undefined, path: string): boolean {
  const key = endpointKey(path);
  if (key.startsWith(CONTROL_PREFIX)) return false;
  const read = method === 'GET' || method === 'HEAD';
  return !read || key === OAUTH || key.startsWith('/mpesa');
}
