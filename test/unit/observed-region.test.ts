import { afterEach, describe, expect, it } from 'vitest';
import { observeRegion, regionAround } from '../../components/page/board/observed-region';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function page() {
  document.body.innerHTML = `
    <div id="app"><header id="toolbar"></header>
      <main id="board"><section id="a"><ul id="list-a"><li id="a1"></li><li id="a2"></li></ul></section><section id="b"><ul id="list-b"></ul></section></main>
    </div>`;
  const byId = (id: string) => document.getElementById(id)!;
  return byId;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('regionAround', () => {
  it('holds all the elements; a single one is held by its parent; nothing is the whole body', () => {
    const byId = page();
    expect(regionAround([byId('a1'), byId('a2')])).toBe(byId('list-a'));
    expect(regionAround([byId('a1'), byId('list-b')])).toBe(byId('board'));
    expect(regionAround([byId('a1')])).toBe(byId('list-a'));
    expect(regionAround([byId('a1'), byId('a1')])).toBe(byId('list-a'));
    expect(regionAround([])).toBe(document.body);
  });
});

describe('observeRegion', () => {
  it('hears changes inside the region and to its ancestors’ own children, and nothing else', async () => {
    const byId = page();
    const heard: MutationRecord[] = [];
    const region = observeRegion((records) => heard.push(...records), ['data-id']);
    region.fit([byId('a1'), byId('a2')]);
    expect(region.root).toBe(byId('list-a'));

    // A burst elsewhere (a toolbar, a popover's insides) writes no record at all.
    for (let index = 0; index < 100; index += 1) byId('toolbar').append(document.createElement('span'));
    byId('list-b').append(document.createElement('li'));
    await flush();
    expect(heard).toHaveLength(0);

    // Inside the region: added items and a reused item's attribute.
    byId('list-a').append(document.createElement('li'));
    byId('a1').setAttribute('data-id', '7');
    await flush();
    expect(heard.map((record) => record.type)).toEqual(['childList', 'attributes']);

    // The region replaced higher up: an ancestor's own children changed.
    heard.length = 0;
    byId('board').replaceChildren(document.createElement('section'));
    await flush();
    expect([...new Set(heard.map((record) => record.target))]).toEqual([byId('board')]);
    region.disconnect();
  });

  it('lets a replaced region go at once, and hears the page that replaced it', async () => {
    const byId = page();
    const heard: MutationRecord[] = [];
    const region = observeRegion((records) => heard.push(...records), ['data-id']);
    region.fit([byId('a1'), byId('a2')]);
    // A re-render: the host draws the board afresh. Observing the old list would keep all of it
    // alive (an observer holds what it observes) until the next fit, in idle time.
    const redrawn = document.createElement('section');
    byId('board').replaceChildren(redrawn);
    await flush();
    expect(region.root).toBe(byId('board'));
    // What the host does next inside the new board is heard before any fit.
    heard.length = 0;
    redrawn.append(document.createElement('ul'));
    await flush();
    expect(heard.map((record) => record.target)).toEqual([redrawn]);
    region.disconnect();
  });

  it('hands over what the old region heard when it moves', async () => {
    const byId = page();
    const heard: MutationRecord[] = [];
    const region = observeRegion((records) => heard.push(...records), []);
    byId('list-a').append(document.createElement('li')); // heard by the whole body, not yet delivered
    region.fit([byId('a1'), byId('a2')]);
    expect(heard).toHaveLength(1);
    await flush();
    expect(heard).toHaveLength(1);
    region.disconnect();
  });
});
