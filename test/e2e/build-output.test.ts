import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks of the production builds themselves, before any browser loads them.

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.each(BUILDS)('%s', (dir) => {
  it('holds no Unicode noncharacter, which makes Chromium refuse the whole extension', () => {
    const offenders = filesUnder(dir)
      .filter((file) => /\.(js|html|css|json)$/.test(file))
      .filter((file) => /[\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps Dexie out of content scripts', () => {
    const scripts = filesUnder(join(dir, 'content-scripts'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(readFileSync(script, 'utf8')).not.toMatch(/indexedDB|Dexie/);
  });
});

describe('.output/chrome-mv3 manifest', () => {
  const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as {
    web_accessible_resources: { resources: string[]; use_dynamic_url?: boolean }[];
  };

  it('exposes only the panel page to web pages, and only at a per-session address (no fixed id to probe)', () => {
    expect(manifest.web_accessible_resources.flatMap((entry) => entry.resources)).toEqual(['panel.html']);
    for (const entry of manifest.web_accessible_resources) expect(entry.use_dynamic_url).toBe(true);
  });
});

// Each permission is explained in the README's Permissions section; a new one must be added there
// and here on purpose, never slip in with a dependency or a config change.
const EXPECTED_PERMISSIONS = {
  permissions: ['alarms', 'scripting', 'storage', 'unlimitedStorage'],
  optional_host_permissions: ['https://*/*'],
  host_permissions: [
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://*.pipedrive.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app.clickup.com/*',
    'https://app.hubspot.com/*',
  ],
};

type Manifest = Record<string, unknown> & {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
};
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe.each(BUILDS)('%s manifest', (dir) => {
  it('asks for exactly the permissions the README explains', () => {
    const asked = manifest(dir);
    const lists = Object.fromEntries(
      Object.keys(EXPECTED_PERMISSIONS).map((key) => [key, [...((asked[key] as string[] | undefined) ?? [])].sort()]),
    );
    expect(lists).toEqual(EXPECTED_PERMISSIONS);
  });

  it('has an icon file at every size the toolbar and the stores ask for', () => {
    const { icons = {}, action } = manifest(dir);
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48', '96']);
    expect(Object.keys(action?.default_icon ?? {}).sort()).toEqual(['16', '32']);
    for (const [size, file] of [...Object.entries(icons), ...Object.entries(action?.default_icon ?? {})]) {
      const png = readFileSync(join(dir, file));
      // A PNG's IHDR holds its width and height as big-endian integers at bytes 16 and 20.
      expect([file, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([file, Number(size), Number(size)]);
    }
  });
});
