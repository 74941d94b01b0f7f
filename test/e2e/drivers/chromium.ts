import type { Frame, Page } from 'playwright-core';
import { launch, type FixtureSite } from '../harness';
import type { E2EBrowser, E2EPage, Surface } from './driver';

/** Debian's Chromium through playwright-core, the same launch as the Chromium-only suites. */
export async function launchChromium(sites: FixtureSite[]): Promise<E2EBrowser> {
  const session = await launch(sites);
  return {
    name: 'chromium',
    newPage: async () => wrapPage(await session.context.newPage()),
    async openExtensionPage(path) {
      const page = wrapPage(await session.context.newPage());
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      return page;
    },
    close: () => session.dispose(),
  };
}

function surface(target: Page | Frame): Surface {
  return {
    evaluate: (fn, arg) => target.evaluate(fn as never, arg) as never,
    click: (selector) => target.locator(selector).first().click(),
  };
}

function wrapPage(page: Page): E2EPage {
  return {
    ...surface(page),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
    async box(selector) {
      const box = await page.locator(selector).first().boundingBox();
      if (!box) throw new Error(`${selector} is not on screen`);
      return box;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    type: (text) => page.keyboard.type(text, { delay: 10 }),
    press: (key) => page.keyboard.press(key),
    childFrames: () => page.frames().filter((frame) => frame !== page.mainFrame()).map(surface),
  };
}
