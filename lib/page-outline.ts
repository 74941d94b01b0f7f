import type { HostAdapter } from './hosts/adapter';

// "Copy page outline": the shape of a host page a rep can send us when Baton does not know its
// markup, without a word of client data. Only tag names, roles, class names, the test hooks apps
// leave for their own tests (data-test*, data-selenium*, data-rbd*) and the path shape of links
// reach it, each value masked where it could carry a name or an id; never text, input values,
// other attributes' values or query strings. Walks whatever it is given (a Document in the
// content script, happy-dom in tests): no browser API of its own.

/** The part of a DOM element the outline reads. */
export interface OutlineElement {
  localName: string;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  readonly children: ArrayLike<OutlineElement>;
  readonly shadowRoot?: { readonly children: ArrayLike<OutlineElement> } | null;
}

export const OUTLINE_LIMITS = { maxLines: 4000, maxDepth: 60, maxChars: 400_000 };

/** Attributes whose (masked) values are shown. */
const SHOWN_VALUES = /^(role|data-test.*|data-selenium.*|data-rbd-.*|data-rfd-.*)$/;
/** Attributes shown by name only, where a name is a plain identifier: which hooks exist. */
const SHOWN_NAMES = /^(data|aria)-[a-z][a-z-]*$/;
/** Nothing inside these helps to tell the page's structure. */
const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head']);

/** A word as code writes it (kebab or snake case, lowercase): kept. Anything else may be a name. */
const CODE_WORD = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
/** Record ids: long runs of letters and digits (Salesforce ids in class names, ClickUp task ids). */
const ID_LIKE = /^(?=.*\d)[A-Za-z0-9]{7,}$/;

/** Numbers of three digits or more may be ids or counts; short ones are part of names (cui5, h1, cell-0-2). */
const maskDigits = (word: string) => word.replace(/\d{3,}/g, '0');

/** A class name: ids become {id}, long numbers 0; hashed class names stay (they carry no data). */
export function maskClass(token: string): string {
  if (ID_LIKE.test(token)) return '{id}';
  return /^[\w-]+$/.test(token) ? maskDigits(token) : '{text}';
}

/** A data-test value such as `board-task__name-link__Onboard Acme`: code words stay, the rest is {text}. */
export function maskHookValue(value: string): string {
  return value
    .split('__')
    .map((part) => {
      if (part === '') return part;
      if (/^\d+$/.test(part) || ID_LIKE.test(part)) return '{id}';
      return CODE_WORD.test(part) ? part.split('-').map((word) => (ID_LIKE.test(word) ? '{id}' : maskDigits(word))).join('-') : '{text}';
    })
    .join('__');
}

