import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Settings } from 'daraja-client/emulator';
import type { Store } from '../store/store.js';
import type { Clock } from '../time/clock.js';
import { decryptCredential } from './credential.js';
import {
  loadKeys,
  processSecurityKeys,
  generateSecurityKeys,
  SecurityKeyError,
  type LoadedKeys,
  type SecurityKeys,
} from './security-keys.js';

/** Where a file store keeps the generated pair: beside its data file. */
export function keyFilePaths(dataPath: string): { certificate: string; privateKey: string } {
  return { certificate: `${dataPath}.certificate.pem`, privateKey: `${dataPath}.private-key.pem` };
}

/**
 * The emulator's SecurityCredential key pair. Chosen, in order, from: keys given to createEmulator; PEM
 * files named in the `security` settings; the pair kept beside the data file (generated on first use);
 * for a memory store, one pair generated per process. Loaded lazily, so lenient emulators never pay for
 * RSA key generation.
 */
export class SecurityService {
  #loaded: { source: string; keys: LoadedKeys } | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: () => Settings['security'],
    private readonly given?: SecurityKeys,
  ) {}

  /** The keys in use; throws a SecurityKeyError naming the problem when configured files are unusable. */
  keys(): LoadedKeys {
    const source = this.#source();
    if (this.#loaded?.source === source) return this.#loaded.keys;
    const keys = loadKeys(this.#read(source));
    this.#loaded = { source, keys };
    return keys;
  }

  /**
   * Reads at start what is already on disk: configured key files (so a bad path stops the emulator with a
   * clear message) or a pair kept beside the data file (so damaged files are reported at once).
   */
  loadAtStart(): void {
    const { certificatePath, privateKeyPath } = this.settings();
    if (certificatePath || privateKeyPath) this.keys();
    else this.loadExisting();
  }

  /**
   * Loads a pair kept beside the data file, if there is one, so damaged files are reported at start. A
   * missing pair is generated on first use (certificate download or strict check), not at start: RSA key
   * generation would hold up start-up.
   */
  loadExisting(): void {
    const source = this.#source();
    if (!source.startsWith('data:')) return;
    const [certificate = '', privateKey = ''] = source.slice('data:'.length).split('\n');
    if (existsSync(certificate) || existsSync(privateKey)) this.keys();
  }

  certificatePem(): string {
    return this.keys().certificatePem;
  }

  /** Where the certificate file is, when the emulator keeps one on disk. */
  certificatePath(): string | undefined {
    return /^(?:file|data):([^\n]*)/.exec(this.#source())?.[1];
  }

  /** The initiator password inside a SecurityCredential, or undefined when it does not decrypt. */
  decrypt(credential: string): string | undefined {
    return decryptCredential(credential, this.keys().privateKey);
  }

  #source(): string {
    if (this.given) return 'given';
    const { certificatePath, privateKeyPath } = this.settings();
    if (certificatePath || privateKeyPath) {
      if (!certificatePath || !privateKeyPath) {
        throw new SecurityKeyError(
          'Set both security.certificatePath and security.privateKeyPath, or neither.',
        );
      }
      return `file:${certificatePath}\n${privateKeyPath}`;
    }
    if (this.store.kind === 'file') {
      const paths = keyFilePaths(this.store.location);
      return `data:${paths.certificate}\n${paths.privateKey}`;
    }
    return 'process';
  }

  #read(source: string): SecurityKeys {
    if (source === 'given' && this.given) return this.given;
    if (source === 'process') return processSecurityKeys(this.clock.now());
    const [certificate = '', privateKey = ''] = source.slice(source.indexOf(':') + 1).split('\n');
    if (source.startsWith('data:') && !existsSync(certificate) && !existsSync(privateKey)) {
      const fresh = generateSecurityKeys(this.clock.now());
      write(certificate, privateKey, fresh);
      return fresh;
    }
    try {
      return {
        certificatePem: readFileSync(certificate, 'utf8'),
        privateKeyPem: readFileSync(privateKey, 'utf8'),
      };
    } catch (error) {
      throw new SecurityKeyError(
        `Cannot read the security key files ${certificate} and ${privateKey}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      );
    }
  }
}

function write(certificate: string, privateKey: string, keys: SecurityKeys): void {
  writeFileSync(privateKey, keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(certificate, keys.certificatePem);
}
