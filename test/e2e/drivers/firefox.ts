import { resolve } from 'node:path';
import puppeteer, { type Frame, type HTTPRequest, type KeyInput, type Page } from 'puppeteer-core';
import { fixtureResponse, type FixtureSite } from '../harness';
import type { E2EBrowser, E2EPage, LaunchOptions, Surface } from './driver';
import { panelOf, until } from './scenario-helpers';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Debian's Firefox ESR over WebDriver BiDi, with the Firefox build installed as a temporary
 * add-on (no signing, no network). Fixture pages are served by request interception, tab by tab.
 */
/** A record page whose panel opens Baton's other pages (the launch must serve HubSpot). */
const OPENER_RECORD = 'https://app.hubspot.com/contacts/4455/record/0-3/70001';

export async function launchFirefox(sites: FixtureSite[], { theme = 'light' }: LaunchOptions = {}): Promise<E2EBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // BiDi has no media emulation Puppeteer drives in Firefox: the theme is the browser's own
    // setting, for web pages (content-override: 0 dark, 1 light) and extension pages alike.
    extraPrefsFirefox: { 'ui.systemUsesDarkTheme': theme === 'dark' ? 1 : 0, 'layout.css.prefers-color-scheme.content-override': theme === 'dark' ? 0 : 1 },
  });
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
      // A tab cannot be sent to a moz-extension:// URL over BiDi, and a panel framed into a
      // host tab gets no tabs API in Firefox: the panel's frame itself goes to the page (same
      // origin), and the page is checked there, in a frame of a host tab.
      const host = await browser.newPage();
      await host.setViewport({ width: 1400, height: 900 });
      await host.setRequestInterception(true);
      host.on('request', (request) => void serve(request, sites));
      const tab = wrapPage(host);
      await tab.goto(OPENER_RECORD);
      const panel = await panelOf(tab);
      await panel.evaluate((url) => location.assign(`/${url}`), path);
      // Asked from inside: Firefox reports an extension frame's URL as about:blank.
      const shown = async () => {
        for (const frame of tab.childFrames()) {
          const here = await frame.evaluate((url) => location.pathname.endsWith(`/${url}`) && document.readyState === 'complete', path).catch(() => false);
          if (here) return frame;
        }
        return undefined;
      };
      const frame = await until(shown, (found) => found !== undefined, `${path} in the panel's frame`);
      return { ...tab, ...frame! };
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
    inject: async (source) => void (await target.evaluate(source)),
  };
}

/** Playwright's key names, chords included ('Shift+Tab'): Puppeteer presses one key, so modifiers are held around it. */
async function pressCombo(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  // Puppeteer names the space bar by its character.
  const named = keys.pop()!;
  const key = named === ('Space' as KeyInput) ? ' ' : named;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
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
    press: (key) => pressCombo(page, key),
    childFrames: () => page.frames().filter((frame) => frame !== page.mainFrame()).map(surface),
  };
}
