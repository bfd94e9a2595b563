import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { Emulator } from '../emulator.js';

const ORIGIN = 'http://dashboard.example';

describe('CORS of the control API', () => {
  const emulator = new Emulator({ clock: 'manual', store: 'memory', seed: 1, corsOrigins: [ORIGIN] });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])(
    'lets a configured origin send %s (the control API uses every one of them)',
    async (method) => {
      const res = await request(emulator.app)
        .options('/_emulator/faults')
        .set('Origin', ORIGIN)
        .set('Access-Control-Request-Method', method)
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      const allowed = String(res.headers['access-control-allow-methods']).split(/,\s*/);
      expect(allowed).toContain(method);
    },
  );

  it('answers a cross-origin PUT of the rules and a DELETE of one with the CORS headers', async () => {
    const put = await request(emulator.app)
      .put('/_emulator/faults')
      .set('Origin', ORIGIN)
      .send([{ id: 'x', effect: { type: 'hang' } }])
      .expect(200);
    expect(put.headers['access-control-allow-origin']).toBe(ORIGIN);
    const del = await request(emulator.app).delete('/_emulator/faults/x').set('Origin', ORIGIN).expect(204);
    expect(del.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('sends nothing to an origin that is not configured', async () => {
    const res = await request(emulator.app)
      .options('/_emulator/faults')
      .set('Origin', 'http://evil.example')
      .set('Access-Control-Request-Method', 'PUT');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });
});
