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
