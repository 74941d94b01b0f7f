import { afterEach, describe, expect, it } from 'vitest';
import { maskHookValue, outlineLines, pageOutline } from '../../lib/page-outline';
import { pipedrive } from '../../lib/hosts/pipedrive';
import { clickup } from '../../lib/hosts/clickup';

// "Copy page outline" goes to us from a rep's CRM: nothing the client typed or the page shows
// may reach it. The page below hides a secret in every place a page keeps data.

const SECRETS = [
  'kumquat', // text nodes
  'ann.lee@example.com',
  'typed-by-user', // an input's value property
  'hunter2', // value attribute
  'textarea-words',
  'option-words',
  'title-words',
  'aria-words',
  'placeholder-words',
  'alt-words',
  'element-id-words',
  'name-words',
  'query-words',
  'hash-words',
  'img-words',
  'style-words',
  'comment-words',
  'script-words',
  'sheet-words',
  'shadow-words',
  'meta-words',
  'srcdoc-words',
  'Farms', // a task name inside a data-test value
  '6602561637', // a deal id inside a data-test value
  'AbCdE', // a Salesforce id as a class name
  'acme', // the customer's own subdomain
  '5101',
];

function mountHostilePage(): void {
  document.head.innerHTML = '<meta name="description" content="meta-words"><title>kumquat - Deals</title><style>.sheet-words{}</style>';
  document.body.innerHTML = `
    <div id="root" class="DealHeader__Wrapper-sc-1k2j3h-0 kQmZpR" role="main">
      <h1 data-testid="header-title" title="title-words">kumquat renewal</h1>
      <p>Contact: <a href="mailto:ann.lee@example.com">ann.lee@example.com</a></p>
      <a class="board-task__name-link" data-test="board-task__name-link__Kumquat Farms" href="/deal/5101?token=query-words#hash-words">kumquat</a>
      <a href="https://acme-partner.example/deal/5101">other deal</a>
      <div data-test="pipeline-deal-tile" data-test-deal-id="6602561637" data-table-external-id="cell-0-2-dealname-6602561637" aria-label="aria-words"></div>
      <div class="0065g00000AbCdEAAZ pipelineViewCard uiDraggable">kumquat</div>
      <input id="element-id-words" name="name-words" value="hunter2" placeholder="placeholder-words">
      <textarea>textarea-words</textarea>
      <select><option value="option-words">option-words</option></select>
      <img src="https://cdn.example/img-words.png" alt="alt-words">
      <span style="--x: style-words" data-custom="kumquat">kumquat</span>
      <!-- comment-words -->
      <script>var x = "script-words";</script>
      <iframe srcdoc="<p>srcdoc-words</p>"></iframe>
      <div role="listbox"><div role="option" aria-selected="true">kumquat</div></div>
      <cu-host></cu-host>
    </div>`;
  (document.querySelector('input') as HTMLInputElement).value = 'typed-by-user';
  const shadow = document.querySelector('cu-host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<section class="panel">shadow-words <b>kumquat</b></section>';
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('page outline', () => {
  const url = new URL('https://acme.pipedrive.com/deal/5101?token=query-words');

  it('lets no text, value, other attribute, id, name or query string of the page through', () => {
    mountHostilePage();
    const outline = pageOutline(pipedrive, document, url);
    for (const secret of SECRETS) expect(outline.toLowerCase(), secret).not.toContain(secret.toLowerCase());
  });

  it('keeps the structure: tags, roles, classes, test hooks and link shapes', () => {
    mountHostilePage();
    const outline = pageOutline(pipedrive, document, url);
    expect(outline).toContain('div.DealHeader__Wrapper-sc-1k2j3h-0.kQmZpR [role=main]');
    expect(outline).toContain('h1 [data-testid="header-title"]');
    expect(outline).toContain('a.board-task__name-link [data-test="board-task__name-link__{text}"] [href=/deal/{n}]');
    expect(outline).toContain('[href={other-site}/deal/{n}]');
    expect(outline).toContain('[data-test="pipeline-deal-tile"] [data-test-deal-id="{id}"] [data-table-external-id] [aria-label]');
    expect(outline).toContain('div.{id}.pipelineViewCard.uiDraggable');
    expect(outline).toContain('div [role=option] [aria-selected]');
    expect(outline).toContain('section.panel');
  });

  it('says what the adapter found and missed', () => {
    mountHostilePage();
    const outline = pageOutline(pipedrive, document, url);
    expect(outline).toContain('app: pipedrive');
    expect(outline).toContain('page: /deal/{n}');
    expect(outline).toContain('record id: found');
    expect(outline).toContain('record title: found');
    expect(outline).toContain('stage control: NOT FOUND');
  });

  it('counts a listing’s items and the columns whose stage it can read', () => {
    document.body.innerHTML = `<div class="cdk-drop-list" data-status="onboarding">
      <div class="cdk-drag"><a href="/t/868a6gkvn">a</a></div><div class="cdk-drag"><a href="/t/9012345/ONB-1">b</a></div></div>`;
    const outline = pageOutline(clickup, document, new URL('https://app.clickup.com/9012345/v/b/6-901234567-2'));
    expect(outline).toContain('listing items: 2 (1 identified)');
    expect(outline).toContain('columns: 1 (1 with a readable stage)');
  });

  it('counts identical siblings instead of repeating them, and stops at its limits', () => {
    document.body.innerHTML = `<ul>${'<li class="row"><a href="/deal/1">x</a></li>'.repeat(50)}</ul>`;
    expect(outlineLines(document.body, 'https://x.test').join('\n')).toContain('(× 49 more like the above)');
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<div data-test="k${'x'.repeat(i % 7)}"><span class="c${i}"></span></div>`).join('');
    const lines = outlineLines(document.body, 'https://x.test', { maxLines: 100, maxDepth: 60, maxChars: 100_000 });
    expect(lines.length).toBeLessThanOrEqual(101);
    expect(lines.at(-1)).toMatch(/^… outline cut at \d+ lines$/);
    document.body.innerHTML = '<div>'.repeat(80);
    expect(outlineLines(document.body, 'https://x.test').length).toBeLessThan(70);
  });

  it('masks names and ids in test hooks, keeps the code words', () => {
    expect(maskHookValue('board-task__name-link__Onboard Acme')).toBe('board-task__name-link__{text}');
    expect(maskHookValue('row-6602561637')).toBe('row-{id}');
    expect(maskHookValue('cell-0-2-dealname-6602561637')).toBe('cell-0-2-dealname-{id}');
    expect(maskHookValue('deal-tile-2024')).toBe('deal-tile-0');
    expect(maskHookValue('cdb-column-item')).toBe('cdb-column-item');
  });
});
