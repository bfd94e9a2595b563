import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { Settings } from 'daraja-client/emulator';
import { hostOf, isLoopbackName, type HostAllowList } from '../http/host-allow-list.js';
import { parsedUrl } from './parsed-url.js';

/**
 * Callback targets that lead back into the emulator, or somewhere a callback must not go. A callback to the
 * emulator's own port would run its control API on behalf of whoever sent the request (a push whose
 * CallBackURL is `/_emulator/reset` wiped it); when the emulator listens beyond loopback, link-local and
 * cloud metadata addresses are refused too, unless `callbacks.allowLinkLocal` is set.
 *
 * Checked twice: when the request is made (the URL's host as written: loopback names, this machine's names
 * and addresses, the names the emulator answers to) and when a callback is sent (every address a host name
 * resolves to, so that a name pointing at this machine, or one that changes its answer, is caught too).
 */
export class OwnAddress {
  readonly #ports = new Set<number>();
  readonly #hosts: HostAllowList;
  #beyondLoopback = false;

  constructor(hosts: HostAllowList) {
    this.#hosts = hosts;
  }

  /** Records a server of the emulator: its address and port. */
  addServer(address: string, port: number): void {
    this.#ports.add(port);
    if (!isLoopbackName(hostOf(address) ?? address)) this.#beyondLoopback = true;
  }

  /** Why a callback may not go to this URL, as the URL is written; undefined when it may. */
  refusal(url: URL, settings: Settings['callbacks']): string | undefined {
    const host = hostOf(url.host) ?? url.hostname;
    return this.#refusal(host, effectivePort(url), settings, isIP(host) === 0 && this.#names(host));
  }

  /** Why a callback may not go to `address` (one a host name resolved to) on `port`. */
  addressRefusal(address: string, port: number, settings: Settings['callbacks']): string | undefined {
    return this.#refusal(address.toLowerCase(), port, settings, false);
  }

  #refusal(
    host: string,
    port: number,
    settings: Settings['callbacks'],
    ownName: boolean,
  ): string | undefined {
    if (this.#ports.has(port) && (ownName || isOwnAddress(host))) {
      return `the URL leads to the emulator itself (${host} port ${port}); callbacks must go to your app, never to the emulator`;
    }
    if (this.#beyondLoopback && !settings.allowLinkLocal && isLinkLocal(host)) {
      return `${host} is a link-local or cloud metadata address, refused while the emulator listens beyond loopback (setting callbacks.allowLinkLocal allows it)`;
    }
    return undefined;
  }

  /** Host names that reach this machine: loopback names, its host name and the names it answers to. */
  #names(host: string): boolean {
    return isLoopbackName(host) || host === hostname().toLowerCase() || this.#hosts.lists(host);
  }
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The unspecified address, loopback, or an address of one of this machine's interfaces. */
function isOwnAddress(address: string): boolean {
  const a = unmapped(address);
  if (a === '0.0.0.0' || a === '::' || isLoopbackName(a)) return true;
  for (const list of Object.values(networkInterfaces()))
    for (const i of list ?? []) if (unmapped(i.address.split('%')[0] ?? '') === a) return true;
  return false;
}

/** 169.254.0.0/16, fe80::/10 and the cloud metadata address fd00:ec2::254. */
function isLinkLocal(address: string): boolean {
  const a = unmapped(address);
  return /^169\.254\.\d{1,3}\.\d{1,3}$/.test(a) || /^fe[89ab][0-9a-f]:/.test(a) || a === 'fd00:ec2::254';
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`, or `::ffff:7f00:1` as URLs write it) as IPv4. */
function unmapped(address: string): string {
  const a = address.toLowerCase();
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (dotted) return dotted[1] as string;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (!hex) return a;
  const hi = parseInt(hex[1] as string, 16);
  const lo = parseInt(hex[2] as string, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Daraja's names for the URLs it calls, in every API: the fields a request may aim at the emulator itself. */
export const CALLBACK_URL_FIELDS = [
  'CallBackURL',
  'ResultURL',
  'QueueTimeOutURL',
  'ConfirmationURL',
  'ValidationURL',
];

/** The first callback URL field of a request body that may not be called, with the reason. */
export function ownCallbackRefusal(
  body: Record<string, unknown>,
  own: OwnAddress,
  settings: Settings['callbacks'],
): { field: string; reason: string } | undefined {
  for (const field of CALLBACK_URL_FIELDS) {
    const value = body[field];
    if (typeof value !== 'string') continue;
    const url = parsedUrl(value.trim());
    if (!url) continue; // the API's own validation answers for a URL that is not one
    const reason = own.refusal(url, settings);
    if (reason) return { field, reason };
  }
  return undefined;
}
