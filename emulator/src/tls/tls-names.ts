import { DarajaHosts } from 'daraja-client/wire';

/** Safaricom's host names that clients hard-code: the certificate covers them and the preload redirects them. */
export const DARAJA_HOST_NAMES: readonly string[] = Object.values(DarajaHosts).map(
  (url) => new URL(url).hostname,
);

/** Names and addresses the local certificate covers besides Safaricom's, so `https://localhost:<port>` works too. */
export const LOCAL_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** Where the TLS files live when no directory is given and there is no data file to sit beside. */
export const DEFAULT_TLS_DIR = '.daraja-emulator/tls';

/** The port clients that hard-code Safaricom's URLs dial. */
export const DEFAULT_TLS_PORT = 443;
/** Used when 443 is refused (binding it needs root or CAP_NET_BIND_SERVICE). */
export const FALLBACK_TLS_PORT = 7443;
