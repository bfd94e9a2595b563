import type { TlsEndpoint } from './serve-tls.js';
import { DARAJA_HOST_NAMES } from './tls-names.js';

/** What the CLI prints after TLS start-up: each way to point an unmodified client at the emulator. */
export function tlsInstructions(tls: TlsEndpoint, httpUrl: string): string {
  const hostsLine = `127.0.0.1 ${DARAJA_HOST_NAMES.join(' ')}`;
  const lines = [
    `HTTPS on ${tls.url} for ${DARAJA_HOST_NAMES.join(', ')}, localhost and 127.0.0.1`,
    `  CA certificate: ${tls.caPath} (${tls.created ? 'made now' : 'reused'}; a test CA that trusts only this emulator)`,
    ...(tls.fellBack
      ? [`  port 443 was refused (it needs root or CAP_NET_BIND_SERVICE), so HTTPS is on ${tls.port}`]
      : []),
    '',
    '  Point a client that hard-codes https://sandbox.safaricom.co.ke at the emulator, any one way:',
    '  1. preload module, this Node process only, no system change:',
    `       node --import ${tls.preloadPath} app.js`,
    `       node -r ${tls.preloadCjsPath} app.js`,
    '  2. hosts file and trusted CA:',
    `       echo '${hostsLine}' | sudo tee -a /etc/hosts`,
    `       export NODE_EXTRA_CA_CERTS=${tls.caPath}`,
    ...(tls.port === 443
      ? []
      : [
          `       (clients dial port 443; forward it here first, e.g. docker -p 443:${tls.port} or an iptables redirect)`,
        ]),
    '  3. HTTPS proxy, for clients that honour HTTPS_PROXY (axios, request, needle and others):',
    `       export HTTPS_PROXY=${httpUrl} NODE_EXTRA_CA_CERTS=${tls.caPath}`,
  ];
  return lines.join('\n');
}
