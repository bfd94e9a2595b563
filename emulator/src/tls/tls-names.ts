import { DarajaHosts } from 'daraja-client/wire';

/** Safaricom's host names that clients hard-code: the certificate covers them and the preload redirects them. */
export const DARAJA_HOST_NAMES: readonly string[] = Object.values(DarajaHosts).map(
  (url) => new URL(url).hostname,
);

/** Names and addresses the local certificate covers besides Safaricom's, so `https://localhost:<port>` works too. */
export const LOCAL_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** Where the TLS files live when no directory is given and there is no data file to sit beside. */
export const DEFAULT_TLS_DIR = '.daraja-emulator/tls';
