import { spawn } from 'node:child_process';
import type { VariantValues } from 'daraja-client/emulator';

/**
 * One thing the runner does to the user's app: an HTTP request from a template such as
 * `POST http://127.0.0.1:3000/checkout {"amount":{Amount},"orderId":"{AccountReference}"}`, or a shell
 * command. `{Name}` is replaced by the run's value; commands also get every value as `DARAJA_<NAME>` in
 * their environment.
 */
export type AppAction = { kind: 'http'; template: string } | { kind: 'command'; command: string };

/** What the action produced: the HTTP answer or the command's output. */
export interface ActionOutcome {
  ok: boolean;
  /** HTTP status, or the command's exit code. */
  status: number | undefined;
  /** Response body or standard output. */
  output: string;
  /** In a line, for the report. */
  line: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `{Name}` → value; an unknown name is left as it is, so a typo shows up in the report. */
export function substitute(
  template: string,
  values: VariantValues,
  encode: (v: string) => string = (v) => v,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encode(value);
  });
}

/** Splits `METHOD URL [BODY]` (METHOD optional: GET without a body, POST with one). */
export function parseHttpTemplate(template: string): { method: string; url: string; body?: string } {
  const parts = template.trim().match(/^(?:([A-Z]+)\s+)?(\S+)(?:\s+([\s\S]+))?$/);
  if (!parts || (parts[1] && !METHODS.includes(parts[1]))) {
    throw new Error(
      `Not an HTTP template: ${JSON.stringify(template)}; write "POST http://host/path {json body}".`,
    );
  }
  const body = parts[3]?.trim();
  return { method: parts[1] ?? (body ? 'POST' : 'GET'), url: parts[2] ?? '', ...(body ? { body } : {}) };
}

/** Runs the action; never throws: failures, timeouts and refused connections come back as `ok: false`. */
export async function runAction(
  action: AppAction,
  values: VariantValues,
  timeoutMs: number,
): Promise<ActionOutcome> {
  return action.kind === 'http'
    ? runHttp(action.template, values, timeoutMs)
    : runCommand(action.command, values, timeoutMs);
}

async function runHttp(template: string, values: VariantValues, timeoutMs: number): Promise<ActionOutcome> {
  let request: { method: string; url: string; body?: string };
  try {
    const parsed = parseHttpTemplate(template);
    request = {
      method: parsed.method,
      url: substitute(parsed.url, values, encodeURIComponent),
      ...(parsed.body
        ? { body: substitute(parsed.body, values, (v) => JSON.stringify(v).slice(1, -1)) }
        : {}),
    };
  } catch (error) {
    return { ok: false, status: undefined, output: '', line: (error as Error).message };
  }
  const what = `${request.method} ${request.url}`;
  try {
    const res = await fetch(request.url, {
      method: request.method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(request.body ? { body: request.body, headers: { 'Content-Type': 'application/json' } } : {}),
    });
    const output = await res.text();
    return { ok: res.ok, status: res.status, output, line: `${what} → ${res.status} ${clip(output)}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, status: undefined, output: '', line: `${what} failed: ${why}` };
  }
}

function runCommand(command: string, values: VariantValues, timeoutMs: number): Promise<ActionOutcome> {
  const line = substitute(command, values);
  const env = { ...process.env };
  for (const [k, v] of Object.entries(values))
    env[`DARAJA_${k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`] = v;
  return new Promise((resolve) => {
    // Its own process group, so a timeout also ends whatever the command started.
    const child = spawn(line, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({
        ok: false,
        status: undefined,
        output: out,
        line: `\`${line}\` could not run: ${error.message}`,
      });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = clip((err || out).trim());
      resolve({
        ok: !timedOut && code === 0,
        status: code ?? undefined,
        output: out,
        line: timedOut
          ? `\`${line}\` did not finish within ${timeoutMs} ms`
          : `\`${line}\` exited ${code}${text ? `: ${text}` : ''}`,
      });
    });
  });
}

export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
