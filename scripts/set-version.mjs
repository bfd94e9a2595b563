#!/usr/bin/env node
// Keeps the workspaces' versions in step: the published packages (daraja-client, daraja-emulator) always
// carry the same version, and the emulator depends on the client of that version.
//
//   node scripts/set-version.mjs 0.2.0          set every workspace to 0.2.0 and update the lockfile
//   node scripts/set-version.mjs --check 0.2.0  exit 1 unless every workspace is at 0.2.0 (release check)
//   node scripts/set-version.mjs --check        exit 1 unless the workspaces agree with each other
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACES = ['client', 'emulator', 'ui', 'contracts'];
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

const read = (ws) => JSON.parse(readFileSync(join(root, ws, 'package.json'), 'utf8'));
const write = (ws, pkg) => writeFileSync(join(root, ws, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

/** Every place a version is written, as [where, what it says]. */
function versions() {
  const found = WORKSPACES.map((ws) => [`${ws}/package.json version`, read(ws).version]);
  const range = read('emulator').dependencies['daraja-client'];
  found.push(['emulator/package.json dependency on daraja-client', range.replace(/^\^/, '')]);
  return found;
}

const args = process.argv.slice(2);
if (args[0] === '--check') {
  const wanted = args[1] ?? read('client').version;
  const wrong = versions().filter(([, v]) => v !== wanted);
  for (const [where, v] of wrong) console.error(`${where} is ${v}, not ${wanted}`);
  process.exit(wrong.length === 0 ? 0 : 1);
}

const version = args[0];
if (!version || !SEMVER.test(version)) {
  console.error('Usage: node scripts/set-version.mjs <version>   (e.g. 0.2.0)');
  process.exit(2);
}
for (const ws of WORKSPACES) {
  const pkg = read(ws);
  pkg.version = version;
  if (pkg.dependencies?.['daraja-client']) pkg.dependencies['daraja-client'] = `^${version}`;
  write(ws, pkg);
}
execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`every workspace is now at ${version}`);
