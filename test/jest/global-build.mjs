import { build } from '../../scripts/build.mjs';

/** Before any test file runs: build whatever changed, so Jest never tests stale compiled code. */
export default function setup() {
  build({ ifStale: true });
}
