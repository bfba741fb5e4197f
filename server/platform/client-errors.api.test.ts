import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../test/helper.js';

// Answers the framework and Node give before any route runs are problem+json too (issue 13).

let env: TestEnv;
let port: number;
beforeAll(async () => {
  env = await testEnv();
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  port = (env.app.server.address() as { port: number }).port;
}, 120_000);
afterAll(() => env?.close());

/** Sends raw bytes to the listening server and returns what comes back. */
const raw = (request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });

describe('errors raised before a route runs', () => {
  it('a path part over the length limit is a 414 problem in the user’s language', async () => {
    const res = await env.app.inject({ url: `/api/units/${'a'.repeat(3000)}` });
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ title: 'Adressen är för lång', status: 414 });
    const en = await env.app.inject({
      url: `/api/units/${'a'.repeat(3000)}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json<{ detail: string }>().detail).toBe('The address is too long. Check the link.');
  });

  it('headers over Node’s limit are a 431, and a request Node cannot parse a 400, as problem+json', async () => {
    const big = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('application/problem+json');
    expect(big).toContain('Ta bort gamla kakor');
    const broken = await raw('GARBAGE\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(broken).toContain('"status":400');
  });
});
