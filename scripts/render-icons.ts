import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './ensure-browsers.mjs';

// Renders assets/icon.svg into public/icon/<size>.png, where WXT finds the toolbar and store
// icons. Run once after editing the SVG (`npm run icons`) and commit the PNGs: the build itself
// then needs no browser. Sizes: toolbar 16/32, Chrome Web Store 128, AMO 48/96/128.
const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync('assets/icon.svg', 'utf8');

const browser = await chromium.launch({ executablePath: CHROMIUM });
try {
  mkdirSync('public/icon', { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
