#!/usr/bin/env node
// Packs the two published packages, daraja-client and daraja-emulator, into tarballs: the same files
// `npm publish` would upload. Until the packages are on the registry, these tarballs are how a project
// outside this repository installs them (see README, "Installing").
//
//   node scripts/pack.mjs [folder]     (default: artifacts/)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The workspaces that are published, in the order they must be installed. */
export const PUBLISHED = ['client', 'emulator'];

/** Packs both packages into `folder` and returns the tarballs' paths by package name. */
export function packPackages(folder) {
  const destination = resolve(folder);
  mkdirSync(destination, { recursive: true });
  const args = ['pack', ...PUBLISHED.flatMap((w) => ['-w', w]), '--pack-destination', destination, '--json'];
  const out = execFileSync('npm', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // npm prints lifecycle output before the JSON report; the report is the last JSON array in the output.
  const report = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1));
  return Object.fromEntries(report.map((p) => [p.name, join(destination, p.filename)]));
}

/**
 * The tarballs of this run: those already packed into the folder named by DARAJA_PACKED_TARBALLS (the test
 * runner, scripts/run-tests.mjs, packs once for every step that needs them), else newly packed into `folder`.
 */
export function tarballsOfThisRun(folder) {
  const shared = process.env.DARAJA_PACKED_TARBALLS;
  if (!shared) return packPackages(folder);
  const tarballs = Object.fromEntries(
    PUBLISHED.map((w) => {
      const { name, version } = JSON.parse(readFileSync(join(root, w, 'package.json'), 'utf8'));
      return [name, join(shared, `${name}-${version}.tgz`)];
    }),
  );
  const missing = Object.values(tarballs).filter((t) => !existsSync(t));
  if (missing.length) throw new Error(`DARAJA_PACKED_TARBALLS has no ${missing.join(', ')}`);
  return tarballs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const tarballs = packPackages(process.argv[2] ?? join(root, 'artifacts'));
  for (const path of Object.values(tarballs)) console.log(path);
}
