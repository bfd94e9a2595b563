#!/usr/bin/env node
// Bundles the compiled CLI (emulator/dist/main.js) into emulator/dist/bundle/, the code the `daraja-emulator`
// command runs. Loading some 290 small ES modules one by one cost the command about a third of its start-up;
// a main file plus one chunk per dynamic import loads in a few reads, and what the CLI loads on first use
// (the control API, the UI routes, the live socket, the sub-commands) stays in chunks of its own.
//
// Our own code (the emulator and daraja-client) and valibot are bundled; every other package stays an import,
// resolved by Node from the installed package's dependencies as before. The library entry points
// (`daraja-emulator`, `daraja-emulator/testing`) keep using the per-file output in emulator/dist.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Sibling of the per-file output, one folder deep, so that `new URL('../ui', import.meta.url)` still finds dist/ui. */
const BUNDLE_DIR = 'emulator/dist/bundle';

const BUNDLED_PACKAGES = ['daraja-client', 'valibot'];

/** A bare import of a package other than the bundled ones; node: builtins are external on the node platform. */
function isExternal(id) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || id.startsWith('node:')) return false;
  return !BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * Hands each compiled file to the bundler with the compiler's source map beside it, so that the bundle's maps
 * lead back to the TypeScript sources rather than to the per-file output.
 */
const compilerMaps = {
  name: 'compiler-source-maps',
  async load(id) {
    if (!id.endsWith('.js')) return null;
    const code = await readFile(id, 'utf8');
    let map;
    try {
      map = await readFile(`${id}.map`, 'utf8');
    } catch {
      return code;
    }
    return { code: code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'), map };
  },
};

const outDir = join(root, BUNDLE_DIR);
await rm(outDir, { recursive: true, force: true });
await build({
  input: join(root, 'emulator/dist/main.js'),
  platform: 'node',
  external: isExternal,
  plugins: [compilerMaps],
  logLevel: 'warn',
  output: {
    dir: outDir,
    format: 'esm',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
});
