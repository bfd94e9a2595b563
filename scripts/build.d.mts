/** Builds the parts whose sources changed (ifStale) or every part; returns how many parts were built. */
export function build(options?: { ifStale?: boolean; quiet?: boolean }): number;
