import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureCertificates } from './certificates.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'daraja-certs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const names = ['sandbox.safaricom.co.ke', 'localhost', '127.0.0.1', '::1'];

it('makes a CA and a server certificate it signed, covering every name and address', () => {
  const made = ensureCertificates(dir, names);
  expect(made.created).toBe(true);
  const ca = new X509Certificate(made.ca);
  const leaf = new X509Certificate(made.cert);
  expect(ca.ca).toBe(true);
  expect(leaf.ca).toBe(false);
  expect(leaf.verify(ca.publicKey)).toBe(true);
  expect(leaf.checkHost('sandbox.safaricom.co.ke')).toBe('sandbox.safaricom.co.ke');
  expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
  expect(leaf.checkIP('::1')).toBeDefined();
  expect(leaf.checkHost('api.safaricom.co.ke')).toBeUndefined();
});

it('keeps the private keys readable by the owner only', () => {
  ensureCertificates(dir, names);
  for (const file of ['ca-key.pem', 'key.pem']) expect(statSync(path.join(dir, file)).mode & 0o077).toBe(0);
});

it('reuses both certificates when they still fit', () => {
  const first = ensureCertificates(dir, names);
  const second = ensureCertificates(dir, names);
  expect(second.created).toBe(false);
  expect(second.cert).toBe(first.cert);
});

it('makes a new server certificate for a new name but keeps the CA a client already trusts', () => {
  const first = ensureCertificates(dir, names);
  const second = ensureCertificates(dir, [...names, 'daraja']);
  expect(second.created).toBe(true);
  expect(second.ca).toBe(first.ca);
  expect(second.cert).not.toBe(first.cert);
  expect(new X509Certificate(second.cert).checkHost('daraja')).toBe('daraja');
});
