import { describe, expect, it } from 'vitest';
import { parseCli } from './cli.js';
import { checkConfig } from './config-file.js';
import { checkHistoryCaps, parseHistoryOption } from './history-caps.js';

describe('history caps', () => {
  it('reads --history as kind=count pairs, repeated or comma-separated', () => {
    expect(parseHistoryOption(['transactions=20000,journal=1000', 'customers=50'])).toEqual({
      transactions: 20_000,
      journal: 1_000,
      customers: 50,
    });
    expect(parseCli(['--history', 'deliveries=7'], {}).history).toEqual({ deliveries: 7 });
    expect(parseCli([], {}).history).toEqual({});
  });

  it.each([
    ['unknown=5', 'unknown history "unknown"'],
    ['transactions=0', 'transactions must be a whole number of at least 1'],
    ['transactions=many', 'transactions must be a whole number of at least 1'],
    ['transactions', '--history takes <kind>=<count>'],
  ])('refuses --history %s with a message that says why', (text, message) => {
    expect(() => parseCli(['--history', text], {})).toThrow(message);
  });

  it('takes a config file’s history and names the file when it is wrong', () => {
    expect(checkConfig('{"history":{"messages":10}}', 'e.json', 'json').history).toEqual({ messages: 10 });
    expect(() => checkConfig('{"history":{"messages":-1}}', 'e.json', 'json')).toThrow(
      'Config file e.json: "history": messages must be a whole number of at least 1',
    );
    expect(() => checkHistoryCaps([], 'x')).toThrow('x must be an object of history caps');
  });
});
