import type * as PactModule from '@pact-foundation/pact';

export type Pact = typeof PactModule;

/** @pact-foundation/pact is not installed next to the emulator. */
export class PactMissingError extends Error {
  override readonly name = 'PactMissingError';
}

/**
 * Loads @pact-foundation/pact on demand. It is an optional peer of the emulator: its native core is large
 * and only `verify-pacts` needs it. Pact's usage tracking is switched off, as befits an offline tool.
 */
export async function loadPact(): Promise<Pact> {
  process.env.PACT_DO_NOT_TRACK = 'true';
  try {
    const loaded = (await import('@pact-foundation/pact')) as Pact & { default?: Pact };
    return loaded.default ?? loaded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new PactMissingError(
        'verify-pacts needs @pact-foundation/pact: install it beside daraja-emulator (npm install --save-dev @pact-foundation/pact@16).',
      );
    }
    throw error;
  }
}
