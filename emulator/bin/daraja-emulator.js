#!/usr/bin/env node
// The `daraja-emulator` command. In an installed package it only loads the compiled CLI, bundled into a few
// files (dist/bundle, made by scripts/bundle-cli.mjs): loading its ~290 modules one by one cost about a third
// of its start-up. In a clone of the repository (where the sources sit beside it) it first builds whatever
// changed since the last build, so that `npx daraja-emulator` works right after `npm ci` and never runs stale
// code.
import { existsSync } from 'node:fs';

const checkoutBuild = new URL('../../scripts/build.mjs', import.meta.url);
if (existsSync(new URL('../src/main.ts', import.meta.url)) && existsSync(checkoutBuild)) {
  const { build } = await import(checkoutBuild.href);
  try {
    build({ ifStale: true });
  } catch (error) {
    process.stderr.write(
      `daraja-emulator: build failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  }
}
await import('../dist/bundle/main.js');
