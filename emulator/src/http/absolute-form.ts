import type { RequestHandler } from 'express';

/**
 * Accepts absolute-form request targets (`POST https://sandbox.safaricom.co.ke/mpesa/... HTTP/1.1`), which
 * clients send when the emulator is their HTTP proxy (axios sends https URLs this way too), by routing on
 * the path as if the request had come straight to the emulator. The host in the target is not checked: the
 * client chose to send the request here. Mounted first, so the journal records the path.
 */
export function absoluteForm(): RequestHandler {
  return (req, _res, next) => {
    if (/^https?:\/\//i.test(req.url)) {
      try {
        const target = new URL(req.url);
        req.url = target.pathname + target.search;
        // Express copied the target before this ran; the journal and error messages read it.
        req.originalUrl = req.url;
      } catch {
        // Not a URL after all: leave it for the router to answer 404.
      }
    }
    next();
  };
}
