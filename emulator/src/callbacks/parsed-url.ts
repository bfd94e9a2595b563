/**
 * Callback URLs parsed already (null: not a URL). Apps send every request of a run with the same few
 * URLs, and parsing one cost more than the checks made on it; the URLs are only read, never changed.
 */
const parsed = new Map<string, URL | null>();
const MAX_URLS = 1_000;

/** `new URL(text)`, or null where that throws; the same object for the same text. */
export function parsedUrl(text: string): URL | null {
  let url = parsed.get(text);
  if (url !== undefined) return url;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (parsed.size >= MAX_URLS) parsed.clear();
  parsed.set(text, url);
  return url;
}
