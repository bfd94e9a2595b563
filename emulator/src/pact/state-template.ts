/** Values a provider state carries: Pact v3 params, or values written into the state's description. */
export type StateParams = Record<string, unknown>;

/**
 * A provider-state description with `{placeholders}`, e.g. `customer {msisdn} has balance {amount}`.
 * A pact's state matches it either word for word (the values then come from the state's params) or with
 * the values written in place of the placeholders (`customer 254711000222 has balance 1500`).
 */
export class StateTemplate {
  readonly text: string;
  readonly names: readonly string[];
  readonly #pattern: RegExp;

  constructor(text: string) {
    this.text = text;
    const names: string[] = [];
    const parts = text.split(/(\{[A-Za-z][A-Za-z0-9]*\})/);
    const source = parts
      .map((part, i) => {
        const name = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(part)?.[1];
        if (name === undefined) return escapeRegExp(part);
        names.push(name);
        // Values may be quoted ("…" or '…'); unquoted values stop at whitespace, except at the very end,
        // where they take the rest (`… in its Working Account`).
        const last = i === parts.length - 2 && parts[i + 1] === '';
        return `(?:"([^"]*)"|'([^']*)'|(${last ? '.+' : '\\S+'}))`;
      })
      .join('');
    this.names = names;
    this.#pattern = new RegExp(`^${source}$`, 'i');
  }

  /** The values for this template if `description` is an instance of it, else undefined. */
  match(description: string, params: StateParams = {}): StateParams | undefined {
    const wanted = normalise(description);
    if (wanted.toLowerCase() === this.text.toLowerCase()) return { ...params };
    const found = this.#pattern.exec(wanted);
    if (!found) return undefined;
    const inline: StateParams = {};
    this.names.forEach((name, i) => {
      const base = 1 + i * 3;
      const value = found[base] ?? found[base + 1] ?? found[base + 2];
      // A placeholder left as written (`{msisdn}`) takes its value from the params.
      if (value !== undefined && value !== `{${name}}`) inline[name] = value;
    });
    return { ...inline, ...params };
  }
}

function normalise(description: string): string {
  return description.trim().replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
