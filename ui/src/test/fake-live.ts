import type { LiveEvent } from 'daraja-client/emulator';
import { act } from '@testing-library/react';
import type { LiveListener, LiveSource, LiveStatus, StatusListener } from '../live/live-socket';

/** A live feed the test drives by hand. */
export class FakeLive implements LiveSource {
  status: LiveStatus = { state: 'open', failures: 0 };
  readonly #listeners = new Set<LiveListener>();
  readonly #statusListeners = new Set<StatusListener>();

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  emit(event: LiveEvent): void {
    act(() => {
      for (const listener of [...this.#listeners]) listener(event);
    });
  }

  setStatus(status: LiveStatus): void {
    act(() => {
      this.status = status;
      for (const listener of [...this.#statusListeners]) listener(status);
    });
  }
}
