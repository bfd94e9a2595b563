import type { Server } from 'node:https';

/** The running HTTPS side and everything a client needs to trust and reach it. */
export interface TlsEndpoint {
  /** `https://127.0.0.1:<port>`. */
  url: string;
  port: number;
  dir: string;
  /** The local CA certificate to trust (NODE_EXTRA_CA_CERTS). */
  caPath: string;
  ca: string;
  /** `node --import <preloadPath> app.js` sends Safaricom's hosts to this emulator in that process. */
  preloadPath: string;
  /** The same for CommonJS: `node -r <preloadCjsPath> app.js`. */
  preloadCjsPath: string;
  /** Whether the CA or certificate were made now (false: reused from `dir`). */
  created: boolean;
  /** Whether `fallbackPort` was used because `port` was refused. */
  fellBack: boolean;
  server: Server;
  close(): Promise<void>;
}
