import { resolve } from 'node:path';
import puppeteer, { type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { fixtureResponse, type FixtureSite } from '../harness';
import type { E2EBrowser, E2EPage, Surface } from './driver';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Debian's Firefox ESR over WebDriver BiDi, with the Firefox build installed as a temporary
 * add-on (no signing, no network). Fixture pages are served by request interception, tab by tab.
 */
export async function launchFirefox(sites: FixtureSite[]): Promise<E2EBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (request) => void serve(request, sites));
    return wrapPage(page);
  };
  return {
    name: 'firefox',
    newPage,
    async openExtensionPage(path) {
      // A tab cannot be sent to a moz-extension:// URL over BiDi: Baton's own panel opens it.
      throw new Error(`Firefox: open ${path} through Baton's UI`);
    },
    close: () => browser.close(),
  };
}

function serve(request: HTTPRequest, sites: FixtureSite[]): Promise<void> {
  const url = new URL(request.url());
  const site = sites.find((candidate) => globMatches(candidate.pattern, url.href));
  if (!site) return request.continue();
  const { status, contentType, body } = fixtureResponse(url, site);
  return request.respond({ status, contentType, body });
}

/** Playwright's URL globs as the fixture sites write them: `*` within a segment, `**` across. */
function globMatches(pattern: string, href: string): boolean {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`).test(href);
}

function surface(target: Page | Frame): Surface {
  return {
    evaluate: (fn, arg) => target.evaluate(fn as never, arg) as never,
    async click(selector) {
      const element = await target.waitForSelector(selector, { timeout: 10_000 });
      if (!element) throw new Error(`${selector} never appeared`);
      // Scrolled into view first: inside a frame, Firefox over BiDi clicks an element it had
      // to scroll for at the point where it was before the scroll.
      await element.evaluate((found) => found.scrollIntoView({ block: 'center' }));
      await element.click();
    },
  };
}

function wrapPage(page: Page): E2EPage {
  return {
    ...surface(page),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
    async box(selector) {
      const element = await page.waitForSelector(selector, { timeout: 10_000 });
      const box = await element?.boundingBox();
      if (!box) throw new Error(`${selector} is not on screen`);
      return box;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    type: (text) => page.keyboard.type(text, { delay: 10 }),
    press: (key) => page.keyboard.press(key as never),
    childFrames: () => page.frames().filter((frame) => frame !== page.mainFrame()).map(surface),
  };
}
