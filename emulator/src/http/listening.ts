import type { Server } from 'node:http';

/** A running HTTP server of an emulator. */
export interface Listening {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}
