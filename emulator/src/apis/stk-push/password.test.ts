import { describe, expect, it } from 'vitest';
import { explainPassword, stkPassword, timestampNotes } from './password.js';

const passkey = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';

describe('STK Password', () => {
  it('matches the documented test vector', () => {
    expect(stkPassword('174379', passkey, '20200113170305')).toBe(
      'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjAwMTEzMTcwMzA1',
    );
  });

  it('explains URL-safe base64', () => {
    const notes = explainPassword({
      password: 'ab-_cd',
      shortcode: '174379',
      passkey,
      timestamp: '20200113170305',
    });
    expect(notes.join(' ')).toMatch(/URL-safe base64/);
  });

  it('explains a timestamp read from the clock twice, one second apart', () => {
    const password = stkPassword('174379', passkey, '20200113170304');
    const notes = explainPassword({ password, shortcode: '174379', passkey, timestamp: '20200113170305' });
    expect(notes.join(' ')).toMatch(/clock was read twice/);
  });

  it('explains a passkey of the wrong length without revealing it', () => {
    const password = stkPassword('174379', 'short', '20200113170305');
    const notes = explainPassword({
      password,
      shortcode: '174379',
      passkey,
      timestamp: '20200113170305',
    }).join(' ');
    expect(notes).toMatch(/5 characters long; the passkey configured for shortcode 174379 has 64/);
    expect(notes).not.toContain(passkey.slice(0, 8));
  });

  it('notes a timestamp three hours behind East Africa Time', () => {
    const now = Date.UTC(2026, 0, 1, 9, 0, 0);
    expect(timestampNotes('20260101090000', now).join(' ')).toMatch(/looks like UTC/);
    expect(timestampNotes('20260101120000', now)).toEqual([]);
  });
});
