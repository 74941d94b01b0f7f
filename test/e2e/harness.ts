import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Route, type Worker } from 'playwright-core';

// End-to-end tests load the production build into Debian's Chromium and serve fixture pages
// at the real host URLs, so match patterns and adapters are tested exactly as shipped.

// BATON_EXTENSION_DIR: another build (say, an older commit's) measured against today's fixtures.
export const EXTENSION_DIR = resolve(process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
const FIXTURES = resolve('test/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One host app's fixture site: which page answers which URL. */
export interface FixtureSite {
  /** Route pattern, e.g. 'https://app.hubspot.com/**'. */
  pattern: string;
  /** The fixture HTML file (relative to test/fixtures) for a page URL; undefined gives a 404. */
  pageFor(url: URL): string | undefined;
}

export const HUBSPOT: FixtureSite = {
  pattern: 'https://app*.hubspot.com/**',
  pageFor(url) {
    const view = /^\/contacts\/\d+\/objects\/0-3\/views\/[^/]+\/(board|list)/.exec(url.pathname)?.[1];
    if (view) return `boards/hubspot/${view}.html`;
    return /^\/contacts\/\d+\//.test(url.pathname) ? 'hubspot/deal-record.html' : 'blank.html';
  },
};

export const SALESFORCE: FixtureSite = {
  pattern: 'https://*.lightning.force.com/**',
  pageFor(url) {
    if (url.pathname.startsWith('/lightning/o/Opportunity/list')) return 'boards/salesforce/kanban.html';
    return url.pathname.startsWith('/lightning/r/') ? 'salesforce/opportunity-record.html' : 'blank.html';
  },
};

export const PIPEDRIVE: FixtureSite = {
  pattern: 'https://*.pipedrive.com/**',
  pageFor(url) {
    if (url.pathname.startsWith('/pipeline/')) return 'boards/pipedrive/board.html';
    if (url.pathname.startsWith('/deals/list')) return 'boards/pipedrive/list.html';
    return /^\/deal\//.test(url.pathname) ? 'pipedrive/deal.html' : 'blank.html';
  },
};

export const CLICKUP: FixtureSite = {
  pattern: 'https://app.clickup.com/**',
  pageFor(url) {
    const view = /^\/\d+\/v\/([bl])\//.exec(url.pathname)?.[1];
    if (view) return `boards/clickup/${view === 'b' ? 'board' : 'list'}.html`;
    return /^\/t\//.test(url.pathname) ? 'clickup/task.html' : 'blank.html';
  },
};

export interface Session {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** Closes the browser; the profile stays until dispose() so a restart can reuse it. */
  close(): Promise<void>;
  dispose(): Promise<void>;
}

/** Chromium with the production build loaded, serving the given fixture sites. */
export async function launch(
  sites: FixtureSite[],
  userDataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-')),
  { headed = false, extension = true } = {},
): Promise<Session> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: !headed,
    viewport: { width: 1400, height: 900 },
    // Playwright's default arguments turn ThirdPartyStoragePartitioning off (playwright#32230).
    // Shipped Chromium has it on, and only with it on may an extension frame in a host page
    // (our panel) open IndexedDB at all: with it off, the frame is refused storage. So none
    // of Playwright's defaults: the browser runs with exactly these switches.
    ignoreDefaultArgs: true,
    args: [
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      '--headless=new',
      ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      'about:blank',
    ],
  });
  for (const site of sites) await context.route(site.pattern, (route) => serve(route, site));
  const worker = extension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : undefined;
  const extensionId = worker ? new URL(worker.url()).host : '';
  return {
    context,
    extensionId,
    userDataDir,
    close: () => context.close(),
    async dispose() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function serve(route: Route, site: FixtureSite): Promise<void> {
  const { status, contentType, body } = fixtureResponse(new URL(route.request().url()), site);
  return route.fulfill({ status, contentType, body });
}

/** What a fixture site answers for a URL: a page, one of its scripts or styles, or a 404. Any browser's interception serves it. */
export function fixtureResponse(url: URL, site: FixtureSite): { status: number; contentType: string; body: Buffer | string } {
  const asset = /^\/__fixture\/((?:\.build\/)?[\w-]+\/[\w.-]+\.(js|css))$/.exec(url.pathname);
  if (asset) {
    const contentType = asset[2] === 'css' ? 'text/css' : 'text/javascript';
    return { status: 200, contentType, body: readFileSync(join(FIXTURES, asset[1]!)) };
  }
  const page = site.pageFor(url);
  if (!page) return { status: 404, contentType: 'text/plain', body: 'not found' };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, page)) };
}

/** The extension's newest service worker, woken if it was stopped. */
export async function serviceWorker(session: Session): Promise<Worker> {
  const running = session.context.serviceWorkers().filter((worker) => worker.url().includes(session.extensionId));
  return running.at(-1) ?? session.context.waitForEvent('serviceworker');
}

/**
 * Reloads the extension the way a developer or an update does (chrome://extensions, Reload).
 * chrome.runtime.reload() is no substitute here: Chromium does not bring a command-line
 * unpacked extension back after it.
 */
export async function reloadExtension(session: Session): Promise<void> {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions');
  await page.locator('#devMode').click();
  const restarted = session.context.waitForEvent('serviceworker');
  await page.locator('#dev-reload-button').click();
  await restarted;
  await page.close();
}

/** MV3 stops an idle worker after 30 s; this does it at once (CDP), as Chromium would. */
export async function stopServiceWorker(session: Session, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The panel iframe of a host page (an extension page, reached as a frame). */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // A frame the dock just replaced (put back after the page moved it, or an updated
    // extension's script took over) may still be listed: wait for the newest live one.
    const frame = page.frames().findLast((candidate) => candidate.url().includes('/panel.html') && !candidate.isDetached());
    if (frame) {
      const shown = await frame.waitForSelector('.panel', { timeout: Math.max(1, deadline - Date.now()) }).catch((error: Error) => {
        if (!frame.isDetached() || Date.now() > deadline) throw error;
      });
      if (shown !== undefined) return frame;
    }
    if (Date.now() > deadline) throw new Error('The Baton panel never appeared');
    await page.waitForTimeout(50);
  }
}

/**
 * Whether the dock's panel frame is on screen. The frame sits in a closed shadow root that
 * locators (and page scripts) cannot enter: it is reached as a frame, then its element.
 */
export async function panelShown(page: Page): Promise<boolean> {
  const panels = page.frames().filter((candidate) => candidate.url().includes('/panel.html'));
  const shown = await Promise.all(panels.map(async (frame) => (await frame.frameElement().catch(() => null))?.isVisible() ?? false));
  return shown.includes(true);
}

/** Every stored handoff row (values, title, link), read straight from IndexedDB in the worker. */
export async function storedRows(session: Session): Promise<({ recordId: string; values: Record<string, string> } & Record<string, unknown>)[]> {
  const worker = await serviceWorker(session);
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('baton');
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = await new Promise<{ recordId: string; values: Record<string, string> }[]>((done, fail) => {
      const request = db.transaction('handoffs').objectStore('handoffs').getAll();
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    db.close();
    return rows;
  });
}

/** Everything Baton stored for one record. */
export async function storedValues(session: Session, recordId: string): Promise<Record<string, string>> {
  return Object.assign({}, ...(await storedRows(session)).filter((row) => row.recordId === recordId).map((row) => row.values));
}
