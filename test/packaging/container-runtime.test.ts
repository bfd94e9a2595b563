import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { repoRoot } from '../support/captures.js';
import { freePort, outsideFolder, packTarballs, sh, startUntil, type Started } from '../support/installed.js';

// Each test runs real commands (npm, tsc, node); on a loaded two-core machine they take their time.
vi.setConfig({ testTimeout: 180_000 });

/**
 * No container engine runs here, so this reproduces the image's runtime stage as the Dockerfile states it:
 * the same install script into an empty folder, the ENV, ENTRYPOINT and CMD of the final stage (with /app
 * and /data mapped to folders of this test), as an unprivileged user when the test runs as root, then the
 * HEALTHCHECK command and a browser's first request.
 */
const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const lines = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const finalStage = lines.slice(lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true));
const instruction = (name: string) => finalStage.find((l) => l.toUpperCase().startsWith(`${name} `)) ?? '';
const execForm = (text: string) => JSON.parse(text) as string[];
const TOKEN = 'ci-only-token';
/** The unprivileged `node` user of the official Node.js images. */
const NODE_UID = 1000;

let app: string;
let data: string;
let env: NodeJS.ProcessEnv;
let emulator: Started;
let url: string;

/** A path inside the image, mapped to this test's folders. */
const mapped = (value: string) => value.replace(/^\/app(?=\/|$)/, app).replace(/^\/data(?=\/|$)/, data);

beforeAll(async () => {
  const tarballs = packTarballs();
  const packages = join(tarballs['daraja-emulator'], '..');
  const root = outsideFolder('image');
  chmodSync(root, 0o755);
  app = join(root, 'app');
  data = join(root, 'data');
  mkdirSync(data);
  await sh('sh', [join(repoRoot, 'docker', 'install-runtime.sh'), packages, app], { cwd: root });
  const declared = Object.fromEntries(
    [
      ...instruction('ENV')
        .slice(4)
        .matchAll(/(\w+)=(\S+)/g),
    ].map((m) => [m[1], m[2]]),
  );
  // As `docker run -e DARAJA_EMULATOR_ADMIN_TOKEN=… -p …` would run it; the port is a free one here.
  env = {
    PATH: process.env.PATH,
    HOME: root,
    ...declared,
    PORT: String(await freePort()),
    DARAJA_EMULATOR_ADMIN_TOKEN: TOKEN,
  };
  const asNodeUser = process.getuid?.() === 0;
  if (asNodeUser) chownSync(data, NODE_UID, NODE_UID);
  const [file, ...args] = [
    ...execForm(instruction('ENTRYPOINT').slice(11)),
    ...execForm(instruction('CMD').slice(4)),
  ].map(mapped);
  emulator = await startUntil(file as string, args, /ready on (http:\/\/\S+) \(phone UI at (\S+),/, {
    cwd: app,
    env,
    ...(asNodeUser ? { uid: NODE_UID, gid: NODE_UID } : {}),
  });
  url = emulator.match[1] as string;
}, 300_000);

afterAll(async () => {
  await emulator?.stop();
});

it('the runtime stage installs the packed tarballs with the same script this test runs', () => {
  const run = finalStage.find((l) => /^RUN\s/i.test(l)) ?? '';
  expect(run).toMatch(/sh \/tmp\/install-runtime\.sh \/packages \/app/);
  expect(finalStage).toContain('COPY docker/install-runtime.sh /tmp/install-runtime.sh');
  expect(existsSync(join(app, 'node_modules', 'daraja-emulator', 'dist', 'ui', 'index.html'))).toBe(true);
  // Production dependencies only: the build tools of the repository are not in the image.
  expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);
  expect(existsSync(join(app, 'node_modules', 'vite'))).toBe(false);
});

it('runs as an unprivileged user and keeps its data in /data', () => {
  expect(instruction('USER')).toBe('USER node');
  expect(existsSync(join(data, 'data.json'))).toBe(true);
});

it('prints the phone UI address with the admin token, since the UI cannot work without it', () => {
  expect(emulator.match[2]).toBe(`${url}/?token=${TOKEN}`);
});

it('the HEALTHCHECK command exits 0 against the running emulator, and 1 with a wrong token', async () => {
  const check = execForm(instruction('HEALTHCHECK').replace(/^HEALTHCHECK\s.*?CMD\s+/, ''));
  expect(check[0]).toBe('node');
  await expect(sh(process.execPath, check.slice(1), { cwd: app, env })).resolves.toBeDefined();
  await expect(
    sh(process.execPath, check.slice(1), { cwd: app, env: { ...env, DARAJA_EMULATOR_ADMIN_TOKEN: 'wrong' } }),
  ).rejects.toMatchObject({ code: 1 });
});

it('serves the phone UI and its assets at /', async () => {
  const page = await fetch(`${url}/`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  expect((await fetch(`${url}/${script}`)).status).toBe(200);
});

it('exposes the port it listens on and declares the data volume', () => {
  expect(instruction('EXPOSE')).toMatch(/\b7379\b/);
  expect(instruction('VOLUME')).toContain('/data');
  expect(env.PORT).toMatch(/^\d+$/);
  expect(url).toBe(`http://127.0.0.1:${env.PORT}`);
});

it('sends into the build context everything the pack stage needs, and no build output', () => {
  const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/\./g, '\\.')
            .replace(/\*\*\//g, '(?:.*/)?')
            .replace(/\*/g, '[^/]*')}(?:/.*)?$`,
        ),
    );
  const needed = [
    'package.json',
    'package-lock.json',
    'tsconfig.base.json',
    'scripts/build.mjs',
    'scripts/bundle-cli.mjs',
    'scripts/pack.mjs',
    'docker/install-runtime.sh',
    ...['client', 'emulator', 'ui', 'contracts'].map((w) => `${w}/package.json`),
    'client/src/index.ts',
    'emulator/src/main.ts',
    'emulator/bin/daraja-emulator.js',
    'ui/index.html',
    'ui/src/main.tsx',
  ];
  for (const path of needed) {
    expect(existsSync(join(repoRoot, path)), path).toBe(true);
    expect(ignored.filter((re) => re.test(path)).map(String), path).toEqual([]);
  }
  for (const output of ['node_modules', 'emulator/dist', 'client/dist', 'ui/dist']) {
    expect(
      ignored.some((re) => re.test(output)),
      output,
    ).toBe(true);
  }
});
