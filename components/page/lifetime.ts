import { browser } from 'wxt/browser';

/** How often an orphaned script (extension reloaded or removed) notices it is one. */
const ORPHAN_CHECK_MS = 1000;

/**
 * How long a content script keeps working: until the extension is reloaded, updated or
 * removed (its runtime id is gone, or a newer copy of the script took over). Not WXT's ContentScriptContext: that one also ends
 * when the page dispatches a "content-script-started" event naming our extension id (which
 * is public), so any script on the host page could switch the stage guard off in one line.
 * Everything a content script starts (listeners, observers, timers) is tied to this.
 */
export class Lifetime {
  readonly #ending = new AbortController();
  readonly signal = this.#ending.signal;
  readonly #token = Symbol('baton');
  readonly #slot: string;

  /**
   * `name` says which script this is ("record", "boards"). A newer copy of the same script
   * (injected after an update) takes over: it runs in the same isolated world, where the
   * old copy's runtime comes back to life, so the old one learns it is superseded from a
   * global of that world, which the host page cannot reach.
   */
  constructor(name: string) {
    this.#slot = `batonLifetime:${name}`;
    (globalThis as Record<string, unknown>)[this.#slot] = this.#token;
    const check = setInterval(() => {
      if (!this.isInvalid) return;
      clearInterval(check);
      this.#ending.abort();
    }, ORPHAN_CHECK_MS);
  }

  get isInvalid(): boolean {
    return this.signal.aborted || !browser.runtime?.id || (globalThis as Record<string, unknown>)[this.#slot] !== this.#token;
  }

  /** Runs once the script is orphaned; returns a function that cancels it. */
  onInvalidated(callback: () => void): () => void {
    const listener = () => callback();
    this.signal.addEventListener('abort', listener, { once: true });
    return () => this.signal.removeEventListener('abort', listener);
  }

  /** A listener removed when this lifetime ends, or when `options.signal` aborts. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window | Document,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options: AddEventListenerOptions = {},
  ): void {
    const signal = options.signal ? AbortSignal.any([this.signal, options.signal]) : this.signal;
    target.addEventListener(type, handler as EventListener, { ...options, signal });
  }

  setTimeout(handler: () => void, delay: number): number {
    return window.setTimeout(() => this.isInvalid || handler(), delay);
  }

  requestIdleCallback(handler: () => void, options?: IdleRequestOptions): number {
    return window.requestIdleCallback(() => this.isInvalid || handler(), options);
  }

  /**
   * Calls back with the new URL of every navigation, SPA ones included (pushState, Back). The
   * Navigation API announces it before location.href changes; where the browser has none
   * (Firefox before 147), the URL is polled.
   */
  watchLocation(onChange: (url: URL) => void): void {
    let last = location.href;
    const changed = (url: URL) => {
      if (url.href === last || this.isInvalid) return;
      last = url.href;
      onChange(url);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) {
      navigation.addEventListener('navigate', (event) => changed(new URL((event as Event & { destination: { url: string } }).destination.url)), { signal: this.signal });
      return;
    }
    const poll = setInterval(() => (this.isInvalid ? clearInterval(poll) : changed(new URL(location.href))), ORPHAN_CHECK_MS);
  }
}
