// Installs Debian's Chromium and Firefox ESR when missing: the README's commands must work on a
// fresh machine. Never downloads a browser of its own (no network but npm and Debian here).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BROWSERS = [
  { path: CHROMIUM, pkg: 'chromium' },
  { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

const missing = BROWSERS.filter((browser) => !existsSync(browser.path)).map((browser) => browser.pkg);
if (missing.length > 0) {
  console.log(`Installing Debian's ${missing.join(' and ')}...`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update && ${sudo}apt-get install -y ${missing.join(' ')}`, { stdio: 'inherit' });
}