/** A link's path shape: code words stay, numbers and ids are masked; no host, query or fragment. */
export function maskHref(href: string, pageOrigin: string): string {
  let url: URL;
  try {
    url = new URL(href, pageOrigin);
  } catch {
    return '{unreadable}';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol}…`;
  const path = url.pathname
    .split('/')
    .map((segment) => (segment === '' ? '' : /^\d+(-\d+)*$/.test(segment) ? '{n}' : CODE_WORD.test(segment) && !/\d/.test(segment) ? segment : '{id}'))
    .join('/');
  return (url.origin === pageOrigin ? '' : '{other-site}') + path;
}

function describe(element: OutlineElement, pageOrigin: string): string {
  const tag = element.localName;
  const parts = [tag];
  const names = element.getAttributeNames();
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  if (classes.length > 0) parts[0] += classes.map((token) => `.${maskClass(token)}`).join('');
  for (const name of names) {
    if (name === 'role') parts.push(`[role=${maskHookValue(element.getAttribute(name) ?? '')}]`);
    else if (SHOWN_VALUES.test(name)) parts.push(`[${name}="${maskHookValue(element.getAttribute(name) ?? '')}"]`);
    else if (name === 'href' && tag === 'a') parts.push(`[href=${maskHref(element.getAttribute(name) ?? '', pageOrigin)}]`);
    else if (SHOWN_NAMES.test(name)) parts.push(`[${name}]`);
  }
  return parts.join(' ');
}

/** Indented lines, one an element; identical siblings in a row (list rows, cards) are counted, not repeated. */
export function outlineLines(root: OutlineElement, pageOrigin: string, limits = OUTLINE_LIMITS): string[] {
  let described = 0;
  let truncated = false;
  const walk = (element: OutlineElement, depth: number): string[] => {
    described += 1;
    const own = [`${'  '.repeat(depth)}${describe(element, pageOrigin)}`];
    if (OPAQUE.has(element.localName) || element.localName.startsWith('baton-')) return own;
    if (depth >= limits.maxDepth) return [...own, `${'  '.repeat(depth + 1)}…`];
    const children = [...Array.from(element.shadowRoot?.children ?? []), ...Array.from(element.children)];
    let previous = '';
    let repeats = 0;
    const flush = () => {
      if (repeats > 0) own.push(`${'  '.repeat(depth + 1)}(× ${repeats} more like the above)`);
      repeats = 0;
    };
    for (const child of children) {
      if (child.localName.startsWith('baton-')) continue;
      if (described >= limits.maxLines) {
        truncated = true;
        break;
      }
      const sub = walk(child, depth + 1);
      const key = sub.join('\n');
      if (key === previous) {
        repeats += 1;
        continue;
      }
      flush();
      previous = key;
      own.push(...sub);
    }
    flush();
    return own;
  };
  const lines = walk(root, 0);
  const kept: string[] = [];
  let chars = 0;
  for (const line of lines.slice(0, limits.maxLines)) {
    chars += line.length + 1;
    if (chars > limits.maxChars) break;
    kept.push(line);
  }
  if (truncated || kept.length < lines.length) kept.push(`… outline cut at ${kept.length} lines`);
  return kept;
}

const said = (found: boolean) => (found ? 'found' : 'NOT FOUND');

/** What the adapter found on this page and what it missed: yes/no and counts, never a value. */
export function adapterFindings(adapter: HostAdapter, doc: Document, url: URL): string[] {
  const origin = url.origin;
  const findings = [`app: ${adapter.host}`, `page: ${maskHref(url.href, origin)}`];
  const isRecord = adapter.isRecordUrl(url);
  findings.push(`record page: ${isRecord ? 'yes' : 'no'}`);
  if (isRecord) {
    const control = adapter.stageControl(doc);
    findings.push(
      `record id: ${said(adapter.recordFromPage(url, doc) !== undefined)}`,
      `record title: ${said(adapter.recordTitle(doc) !== undefined)}`,
      `stage control: ${control ? `found: ${describe(control, origin)}` : 'NOT FOUND'}`,
      `note composer: ${said(adapter.composer.editor.some((selector) => doc.querySelector(selector) !== null))}`,
      `note composer opener: ${said(adapter.composer.open?.some((selector) => doc.querySelector(selector) !== null) ?? false)}`,
      `notes: ${doc.querySelectorAll(adapter.notes).length}`,
    );
  }
  const listing = adapter.listing;
  if (listing?.isListingUrl(url)) {
    const items = [...doc.querySelectorAll(listing.itemSelector)];
    const identified = items.filter((item) => listing.itemRecordId(item) !== undefined).length;
    findings.push(`listing items: ${items.length} (${identified} identified)`);
    if (listing.board) {
      const { board } = listing;
      const targets = [...doc.querySelectorAll(board.dropTarget)];
      const readable = targets.filter((target) => board.dropTargetStage(target) !== undefined).length;
      findings.push(`draggable cards: ${doc.querySelectorAll(board.draggable).length}`, `columns: ${targets.length} (${readable} with a readable stage)`);
    }
  }
  return findings;
}

/** The whole text put on the clipboard. */
export function pageOutline(adapter: HostAdapter, doc: Document, url: URL): string {
  return [
    'Baton page outline: element structure only, no text, no values.',
    ...adapterFindings(adapter, doc, url),
    '',
    ...outlineLines(doc.documentElement, url.origin),
  ].join('\n');
}
