import { browser } from 'wxt/browser';

/** How often an orphaned script (extension reloaded or removed) notices it is one. */
const ORPHAN_CHECK_MS = 1000;

/**
 * How long a content script keeps working: until the extension is reloaded, updated, turned
 * off or removed (its runtime id is gone: the script is orphaned), or a newer copy of the
 * script took over (it is superseded). Not WXT's ContentScriptContext: that one also ends
 * when the page dispatches a "content-script-started" event naming our extension id (which
 * is public), so any script on the host page could switch the stage guard off in one line.
 * Everything a content script starts (listeners, observers, timers) is tied to this.
 *
 * The stage guard outlives orphaning: for the ~400 ms between an update and the new
 * script's arrival (and for as long as the extension is off) nothing else would judge a
 * move, so an orphaned script keeps blocking on the last checklist it knew, until a newer
 * script has taken over.
 */
export class Lifetime {
  readonly #ending = new AbortController();
  readonly #handedOver = new AbortController();
  /** Aborted once orphaned or superseded: all work that needs the extension stops. */
  readonly signal = this.#ending.signal;
  /** Aborted only once superseded: the stage guard's listeners. */
  readonly guardSignal = this.#handedOver.signal;
  readonly #token = Symbol('baton');
  readonly #slot: string;
  readonly #mark: string;
  readonly #startedAt = performance.now();

  /**
   * `name` says which script this is ("record", "boards"). A newer copy of the same script
   * takes over. Copies of one version share an isolated world, where the newest holds the
   * slot. After an update or a switch off and on, the new copy runs in a new world, which
   * the orphan cannot see: it leaves its start time on <html>, the one place both worlds
   * share. Only an orphan reads that mark, so the page, which could forge it, can never
   * switch off a live guard this way; at most end an orphan's watch a little early.
   */
  constructor(name: string) {
    this.#slot = `batonLifetime:${name}`;
    this.#mark = `data-baton-${name}`;
    (globalThis as Record<string, unknown>)[this.#slot] = this.#token;
    document.documentElement?.setAttribute(this.#mark, String(this.#startedAt));
    const check = setInterval(() => {
      if (this.isSuperseded) {
        clearInterval(check);
        this.#handedOver.abort();
        this.#ending.abort();
      } else if (this.isInvalid) {
        this.#ending.abort();
      }
    }, ORPHAN_CHECK_MS);
  }

  get isInvalid(): boolean {
    return this.signal.aborted || !browser.runtime?.id || this.isSuperseded;
  }

  /** The extension is gone from this script (updated, turned off, removed), its guard not yet replaced. */
  get isOrphaned(): boolean {
    return !browser.runtime?.id && !this.isSuperseded;
  }

  /** A newer copy of this script runs in the page and guards it. */
  get isSuperseded(): boolean {
    if (this.guardSignal.aborted || (globalThis as Record<string, unknown>)[this.#slot] !== this.#token) return true;
    if (browser.runtime?.id) return false;
    return Number(document.documentElement?.getAttribute(this.#mark)) > this.#startedAt;
  }

  /** Runs once the script is orphaned or superseded; returns a function that cancels it. */
  onInvalidated(callback: () => void): () => void {
    const listener = () => callback();
    this.signal.addEventListener('abort', listener, { once: true });
    return () => this.signal.removeEventListener('abort', listener);
  }

  /**
   * Removes extension listeners (message handlers, storage watches) once this lifetime ends.
   * Orphaned (the extension reloaded or removed), the APIs are gone from this script and our
   * listeners with them: removing them then would throw into the host page's console.
   */
  removeOnEnd(...stops: (() => void)[]): void {
    this.onInvalidated(() => {
      if (browser.runtime?.id) for (const stop of stops) stop();
    });
  }

  /** Runs once a newer script has taken over. */
  onSuperseded(callback: () => void): void {
    this.guardSignal.addEventListener('abort', () => callback(), { once: true });
  }

  /** A listener that stays while the script is orphaned, removed once it is superseded: the guard's. */
  addGuardListener<K extends keyof WindowEventMap>(target: Window, type: K, handler: (event: WindowEventMap[K]) => void, capture: boolean): void {
    target.addEventListener(type, handler as EventListener, { capture, signal: this.guardSignal });
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
