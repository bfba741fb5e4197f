// What `npm test` needs from the machine besides npm packages: Debian's Chromium (browser tests)
// and the PostgreSQL server binaries (the API suite on a real server). Missing ones are installed
// with apt-get when we are root (as CI is), else the run stops at once with the one command that
// installs them, so the README's two commands stay the whole set-up.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const postgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

export function ensureSystemDeps() {
  const missing = [...(chromium() ? [] : ['chromium']), ...(postgres() ? [] : ['postgresql'])];
  if (missing.length === 0) return true;
  const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    process.stderr.write(
      `\nnpm test needs ${missing.join(' and ')}, which this machine lacks. Install with:\n  ${command}\n`,
    );
    return false;
  }
  process.stdout.write(`\n── installing ${missing.join(', ')} (apt-get)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
    { stdio: ['ignore', 'ignore', 'inherit'], env },
  );
  if (update.status !== 0 || install.status !== 0 || !chromium() || !postgres()) {
    process.stderr.write(`\nCould not install ${missing.join(', ')}. Try:\n  ${command}\n`);
    return false;
  }
  return true;
}
