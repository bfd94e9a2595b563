import type { LiveEvent } from 'daraja-client/emulator';

type Listener = (event: LiveEvent) => void;
export type LiveEventType = LiveEvent['type'];

/** Services announce what changed here; the live socket and tests listen. Nothing imports the socket. */
export class EventBus {
  /** Each listener with the event types it takes (undefined: every type). */
  readonly #listeners = new Map<Listener, ReadonlySet<LiveEventType> | undefined>();
  /** The types some listener takes, or 'all' while a listener takes every type. */
  #wanted: ReadonlySet<LiveEventType> | 'all' = new Set();

  emit(event: LiveEvent): void {
    for (const [listener, types] of this.#listeners) {
      if (types && !types.has(event.type)) continue;
      try {
        listener(event);
      } catch {
        // One broken listener must not break the emitter's caller.
      }
    }
  }

  /**
   * Returns a function that removes the listener. `types` limits it to those events; then an event of
   * another type nobody listens to need not even be made (see wants).
   */
  on(listener: Listener, types?: readonly LiveEventType[]): () => void {
    this.#listeners.set(listener, types && new Set(types));
    this.#recount();
    return () => {
      if (this.#listeners.delete(listener)) this.#recount();
    };
  }

  get listening(): boolean {
    return this.#listeners.size > 0;
  }

  /** Whether an event of this type reaches any listener: its emitter may skip building it when not. */
  wants(type: LiveEventType): boolean {
    return this.#wanted === 'all' || this.#wanted.has(type);
  }

  #recount(): void {
    const wanted = new Set<LiveEventType>();
    for (const types of this.#listeners.values()) {
      if (!types) {
        this.#wanted = 'all';
        return;
      }
      for (const type of types) wanted.add(type);
    }
    this.#wanted = wanted;
  }
}
