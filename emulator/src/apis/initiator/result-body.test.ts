import { describe, expect, it } from 'vitest';
import { kv, resultCallback } from './result-body.js';

const base = {
  originatorConversationId: 'o',
  conversationId: 'AG_1',
  transactionId: 'UA10000000',
  references: [kv('QueueTimeoutURL', 'https://q')],
};

describe('resultCallback', () => {
  it('sends a one-element list as an object, and keeps longer lists as arrays', () => {
    const one = resultCallback({ ...base, result: { code: 0, desc: 'ok' }, parameters: [kv('A', 1)] }, true);
    expect(one.Result.ResultParameters?.ResultParameter).toEqual({ Key: 'A', Value: 1 });
    expect(one.Result.ReferenceData?.ReferenceItem).toEqual({ Key: 'QueueTimeoutURL', Value: 'https://q' });
    const two = resultCallback(
      { ...base, result: { code: 0, desc: 'ok' }, parameters: [kv('A', 1), kv('B', 2)] },
      true,
    );
    expect(two.Result.ResultParameters?.ResultParameter).toHaveLength(2);
  });

  it('keeps one-element lists as arrays when the artefact is switched off', () => {
    const body = resultCallback(
      { ...base, result: { code: 0, desc: 'ok' }, parameters: [kv('A', 1)] },
      false,
    );
    expect(body.Result.ResultParameters?.ResultParameter).toEqual([{ Key: 'A', Value: 1 }]);
    expect(body.Result.ReferenceData?.ReferenceItem).toEqual([
      { Key: 'QueueTimeoutURL', Value: 'https://q' },
    ]);
  });

  it('writes numeric codes as numbers and alphanumeric ones as strings, and omits empty parameters', () => {
    expect(resultCallback({ ...base, result: { code: '2001', desc: 'x' } }, true).Result.ResultCode).toBe(
      2001,
    );
    expect(resultCallback({ ...base, result: { code: 'R000002', desc: 'x' } }, true).Result.ResultCode).toBe(
      'R000002',
    );
    expect(
      resultCallback({ ...base, result: { code: 1, desc: 'x' }, parameters: [] }, true).Result,
    ).not.toHaveProperty('ResultParameters');
  });

  it('drops the Value of an empty or missing value, as Daraja does', () => {
    expect(kv('Occasion', '')).toEqual({ Key: 'Occasion' });
    expect(kv('CreditPartyCharges', undefined)).toEqual({ Key: 'CreditPartyCharges' });
    expect(kv('Charge', 0)).toEqual({ Key: 'Charge', Value: 0 });
  });
});
