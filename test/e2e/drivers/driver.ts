// What the shared scenarios need of a browser, implemented once for Chromium (playwright-core)
// and once for Firefox (puppeteer-core over WebDriver BiDi). Only what both drive the same
// way: real mouse and keyboard input, and script evaluated in a page or an extension frame.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page or a frame: script runs in its own world (the host page's, or Baton's panel). */
export interface Surface {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Clicks the first element matching `selector` (waits for it), the way a user's mouse would. */
  click(selector: string): Promise<void>;
  /** Runs a script's source here the way the browser's own tools do: a page's CSP (Baton's pages forbid eval) does not apply. */
  inject(source: string): Promise<void>;
}

export type Theme = 'light' | 'dark';

export interface LaunchOptions {
  /** The system theme the browser reports to pages (prefers-color-scheme). */
  theme?: Theme;
}

export interface E2EPage extends Surface {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** Where the element is in the page's viewport, once it is there. */
  box(selector: string): Promise<Box>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  type(text: string): Promise<void>;
  /** A key by Playwright's names ('Tab', 'Space', 'ArrowRight'), or a chord ('Shift+Tab'). */
  press(key: string): Promise<void>;
  /** Every frame of the page but the top one (Baton's panel and dialog among them). */
  childFrames(): Surface[];
}

export interface E2EBrowser {
  name: 'chromium' | 'firefox';
  newPage(): Promise<E2EPage>;
  /** A page of Baton's own (options.html, handoffs.html, popup.html), however the browser lets a test reach it. */
  openExtensionPage(path: string): Promise<E2EPage>;
  close(): Promise<void>;
}
