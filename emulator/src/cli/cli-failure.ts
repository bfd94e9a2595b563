import { CliError } from '../config/cli.js';
import { ConfigFileError } from '../config/config-file.js';
import { SettingsError } from '../config/validate-settings.js';
import { FaultRuleError } from '../faults/validate-rule.js';
import { StoreOpenError } from '../store/store.js';

/**
 * One line for a person about why the command could not start: the message of an error we raise on purpose,
 * a plain sentence for the system errors people cause (a busy port, a folder that cannot be written), and
 * "failed to start" with the message for anything else. Never a stack trace.
 */
export function describeFailure(error: unknown): string {
  const known =
    error instanceof CliError ||
    error instanceof ConfigFileError ||
    error instanceof StoreOpenError ||
    error instanceof SettingsError ||
    error instanceof FaultRuleError;
  if (known) return error.message;
  const { code, message, path } = (error ?? {}) as NodeJS.ErrnoException;
  switch (code) {
    case 'EADDRINUSE':
      return `The port is already in use: ${message}. Pick another with --port (0 picks a free one).`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOTDIR':
    case 'ENOENT':
      return path
        ? `Cannot write ${path} (${code}): choose a data file in a folder you can write, or --memory.`
        : `failed to start: ${message}`;
    default:
      return `failed to start: ${message ?? String(error)}`;
  }
}
