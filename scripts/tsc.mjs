#!/usr/bin/env node
// The TypeScript compiler that builds and type-checks the workspace: TypeScript 7, the native compiler,
// which checks every project in a few seconds where TypeScript 5 took half a minute. TypeScript 5 stays
// installed as `typescript`: the lint's parser (typescript-eslint) supports only TypeScript 5, the client's
// CommonJS copy needs its Node10 module resolution, which TypeScript 7 removed, and the packaging tests check
// the published types with it, as most users' projects still compile with it.
// Both packages name their command `tsc`, so scripts call this file rather than whichever `tsc` npm linked.
//
//   node scripts/tsc.mjs [tsc arguments…]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const compiler = fileURLToPath(new URL('../node_modules/typescript7/bin/tsc', import.meta.url));
const result = spawnSync(process.execPath, [compiler, ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
