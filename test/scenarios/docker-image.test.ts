import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Static checks of the Dockerfile against the real tree, since no Docker engine runs here: every COPY source
 * exists (build-stage outputs once `npm run build` has run), the entrypoint is built, and every package the
 * entrypoint loads is a production dependency, because the image installs nothing else.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const lines = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

interface Copy {
  stage: string;
  from?: string;
  sources: string[];
}

const copies: Copy[] = [];
let stage = '';
for (const line of lines) {
  const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
  if (from) stage = from[1] ?? 'final';
  const copy = /^COPY\s+(?:--from=(\S+)\s+)?(.+)$/i.exec(line);
  if (copy) {
    const parts = (copy[2] as string).split(/\s+/);
    copies.push({ stage, ...(copy[1] ? { from: copy[1] } : {}), sources: parts.slice(0, -1) });
  }
}
const instruction = (name: string) => lines.find((l) => l.toUpperCase().startsWith(`${name} `)) ?? '';
const jsonArgs = (name: string) => JSON.parse(instruction(name).slice(name.length + 1)) as string[];
/** A path inside a stage's /app is the same path in the repository after the build. */
const inRepo = (p: string) => path.join(root, p.replace(/^\/app\/?/, ''));

describe('Dockerfile', () => {
  it('copies from the build context only files that exist', () => {
    const context = copies.filter((c) => !c.from).flatMap((c) => c.sources);
    expect(context.length).toBeGreaterThan(0);
    for (const source of context) expect(existsSync(path.join(root, source)), source).toBe(true);
  });

  it('keeps out of the build context nothing that a COPY needs', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'))
      .map(
        (p) =>
          new RegExp(
            `^${p
              .replace(/\./g, '\\.')
              .replace(/\*\*\//g, '(?:.*/)?')
              .replace(/\*/g, '[^/]*')}(?:/.*)?$`,
          ),
      );
    const context = copies.filter((c) => !c.from).flatMap((c) => c.sources);
    for (const source of context)
      expect(ignored.filter((re) => re.test(source)).map(String), source).toEqual([]);
    expect(
      ignored.some((re) => re.test('node_modules')) && ignored.some((re) => re.test('emulator/dist')),
    ).toBe(true);
  });

  it('copies from the build and deps stages only paths that `npm run build` and `npm ci` produce', () => {
    const staged = copies.filter((c) => c.from);
    expect(staged.map((c) => c.from)).toEqual(expect.arrayContaining(['build', 'deps']));
    for (const source of staged.flatMap((c) => c.sources)) {
      expect(existsSync(inRepo(source)), `${source}: run npm run build first`).toBe(true);
    }
    expect(existsSync(path.join(root, 'ui', 'dist', 'index.html'))).toBe(true);
  });

  it('copies every workspace manifest before npm ci, which refuses a lockfile whose workspaces are missing', () => {
    const workspaces = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }
    ).workspaces;
    for (const stageName of ['build', 'deps']) {
      const manifests = copies.filter((c) => c.stage === stageName && !c.from).flatMap((c) => c.sources);
      for (const ws of workspaces) expect(manifests, `${stageName} stage`).toContain(`${ws}/package.json`);
    }
  });

  it('starts the built CLI with the data file on the /data volume, as a non-root user, with a health check', () => {
    const entry = jsonArgs('ENTRYPOINT');
    expect(entry[0]).toBe('node');
    expect(existsSync(inRepo(entry[1] as string))).toBe(true);
    expect(jsonArgs('CMD')).toEqual(['--data', '/data/data.json']);
    expect(instruction('VOLUME')).toContain('/data');
    expect(instruction('USER')).toBe('USER node');
    expect(instruction('HEALTHCHECK')).toContain('/_emulator/health');
    expect(instruction('HEALTHCHECK')).toContain('x-emulator-token');
    expect(instruction('EXPOSE')).toContain('7379');
  });

  it('needs no package at run time that the production install leaves out', () => {
    const declared = new Set<string>();
    for (const ws of ['emulator', 'client']) {
      const pkg = JSON.parse(readFileSync(path.join(root, ws, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
      };
      declared.add(pkg.name);
      for (const dep of Object.keys(pkg.dependencies ?? {})) declared.add(dep);
    }
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm,
      )) {
        const spec = (match[1] ?? match[2]) as string;
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else if (!spec.startsWith('node:') && !builtins.has(spec)) {
          const name = spec.startsWith('@')
            ? spec.split('/').slice(0, 2).join('/')
            : (spec.split('/')[0] as string);
          if (!declared.has(name)) missing.add(`${name} (from ${path.relative(root, file)})`);
        }
      }
    };
    visit(path.join(root, 'emulator', 'dist', 'main.js'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...missing]).toEqual([]);
  });
});
