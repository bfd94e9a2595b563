import type { HttpPoster, PostResult } from 'daraja-emulator';

export interface Captured {
  url: string;
  body: unknown;
  timeoutMs: number;
}

/** A callback target in memory: records every delivery and answers as told. */
export function capturingPoster(
  answer: (url: string) => Omit<PostResult, 'durationMs'> = () => ({ status: 200, body: '{}' }),
) {
  const received: Captured[] = [];
  const poster: HttpPoster = async (url, body, timeoutMs) => {
    received.push({ url, body: JSON.parse(body) as unknown, timeoutMs });
    return { ...answer(url), durationMs: 1 };
  };
  return { poster, received };
}
