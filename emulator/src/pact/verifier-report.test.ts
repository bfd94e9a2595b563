import { describe, expect, it } from 'vitest';
import { readVerifierReport } from './verifier-report.js';

describe('readVerifierReport', () => {
  it('lists each mismatch with its interaction and path', () => {
    const raw = JSON.stringify({
      result: false,
      interactionResults: [
        { description: 'a token request', result: 'OK' },
        { description: 'a push', result: 'Error' },
      ],
      errors: [
        {
          interaction: 'a push',
          mismatch: {
            type: 'mismatches',
            mismatches: [
              { path: '$.ResponseCode', mismatch: "Expected '0' to be equal to '00'", type: 'BodyMismatch' },
              { mismatch: 'expected 201 but was 200', type: 'StatusMismatch' },
            ],
          },
        },
        { interaction: 'a query', mismatch: { type: 'error', message: 'connection refused' } },
      ],
    });
    expect(readVerifierReport(raw)).toEqual({
      ok: false,
      interactions: [
        { description: 'a token request', ok: true },
        { description: 'a push', ok: false },
      ],
      problems: [
        "a push: $.ResponseCode Expected '0' to be equal to '00'",
        'a push: expected 201 but was 200',
        'a query: connection refused',
      ],
    });
  });

  it.each(['Verification was unable to run', '{"unexpected":true}'])(
    'reports a verifier that did not produce a report (%s) as a failure',
    (raw) => {
      const report = readVerifierReport(raw);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toContain('The Pact verifier failed');
    },
  );
});
