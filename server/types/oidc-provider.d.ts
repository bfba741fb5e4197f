declare module 'oidc-provider' {
  // The package ships no types; the tests use only this much of it (a provider on a free port).
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host: string): import('node:http').Server;
    on(event: string, listener: (...args: unknown[]) => void): this;
    static Account: Account;
  }
}
