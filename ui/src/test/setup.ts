import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor give up after this long rather than Testing Library's one second: on a two-core
// machine running the other suites beside these, a render that takes well under a second alone can take
// several. It is a limit for hangs, not a measure of speed.
configure({ asyncUtilTimeout: 10_000 });

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  location.hash = '';
});
