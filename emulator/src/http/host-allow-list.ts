import { hostname, networkInterfaces } from 'node:os';
import { DARAJA_HOST_NAMES } from '../tls/tls-names.js';

/** `--allowed-host '*'` turns the check off (for an emulator reached by names nobody can list in advance). */
export const ANY_HOST = '*';

/**
 * The host names a request may be addressed to. A page on another site can make a browser send requests to
 * 127.0.0.1 under a name it controls (DNS rebinding); such requests carry that name in `Host`, which is not
 * on this list, so they are refused before they reach anything. Allowed: loopback names and addresses,
 * every address the emulator is bound to (all of this machine's when bound to 0.0.0.0 or ::, and its host
 * name), Safaricom's names (TLS mode and hosts-file redirection), and whatever `--allowed-host` adds.
 */
export class HostAllowList {
  readonly #names = new Set<string>(DARAJA_HOST_NAMES.map((n) => n.toLowerCase()));
  #any = false;

  constructor(extra: readonly string[] = []) {
    for (const name of extra) this.add(name);
  }

  /** Adds a name, an address or `*`; a `host:port` form counts for its host. */
  add(name: string): void {
    const host = hostOf(name.trim());
    if (host === ANY_HOST) this.#any = true;
    else if (host) this.#names.add(host);
  }

  /** Adds an address a server was bound to; a wildcard address adds every address of this machine. */
  addBound(address: string): void {
    if (address !== '0.0.0.0' && address !== '::') return this.add(address);
    this.add(hostname());
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) this.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
  }

  /** Whether this host (no port) is listed: Safaricom's, bound or added names, not loopback ones. */
  lists(host: string): boolean {
    return this.#names.has(host);
  }

  /** Whether a request with this `Host` header may be served (no header: a non-browser HTTP/1.0 client). */
  allows(hostHeader: string | undefined): boolean {
    if (this.#any || hostHeader === undefined) return true;
    const host = hostOf(hostHeader);
    return host !== undefined && (isLoopbackName(host) || this.#names.has(host));
  }
}

/** The host part of a `Host` header or an authority, lower case, IPv6 without brackets. */
export function hostOf(authority: string): string | undefined {
  const a = authority.toLowerCase();
  if (a.startsWith('[')) {
    const end = a.indexOf(']');
    return end === -1 ? undefined : a.slice(1, end);
  }
  // A bare IPv6 address (as --allowed-host may give it) has several colons and no port.
  if (a.indexOf(':') !== a.lastIndexOf(':')) return a;
  const colon = a.indexOf(':');
  const host = colon === -1 ? a : a.slice(0, colon);
  return host === '' ? undefined : host.replace(/\.$/, '');
}

/** localhost, *.localhost (RFC 6761 keeps them on this machine), 127.0.0.0/8 and ::1. */
export function isLoopbackName(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
