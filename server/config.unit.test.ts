import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('loads the demo on the embedded database by default, never by default on a PostgreSQL server', () => {
    expect(loadConfig({}).DEMO).toBe('true');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/styrbord' }).DEMO).toBe('false');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', DEMO: 'true' }).DEMO).toBe('true');
  });
  it('names a wrong variable in a message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
