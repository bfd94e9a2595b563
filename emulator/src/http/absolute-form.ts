import type { IncomingMessage } from 'node:http';

/**
 * Accepts absolute-form request targets (`POST https://sandbox.safaricom.co.ke/mpesa/... HTTP/1.1`), which
 * clients send when the emulator is their HTTP proxy (axios sends https URLs this way too), by routing on
 * the path as if the request had come straight to the emulator. The host in the target is not checked: the
 * client chose to send the request here. Runs before anything reads the URL, so the journal records the path.
 */
export function acceptAbsoluteForm(req: IncomingMessage): void {
  const url = req.url ?? '/';
  if (url.charCodeAt(0) === 47 || !/^https?:\/\//i.test(url)) return;
  try {
    const target = new URL(url);
    req.url = target.pathname + target.search;
  } catch {
    // Not a URL after all: leave it for the routes to answer 404.
  }
}
