import { build } from '../../scripts/build.mjs';

/**
 * Before any test file runs: build whatever changed since the last build. Tests that start the real command
 * (the CLI, reliability, packaging) then never run stale compiled code, and never build side by side.
 */
export default function setup(): void {
  build({ ifStale: true });
}
