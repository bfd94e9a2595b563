/** The workspaces that are published, in the order they must be installed. */
export const PUBLISHED: string[];
/** Packs both packages into `folder` and returns the tarballs' paths by package name. */
export function packPackages(folder: string): Record<'daraja-client' | 'daraja-emulator', string>;
/**
 * The tarballs packed once for this run (the folder named by DARAJA_PACKED_TARBALLS), else newly packed into
 * `folder`.
 */
export function tarballsOfThisRun(folder: string): Record<'daraja-client' | 'daraja-emulator', string>;
