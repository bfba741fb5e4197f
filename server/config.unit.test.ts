import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('loads the demo on the embedded database by default, never by default on a PostgreSQL server', () => {
    expect(loadConfig({}).DEMO).toBe('true');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/styrbord' }).DEMO).toBe('false');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', DEMO: 'true' }).DEMO).toBe('true');
    // Only a demo asked for stops the start when it cannot load (a database with real tenants).
    expect(loadConfig({}).demoExplicit).toBe(false);
    expect(loadConfig({ DEMO: 'true' }).demoExplicit).toBe(true);
  });
  it('trusts a number of proxy hops or a list of proxy addresses, never every forwarded address', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback']);
    for (const wrong of ['yes', '11', '10.0.0.0/33', 'proxy.example', '1.2.3.4/8/1'])
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
  });
  it('names a wrong variable in a message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
