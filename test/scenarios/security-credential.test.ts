import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate, constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { ShortcodeDetailView } from 'daraja-client/emulator';
import { openStore } from '../../emulator/src/store/open-store.js';
import { generateSecurityKeys } from '../../emulator/src/security/security-keys.js';
import { buildSecurityCredential } from '../../client/src/security/security-credential.js';
import {
  INITIATOR_PASSWORD,
  b2cBody,
  balanceBody,
  credentialFor,
  paths,
  send,
  startInitiator,
} from '../support/initiator.js';
import { Emulator } from '../../emulator/src/internals.js';

const strict = { security: { credentialCheck: 'strict' as const } };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('The emulator certificate', () => {
  it('is served as PEM from the control API: an RSA-2048 X.509 certificate clients can encrypt with', async () => {
    const { emulator } = await startInitiator();
    const res = await request(emulator.app).get('/_emulator/security/certificate').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-pem-file/);
    const certificate = new X509Certificate(res.text);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.subject).toContain('CN=apicrypt.daraja-emulator.local');
  });

  it('uses keys given to createEmulator', async () => {
    const keys = generateSecurityKeys(Date.UTC(2026, 0, 1));
    const emulator = new Emulator({ clock: 'manual', securityKeys: keys, settings: strict });
    const res = await request(emulator.app).get('/_emulator/security/certificate').expect(200);
    expect(res.text).toBe(keys.certificatePem);
  });

  it('is created beside the data file when first needed, and kept across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-security-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    const first = new Emulator({ clock: 'manual', store: await openStore({ kind: 'file', path }) });
    // Not at start: RSA key generation would slow every start-up down.
    expect(existsSync(`${path}.certificate.pem`)).toBe(false);
    const pem = (await request(first.app).get('/_emulator/security/certificate').expect(200)).text;
    expect(readFileSync(`${path}.certificate.pem`, 'utf8')).toBe(pem);
    expect(statSync(`${path}.private-key.pem`).mode & 0o777).toBe(0o600);
    await first.close();
    const second = new Emulator({ clock: 'manual', store: await openStore({ kind: 'file', path }) });
    expect(second.security.certificatePem()).toBe(pem);
    await second.close();
  });

  it('refuses to start on a damaged key file beside the data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-security-'));
    dirs.push(dir);
    const path = join(dir, 'data.json');
    writeFileSync(`${path}.certificate.pem`, 'not a certificate');
    writeFileSync(`${path}.private-key.pem`, 'not a key');
    const store = await openStore({ kind: 'file', path });
    expect(() => new Emulator({ clock: 'manual', store })).toThrow(/not a PEM X.509 certificate/);
    await store.close();
  });

  it('reads PEM files named in the security settings, and refuses a key that does not match the certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daraja-security-'));
    dirs.push(dir);
    const keys = generateSecurityKeys(Date.UTC(2026, 0, 1));
    writeFileSync(join(dir, 'cert.pem'), keys.certificatePem);
    writeFileSync(join(dir, 'key.pem'), keys.privateKeyPem);
    const settings = {
      security: { certificatePath: join(dir, 'cert.pem'), privateKeyPath: join(dir, 'key.pem') },
    };
    expect(new Emulator({ clock: 'manual', settings }).security.certificatePem()).toBe(keys.certificatePem);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    writeFileSync(join(dir, 'key.pem'), other);
    expect(() => new Emulator({ clock: 'manual', settings })).toThrow(
      /does not belong to the security certificate/,
    );
  });
});

