import { networkInterfaces } from 'node:os';

/**
 * The addresses a person can open the app on: localhost, and each of the machine's IPv4
 * addresses when the server listens on all of them (an intranet server is reached by its address).
 */
export function listeningUrls(host: string, port: number): string[] {
  const urls = [`http://localhost:${port}`];
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}`];
  for (const addrs of Object.values(networkInterfaces()))
    for (const a of addrs ?? [])
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}`);
  return urls;
}
