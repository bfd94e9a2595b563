import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const main = path.join(repoRoot, 'emulator', 'dist', 'main.js');

interface Ready {
  url: string;
  tls: { url: string; port: number; caPath: string; preloadPath: string };
}

/** Starts the built CLI and collects its output until the instructions are printed. */
function startCli(args: string[]): Promise<{ child: ChildProcess; ready: Ready; output: () => string }> {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('HTTPS_PROXY='))
        resolve({ child, ready: JSON.parse(line) as Ready, output: () => out });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${out}`)));
  });
}

describe('daraja-emulator --tls', () => {
  let dir: string;
  let cli: Awaited<ReturnType<typeof startCli>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'daraja-cli-tls-'));
    cli = await startCli([
      '--memory',
      '--port',
      '0',
      '--tls',
      '--tls-port',
      '0',
      '--tls-dir',
      dir,
      '--ready-json',
    ]);
  });
  afterAll(() => {
    cli?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the CA, certificate and preload modules in --tls-dir', () => {
    for (const file of ['ca.pem', 'ca-key.pem', 'cert.pem', 'key.pem', 'preload.mjs', 'preload.cjs']) {
      expect(existsSync(path.join(dir, file))).toBe(true);
    }
    expect(cli.ready.tls.caPath).toBe(path.join(dir, 'ca.pem'));
    expect(readFileSync(path.join(dir, 'preload.mjs'), 'utf8')).toContain(
      `"httpsPort":${cli.ready.tls.port}`,
    );
  });

  it('prints the NODE_EXTRA_CA_CERTS line, the hosts-file line, the preload commands and the proxy line', () => {
    const text = cli.output();
    expect(text).toContain(`export NODE_EXTRA_CA_CERTS=${path.join(dir, 'ca.pem')}`);
    expect(text).toContain(
      "echo '127.0.0.1 sandbox.safaricom.co.ke api.safaricom.co.ke' | sudo tee -a /etc/hosts",
    );
    expect(text).toContain(`node --import ${path.join(dir, 'preload.mjs')} app.js`);
    expect(text).toContain(`node -r ${path.join(dir, 'preload.cjs')} app.js`);
    expect(text).toContain(`export HTTPS_PROXY=${cli.ready.url}`);
  });

  it('serves Daraja over HTTPS for the name sandbox.safaricom.co.ke', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(
          {
            host: '127.0.0.1',
            port: cli.ready.tls.port,
            servername: 'sandbox.safaricom.co.ke',
            path: '/oauth/v1/generate?grant_type=client_credentials',
            ca: readFileSync(cli.ready.tls.caPath),
            headers: {
              Host: 'sandbox.safaricom.co.ke',
              Authorization: `Basic ${Buffer.from('a:b').toString('base64')}`,
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(200);
  });
});
