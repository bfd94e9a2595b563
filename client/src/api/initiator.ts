import { DarajaValidationError } from '../errors/daraja-validation-error.js';
import { buildSecurityCredential } from '../security/security-credential.js';

export interface InitiatorSettings {
  initiatorName?: string | undefined;
  initiatorPassword?: string | undefined;
  certificate?: string | undefined;
  securityCredential?: string | undefined;
}

/** The API operator of the initiator APIs; builds the SecurityCredential once, on first use. */
export class Initiator {
  readonly #settings: InitiatorSettings;
  #credential: string | undefined;

  /** Keeps the settings; nothing is encrypted until an initiator API is called. */
  constructor(settings: InitiatorSettings) {
    this.#settings = settings;
  }

  /** The operator's username (`InitiatorName` / `Initiator`). */
  name(): string {
    const name = this.#settings.initiatorName;
    if (typeof name !== 'string' || name.trim() === '') {
      throw new DarajaValidationError('initiatorName', 'is required in the client config for this API');
    }
    return name;
  }

  /** The SecurityCredential: the configured one, or the password encrypted with the certificate. */
  securityCredential(): string {
    if (this.#credential !== undefined) return this.#credential;
    const { securityCredential, initiatorPassword, certificate } = this.#settings;
    if (typeof securityCredential === 'string' && securityCredential !== '') {
      this.#credential = securityCredential;
    } else if (
      typeof initiatorPassword === 'string' &&
      initiatorPassword !== '' &&
      typeof certificate === 'string'
    ) {
      // Encrypted once and reused: Daraja accepts any valid encryption, and RSA is the slow part.
      this.#credential = buildSecurityCredential(certificate, initiatorPassword);
    } else {
      throw new DarajaValidationError(
        'securityCredential',
        'is required for this API: set securityCredential, or initiatorPassword and certificate, in the client config',
      );
    }
    return this.#credential;
  }
}
