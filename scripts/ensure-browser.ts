// Makes sure Debian's Chromium is there for the browser tests: installs it with apt-get when
// running as root, else says what to install. Runs before `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function main(): number {
  if (existsSync(CHROMIUM)) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`browser tests: ${CHROMIUM} is missing; installing Debian's chromium package\n`);
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && existsSync(CHROMIUM)) return 0;
  }
  process.stderr.write(
    `browser tests need Chromium at ${CHROMIUM}: run \`sudo apt-get install chromium\` (or set CHROMIUM_PATH)\n`,
  );
  return 1;
}

process.exitCode = main();
