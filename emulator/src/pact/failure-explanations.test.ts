import { describe, expect, it } from 'vitest';
import type { JournalEntry } from 'daraja-client/emulator';
import { explainFailures, explanationLines } from './failure-explanations.js';
import type { PactFile } from './pact-files.js';

const PUSH = '/mpesa/stkpush/v1/processrequest';

function entry(
  path: string,
  status: number,
  requestBody: unknown,
  responseBody: unknown,
  why: string[] = [],
) {
  return {
    id: `r-${path}-${status}`,
    at: 0,
    method: 'POST',
    path,
    status,
    requestBody,
    responseBody,
    explanation: why,
    durationMs: 1,
  } satisfies JournalEntry;
}

const pact: PactFile = {
  path: 'shop.json',
  consumer: 'shop',
  provider: 'mpesa',
  interactions: [
    {
      description: 'push A',
      kind: 'http',
      states: [],
      request: { method: 'POST', path: PUSH, body: { Amount: 1 } },
    },
    {
      description: 'push B',
      kind: 'http',
      states: [],
      request: { method: 'POST', path: PUSH, body: { Amount: 2 } },
    },
    { description: 'a callback', kind: 'message', states: [] },
  ],
};

describe('explainFailures', () => {
  it('takes the run whose replayed request has the pact body, past requests its states made', () => {
    const journals = [
      [entry(PUSH, 200, { Amount: 1 }, { ResponseCode: '0' })],
      [
        entry('/mpesa/c2b/v2/registerurl', 200, {}, {}),
        entry(
          `${PUSH}/`,
          400,
          { Amount: 2 },
          { errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid Amount' },
          ['Amount 2 is too small.'],
        ),
      ],
    ];
    expect(explainFailures(['push B'], [pact], journals)).toEqual([
      {
        description: 'push B',
        status: 400,
        errorCode: '400.002.02',
        errorMessage: 'Bad Request - Invalid Amount',
        explanation: ['Amount 2 is too small.'],
      },
    ]);
  });

  it('says when no run received the request, and leaves message interactions out', () => {
    const failures = explainFailures(['push A', 'a callback'], [pact], []);
    expect(failures).toEqual([{ description: 'push A', explanation: [] }]);
    expect(explanationLines(failures)).toEqual([
      'Why "push A" failed: the emulator has no record of its request.',
    ]);
  });
});
