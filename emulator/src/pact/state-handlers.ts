import type { ProviderSession } from './provider-session.js';
import { PROVIDER_STATES, type ProviderStateDefinition, type StateValues } from './provider-states.js';
import { ProviderStateError } from './state-values.js';
import type { StateParams } from './state-template.js';

/** A state found in a pact, resolved to the definition that sets it up. */
export interface ResolvedState {
  definition: ProviderStateDefinition;
  params: StateParams;
}

/**
 * Finds the definition of a pact's state: a description written exactly as a template (values in the
 * params) wins over one with the values written in.
 */
export function resolveState(description: string, params: StateParams = {}): ResolvedState | undefined {
  const wanted = description.trim().replace(/\s+/g, ' ').toLowerCase();
  const exact = PROVIDER_STATES.find((d) => d.template.text.toLowerCase() === wanted);
  if (exact) return { definition: exact, params: { ...params } };
  for (const definition of PROVIDER_STATES) {
    const matched = definition.template.match(description, params);
    if (matched) return { definition, params: matched };
  }
  return undefined;
}

/** The handler shape both Pact verifiers call: params in, values for `fromProviderState` out. */
export type StateHandler = (params?: unknown) => Promise<StateValues | undefined>;

/**
 * Handlers for the given state descriptions, keyed by description as Pact looks them up. Descriptions
 * the emulator does not understand are left out (check them first with resolveState).
 */
export function stateHandlers(
  descriptions: Iterable<string>,
  session: ProviderSession,
  onError: (message: string) => void = () => undefined,
): Record<string, StateHandler> {
  const handlers: Record<string, StateHandler> = {};
  for (const description of descriptions) {
    if (!resolveState(description)) continue;
    handlers[description] = async (params) => {
      const given =
        params && typeof params === 'object' && !Array.isArray(params) ? (params as StateParams) : {};
      const resolved = resolveState(description, given);
      if (!resolved) return undefined;
      try {
        return await resolved.definition.setup(session, resolved.params);
      } catch (error) {
        // Pact only logs a failing state handler and goes on, so the failure is also reported here.
        const message = `Provider state "${description}" could not be set up: ${(error as Error).message}`;
        onError(message);
        throw new ProviderStateError(message);
      }
    };
  }
  return handlers;
}
