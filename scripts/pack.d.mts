/** The workspaces that are published, in the order they must be installed. */
export const PUBLISHED: string[];
/** Packs both packages into `folder` and returns the tarballs' paths by package name. */
export function packPackages(folder: string): Record<'daraja-client' | 'daraja-emulator', string>;
