import type { LiveEvent } from 'daraja-client/emulator';

type Listener = (event: LiveEvent) => void;

/** Services announce what changed here; the live socket and tests listen. Nothing imports the socket. */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit(event: LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener must not break the emitter's caller.
      }
    }
  }

  /** Returns a function that removes the listener. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listening(): boolean {
    return this.#listeners.size > 0;
  }
}
