import type { Frame, Page } from 'playwright-core';
import { launch, type FixtureSite } from '../harness';
import type { E2EBrowser, E2EPage, LaunchOptions, Surface } from './driver';

/** Debian's Chromium through playwright-core, the same launch as the Chromium-only suites. */
export async function launchChromium(sites: FixtureSite[], { theme = 'light' }: LaunchOptions = {}): Promise<E2EBrowser> {
  const session = await launch(sites);
  const newPage = async () => {
    const page = await session.context.newPage();
    // Playwright emulates the media feature page by page (CDP Emulation.setEmulatedMedia).
    await page.emulateMedia({ colorScheme: theme });
    return wrapPage(page);
  };
  return {
    name: 'chromium',
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
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
    inject: async (source) => void (await target.evaluate(source)),
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
