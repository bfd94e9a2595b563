import { createRequire } from 'node:module';
import type Forge from 'node-forge';

// Loaded on first use: only TLS mode and a new SecurityCredential certificate need it, and start-up time
// matters to test suites.
const load = createRequire(import.meta.url);
let loaded: typeof Forge | undefined;

/** node-forge, the one library the emulator makes X.509 certificates with. */
export const forgeLib = (): typeof Forge => (loaded ??= load('node-forge') as typeof Forge);

export type { Forge };