describe('SecurityCredential in strict mode', () => {
  it('accepts the initiator password encrypted with the emulator certificate by the client library', async () => {
    const { emulator, bearer, last } = await startInitiator(strict);
    const credential = buildSecurityCredential(emulator.security.certificatePem(), INITIATOR_PASSWORD);
    expect(credential).toHaveLength(344);
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ SecurityCredential: credential })).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
    expect(emulator.journal.list({ api: 'b2c' })[0]?.explanation.join(' ')).toContain('strict check');
  });

  it.each([
    { case: 'the wrong password', credential: 'password' as const },
    { case: "another key's ciphertext", credential: 'foreign' as const },
    { case: 'a credential of the wrong shape', credential: 'short' as const },
  ])('answers 2001 for $case', async ({ credential }) => {
    const { emulator, bearer, last } = await startInitiator(strict);
    const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const value =
      credential === 'password'
        ? credentialFor(emulator, 'Safaricom978!')
        : credential === 'foreign'
          ? publicEncrypt(
              { key: foreign, padding: constants.RSA_PKCS1_PADDING },
              Buffer.from(INITIATOR_PASSWORD),
            ).toString('base64')
          : 'c2hvcnQ=';
    await send(emulator.app, paths.b2cV3, bearer, b2cBody({ SecurityCredential: value })).expect(200);
    expect((await last()).Result).toMatchObject({
      ResultCode: 2001,
      ResultDesc: 'The initiator information is invalid.',
    });
  });

  it('locks the initiator after security.lockAfterFailures wrong credentials until the control API unlocks it', async () => {
    const { emulator, bearer, results } = await startInitiator({
      security: { credentialCheck: 'strict', lockAfterFailures: 2 },
    });
    const wrong = credentialFor(emulator, 'wrong');
    const right = credentialFor(emulator);
    const pay = (credential: string, id: string) =>
      send(
        emulator.app,
        paths.b2cV3,
        bearer,
        b2cBody({ SecurityCredential: credential, OriginatorConversationID: id }),
      ).expect(200);
    await pay(wrong, 'a');
    await pay(wrong, 'b');
    await pay(right, 'c');
    // Locking is per initiator and shortcode, and covers every initiator API.
    await send(
      emulator.app,
      paths.balance,
      bearer,
      balanceBody({ PartyA: '600997', SecurityCredential: right }),
    ).expect(200);
    expect((await results()).map((r) => r.Result.ResultCode)).toEqual([2001, 2001, 8006, 8006]);
    const locked = (await request(emulator.app).get('/_emulator/shortcodes/600997').expect(200))
      .body as ShortcodeDetailView;
    expect(locked.initiators).toEqual([{ name: 'testapi', failures: 2, locked: true }]);
    expect(JSON.stringify(locked)).not.toContain(INITIATOR_PASSWORD);
    const unlocked = await request(emulator.app)
      .post('/_emulator/shortcodes/600997/initiators/testapi/unlock')
      .expect(200);
    expect((unlocked.body as ShortcodeDetailView).initiators).toEqual([
      { name: 'testapi', failures: 0, locked: false },
    ]);
    await pay(right, 'd');
    expect((await results()).map((r) => r.Result.ResultCode)).toEqual([2001, 2001, 8006, 8006, 0]);
  });

  it('forgets earlier failures after a correct credential', async () => {
    const { emulator, bearer, results } = await startInitiator({
      security: { credentialCheck: 'strict', lockAfterFailures: 2 },
    });
    const wrong = credentialFor(emulator, 'wrong');
    for (const [id, credential] of [
      ['a', wrong],
      ['b', credentialFor(emulator)],
      ['c', wrong],
    ] as const) {
      await send(
        emulator.app,
        paths.b2cV3,
        bearer,
        b2cBody({ SecurityCredential: credential, OriginatorConversationID: id }),
      ).expect(200);
    }
    expect((await results()).map((r) => r.Result.ResultCode)).toEqual([2001, 0, 2001]);
    expect(emulator.ledger.org('600997')?.initiators[0]).toMatchObject({ failures: 1, locked: false });
  });

  it('answers 404 for unlocking an initiator or shortcode that does not exist', async () => {
    const { emulator } = await startInitiator();
    await request(emulator.app).post('/_emulator/shortcodes/600997/initiators/ghost/unlock').expect(404);
    await request(emulator.app).post('/_emulator/shortcodes/999999/initiators/testapi/unlock').expect(404);
  });
});

describe('SecurityCredential in lenient mode (the default)', () => {
  it('accepts any well-formed credential without decrypting it and says so in the journal', async () => {
    const { emulator, bearer, last } = await startInitiator();
    await send(
      emulator.app,
      paths.b2cV3,
      bearer,
      b2cBody({ SecurityCredential: Buffer.alloc(256, 1).toString('base64') }),
    ).expect(200);
    expect((await last()).Result.ResultCode).toBe(0);
    expect(emulator.journal.list({ api: 'b2c' })[0]?.explanation.join(' ')).toMatch(/not decrypted.*lenient/);
  });

  it('never counts failures towards a lock', async () => {
    const { emulator, bearer, results } = await startInitiator({ security: { lockAfterFailures: 1 } });
    for (const id of ['a', 'b']) {
      await send(
        emulator.app,
        paths.b2cV3,
        bearer,
        b2cBody({ SecurityCredential: 'bad', OriginatorConversationID: id }),
      ).expect(200);
    }
    expect((await results()).map((r) => r.Result.ResultCode)).toEqual([2001, 2001]);
    expect(emulator.ledger.org('600997')?.initiators[0]?.locked).toBe(false);
  });
});
