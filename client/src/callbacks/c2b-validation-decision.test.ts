import { describe, expect, it } from 'vitest';
import { acceptC2B, rejectC2B, validationReply } from './c2b-validation-decision.js';

describe('validationReply', () => {
  it('accepts with the string code "0" when there is no decision', () => {
    expect(validationReply(undefined)).toEqual({ ResultCode: '0', ResultDesc: 'Accepted' });
  });

  it('echoes a ThirdPartyTransID on acceptance', () => {
    expect(validationReply(acceptC2B('order-42'))).toEqual({
      ResultCode: '0',
      ResultDesc: 'Accepted',
      ThirdPartyTransID: 'order-42',
    });
  });

  it('rejects with the chosen Daraja code', () => {
    expect(validationReply(rejectC2B('C2B00013'))).toEqual({
      ResultCode: 'C2B00013',
      ResultDesc: 'Rejected',
    });
  });

  it('rejects with C2B00016 "Other Error" by default', () => {
    expect(validationReply(rejectC2B())).toEqual({ ResultCode: 'C2B00016', ResultDesc: 'Rejected' });
  });

  it('refuses a code Daraja does not define', () => {
    expect(() => rejectC2B('C2B99999' as never)).toThrow(TypeError);
  });
});
