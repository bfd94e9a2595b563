#!/usr/bin/env node
// Builds everything the packages ship: the client (ES modules and CommonJS), the emulator (its per-file output
// for the library entry points and a bundle of the CLI for the bin), and the phone UI, which is copied into the
// emulator package so that the installed package serves it.
//
//   node scripts/build.mjs             build every part
//   node scripts/build.mjs --if-stale  build only the parts whose sources changed since their last build
//
// `--if-stale` is what `npm start`, `npm ci` (prepare) and the bin in a clone use: with nothing changed it
// costs a walk over the source folders' modification times, not a compiler run.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'emulator', 'dist', '.build-stamp.json');

/** The parts in build order: what each reads, what must exist after it, and how it is built. */
/** What the compiler reads; the CLI bundle is made from its output, so it reads the same. */
const typescriptInputs = [
  'client/src',
  'emulator/src',
  'tsconfig.base.json',
  'tsconfig.json',
  'client/tsconfig.json',
  'client/tsconfig.cjs.json',
  'emulator/tsconfig.json',
  'client/package.json',
  'emulator/package.json',
  'package-lock.json',
];

const parts = [
  {
    name: 'typescript',
    inputs: typescriptInputs,
    outputs: ['emulator/dist/main.js', 'client/dist/index.js', 'client/dist/cjs/index.js'],
    build: () => {
      run(process.execPath, [tsc(), '-b']);
      // TypeScript 7 no longer resolves modules as CommonJS did (Node10), which this copy needs: TypeScript 5.
      run(process.execPath, [tsc5(), '-p', 'client/tsconfig.cjs.json']);
      // The compiler never deletes: output of a source that was moved or removed would be shipped and run.
      removeOrphans('emulator/dist', 'emulator/src', ['ui', 'bundle']);
      removeOrphans('client/dist', 'client/src', ['cjs']);
      removeOrphans('client/dist/cjs', 'client/src', []);
      // The CommonJS copy sits inside a package whose files are ES modules; this marks it as CommonJS.
      writeFileSync(join(root, 'client/dist/cjs/package.json'), '{ "type": "commonjs" }\n');
    },
  },
  {
    // The code the `daraja-emulator` command runs: the compiled CLI in a few files (scripts/bundle-cli.mjs).
    name: 'CLI bundle',
    inputs: [...typescriptInputs, 'scripts/bundle-cli.mjs'],
    outputs: ['emulator/dist/bundle/main.js'],
    build: () => run(process.execPath, [join(root, 'scripts', 'bundle-cli.mjs')]),
  },
  {
    name: 'phone UI',
    inputs: [
      'ui/src',
      'ui/index.html',
      'ui/vite.config.ts',
      'ui/tsconfig.json',
      'ui/package.json',
      'client/src',
    ],
    outputs: ['emulator/dist/ui/index.html'],
    build: () => {
      run('npm', ['run', 'build', '-w', 'ui', '--silent']);
      const target = join(root, 'emulator/dist/ui');
      rmSync(target, { recursive: true, force: true });
      cpSync(join(root, 'ui/dist'), target, { recursive: true });
    },
  },
];

/** TypeScript 7, the native compiler (see scripts/tsc.mjs for why it is not the package named `typescript`). */
function tsc() {
  return join(root, 'node_modules', 'typescript7', 'bin', 'tsc');
}

function tsc5() {
  return join(root, 'node_modules', 'typescript', 'bin', 'tsc');
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new BuildError(`${[command, ...args].join(' ')} exited with status ${result.status}`);
  }
}

class BuildError extends Error {}

const OUTPUT = /\.(?:d\.ts|js)(?:\.map)?$/;

/**
 * Deletes compiled files under `dist` whose source under `src` no longer exists. `keep` names top-level
 * folders of `dist` that are not compiler output.
 */
function removeOrphans(dist, src, keep) {
  const walk = (relative) => {
    const folder = join(root, dist, relative);
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(relative === '' && keep.includes(entry.name))) walk(path);
      } else if (OUTPUT.test(entry.name)) {
        const base = join(root, src, path.replace(OUTPUT, ''));
        if (!existsSync(`${base}.ts`) && !existsSync(`${base}.tsx`)) rmSync(join(root, dist, path));
      }
    }
  };
  walk('');
}

/** The newest modification time under a file or folder (0 when it does not exist). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function readStamps() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return {};
  }
}

/** `newest` of each input, walked once per build although several parts read the same sources. */
function newestOnce(seen, input) {
  let time = seen.get(input);
  if (time === undefined) seen.set(input, (time = newest(join(root, input))));
  return time;
}

function isStale(part, stamps, seen) {
  const builtAt = stamps[part.name];
  if (typeof builtAt !== 'number') return true;
  if (!part.outputs.every((output) => existsSync(join(root, output)))) return true;
  return part.inputs.some((input) => newestOnce(seen, input) > builtAt);
}

/**
 * Builds the parts that need it. With `ifStale`, a part is skipped when every input is older than the start
 * of its last successful build and its outputs exist. Progress goes to stderr, so that stdout stays the
 * emulator's (its ready line may be read by a program).
 */
export function build({ ifStale = false, quiet = false } = {}) {
  const stamps = readStamps();
  const seen = new Map();
  let built = 0;
  for (const part of parts) {
    if (ifStale && !isStale(part, stamps, seen)) continue;
    if (!quiet) process.stderr.write(`daraja-emulator: building the ${part.name}…\n`);
    // A build script, not a service: file modification times are wall-clock times, so is this.
    // eslint-disable-next-line no-restricted-syntax
    const startedAt = Date.now();
    part.build();
    stamps[part.name] = startedAt;
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify(stamps) + '\n');
    built++;
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    build({ ifStale: process.argv.includes('--if-stale') });
  } catch (error) {
    process.stderr.write(
      `daraja-emulator: build failed: ${error instanceof BuildError ? error.message : error}\n`,
    );
    process.exit(1);
  }
}
