import type { HostAdapter } from '../../lib/hosts/adapter';
import type { ComposerResult } from '../../lib/message-schemas';

// Tools a person asks for now and then (Insert brief, Draft from notes, Copy page outline) are not part of the record script
// every host page evaluates at load: the worker injects them into the tab's content-script
// world when asked (entrypoints/page-tools.ts), and the record script calls them there. Both
// run in Baton's isolated world, which the host page cannot see or write.

export interface PageTools {
  pageOutline(adapter: HostAdapter, doc: Document, url: URL): string;
  recordNotesText(root: ParentNode, selector: string): string[];
  insertIntoComposer(doc: Document, adapter: Pick<HostAdapter, 'composer' | 'notes'>, text: string): Promise<ComposerResult>;
}

const KEY = 'batonPageTools';

export function providePageTools(tools: PageTools): void {
  (globalThis as Record<string, unknown>)[KEY] = tools;
}

/** The tools, once the worker has injected them into this frame. */
export function pageTools(): PageTools | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as PageTools | undefined;
}
