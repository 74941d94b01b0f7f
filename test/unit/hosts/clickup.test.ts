import { afterEach, describe, expect, it } from 'vitest';
import { find, key, stageCommitted } from './events';
import { clickup, clickupListing, taskFromUrl } from '../../../lib/hosts/clickup';

// URL shapes and markup from /work/shared/host-apps.md (ClickUp).

const task = (recordId: string) => ({ host: 'clickup', objectType: 'task', recordId });

describe('ClickUp task records', () => {
  it.each([
    ['https://app.clickup.com/t/868a6gkvn', '868a6gkvn'],
    ['https://app.clickup.com/t/868a6gkvn/', '868a6gkvn'],
    ['https://app.clickup.com/t/868a6gkvn?comment=90120012345678', '868a6gkvn'],
    ['https://app.clickup.com/t/2kx9fz1', '2kx9fz1'],
    // White-label domains serve the same paths (host-apps.md: do not hard-code one host).
    ['https://tasks.acme.com/t/868a6gkvn', '868a6gkvn'],
  ])('%s is task %s', (url, recordId) => {
    expect(taskFromUrl(new URL(url))).toEqual(task(recordId));
    expect(clickup.isRecordUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://app.clickup.com/t/9012345/ONB-42',
    'https://app.clickup.com/t/9012345/ONB-42/',
    'https://app.clickup.com/t/9012345/DEV2-1007',
  ])('%s is a task known only from the task view', (url) => {
    expect(clickup.isRecordUrl(new URL(url))).toBe(true);
    expect(taskFromUrl(new URL(url))).toBeUndefined();
  });
});

describe('ClickUp pages that are not a task', () => {
  it.each([
    ['a list view', 'https://app.clickup.com/9012345/v/l/6-901234567-1'],
    ['a board view', 'https://app.clickup.com/9012345/v/b/6-901234567-2'],
    ['a list view with a task id in the query', 'https://app.clickup.com/9012345/v/l/6-901234567-1?pr=868a6gkvn'],
    ['home', 'https://app.clickup.com/9012345/home'],
    ['settings', 'https://app.clickup.com/9012345/settings/team/9012345/users'],
    ['no task id', 'https://app.clickup.com/t/'],
    ['a task path one level down', 'https://app.clickup.com/x/t/868a6gkvn'],
    ['a custom id without its number', 'https://app.clickup.com/t/9012345/ONB-'],
  ])('%s', (_page, url) => {
    expect(clickup.isRecordUrl(new URL(url))).toBe(false);
    expect(taskFromUrl(new URL(url))).toBeUndefined();
    expect(clickup.recordFromPage(new URL(url), document)).toBeUndefined();
  });
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ClickUp recordFromPage', () => {
  const customIdUrl = new URL('https://app.clickup.com/t/9012345/ONB-42');

  it('reads a custom-id task from the task view, once it is on the page', () => {
    expect(clickup.recordFromPage(customIdUrl, document)).toBeUndefined();
    document.body.innerHTML = '<div role="dialog" data-task-id="868a6gkvn"></div>';
    expect(clickup.recordFromPage(customIdUrl, document)).toEqual(task('868a6gkvn'));
  });

  it('takes a plain task id from the URL before the task view renders', () => {
    expect(clickup.recordFromPage(new URL('https://app.clickup.com/t/868a6gkvn'), document)).toEqual(task('868a6gkvn'));
  });

  it('ignores a task view whose id it cannot read', () => {
    document.body.innerHTML = '<div role="dialog" data-task-id=""></div>';
    expect(clickup.recordFromPage(customIdUrl, document)).toBeUndefined();
  });
});

/**
 * The task view (current status: in progress) and, as ClickUp renders them, its open status
 * list and an assignee list in the CDK overlay container outside the view.
 */
function mountTaskWithStatusList(): void {
  const item = (id: string, label: string, selected = false) =>
    `<cu3-combo-box-item id="${id}" role="option" aria-selected="${selected}">
      <span class="status-dot"></span><span class="menu-item-label"> ${label} </span></cu3-combo-box-item>`;
  document.body.innerHTML = `
    <div role="dialog" data-task-id="868a6gkvn">
      <div data-test="status-button__status-dropdown" role="button">
        <span data-test="status-button-badge__body">in progress</span></div>
      <button data-test="status-button__checkmark" aria-label="Set to complete"><svg></svg></button>
    </div>
    <div class="cdk-overlay-container"><div class="cdk-overlay-pane">
      <cu3-combo-box>
        <input type="text" placeholder="Search..." aria-activedescendant="status-review">
        <div data-test="status-list__container" role="listbox">
          ${item('status-todo', 'to do')}${item('status-progress', 'in progress', true)}${item('status-review', 'review')}${item('status-complete', 'complete')}
        </div>
      </cu3-combo-box>
      <cu3-combo-box data-test="assignee-list">${item('assignee-dana', 'Dana Ng')}</cu3-combo-box>
    </div></div>`;
}

const commitOf = (target: Element, event?: Event) => stageCommitted(clickup, target, event);

describe('ClickUp status commits', () => {
  it('a status item commits its label', () => {
    mountTaskWithStatusList();
    expect(commitOf(find('#status-review'))).toBe('review');
    expect(commitOf(find('#status-todo .menu-item-label'))).toBe('to do');
  });

  it('the status the task has commits nothing', () => {
    mountTaskWithStatusList();
    expect(commitOf(find('#status-progress'))).toBeUndefined();
  });

  it('an item of another combo box is not a status', () => {
    mountTaskWithStatusList();
    expect(commitOf(find('#assignee-dana'))).toBeUndefined();
  });

  it('Enter in the search box commits the active item', () => {
    mountTaskWithStatusList();
    const search = find('cu3-combo-box input');
    expect(commitOf(search, key('Enter'))).toBe('review');
    expect(commitOf(search, key('ArrowDown'))).toBeUndefined();
    search.setAttribute('aria-activedescendant', 'status-progress');
    expect(commitOf(search, key('Enter'))).toBeUndefined();
    search.removeAttribute('aria-activedescendant');
    expect(commitOf(search, key('Enter'))).toBeUndefined();
  });

  it('the checkmark commits "complete"', () => {
    mountTaskWithStatusList();
    expect(commitOf(find('[data-test="status-button__checkmark"] svg'))).toBe('complete');
  });

  it('opening the status list commits nothing', () => {
    mountTaskWithStatusList();
    expect(commitOf(find('[data-test="status-button-badge__body"]'))).toBeUndefined();
  });
});

describe('ClickUp hasStageControl', () => {
  it('is true with the status trigger or the checkmark', () => {
    mountTaskWithStatusList();
    expect(Boolean(clickup.stageControl(document))).toBe(true);
    document.body.innerHTML = '<button data-test="status-button__checkmark"></button>';
    expect(Boolean(clickup.stageControl(document))).toBe(true);
  });

  it('is false without either', () => {
    document.body.innerHTML = '<div role="dialog" data-task-id="868a6gkvn"><h1>Onboard Acme</h1></div>';
    expect(Boolean(clickup.stageControl(document))).toBe(false);
  });
});

describe('ClickUp board cards, both generations', () => {
  const listing = clickupListing;
  const board = clickupListing.board!;
  const items = () => [...document.querySelectorAll(listing.itemSelector)];

  /** Current markup [V, Corrections]: li.board-group__task-list-item[data-id], status in the group header. */
  function mountCurrentBoard(): void {
    const card = (attrs: string, href: string, name: string) =>
      `<li class="cdk-drag board-group__task-list-item" ${attrs} data-test="board-group__task-list-item__${name}">
        <div class="board-task"><div class="board-task__name">
          <a class="board-task__name-link" data-test="board-task__name-link__${name}" href="${href}">${name}</a></div></div></li>`;
    const column = (label: string, cards: string) =>
      `<li class="board-division__group-list-item"><div class="cu-status-group">
        <div class="board-group-header"><span class="cu-status-group-header__label"> ${label} </span><span class="label__value">2</span></div>
        <div class="board-group__viewport-inner"><ul class="board-group__task-list cdk-drop-list" data-test="board-group__task-list__0">${cards}</ul></div>
      </div></li>`;
    document.body.innerHTML = `<ul class="board-division__group-list">
      ${column('sales handoff', card('data-id="868a6gkvn"', '/t/9012345/ONB-42', 'Onboard Acme') + card('', '/t/868a6h2pq', 'Globex'))}
      ${column('onboarding', card('', '/t/9012345/ONB-77', 'Custom only') + card('data-id="868c00001"', 'https://app.clickup.com/t/868c00001', 'Initech'))}
    </ul>`;
  }

  it('reads the task of a current card from data-id, even when its link names a custom id', () => {
    mountCurrentBoard();
    expect(items().map((item) => listing.itemRecordId(item))).toEqual(['868a6gkvn', '868a6h2pq', undefined, '868c00001']);
    expect(listing.badgeSlot(items()[0]!).className).toBe('board-task__name');
  });

  it('finds a card whose only link is a custom id, and says it cannot tell its task', () => {
    mountCurrentBoard();
    const customOnly = document.querySelector('[data-test="board-group__task-list-item__Custom only"]')!;
    expect(customOnly.matches(board.draggable)).toBe(true);
    expect(board.draggedRecordId(customOnly)).toBeUndefined();
  });

  it('reads a current column’s status from its one header label', () => {
    mountCurrentBoard();
    const card = document.querySelector('[data-id="868c00001"]')!;
    const column = card.closest(board.dropTarget)!;
    expect(column.matches('.cu-status-group')).toBe(true);
    expect(board.dropTargetStage(column)).toBe('onboarding');
  });

  it('reads no status where a column shows no label, or several (fails closed)', () => {
    mountCurrentBoard();
    const card = document.querySelector('[data-id="868c00001"]')!;
    card.closest('.cu-status-group')!.querySelector('.cu-status-group-header__label')!.remove();
    // The nearest holder of a label is now the whole board, with one other column's label in it.
    const wider = card.closest(board.dropTarget)!;
    expect(wider.querySelectorAll('.cu-status-group-header__label').length).toBe(1);
    expect(board.dropTargetStage(wider)).toBeUndefined();
    const other = document.querySelector('[data-id="868a6gkvn"]')!.closest(board.dropTarget)!;
    other.querySelector('.board-group-header')!.insertAdjacentHTML('beforeend', '<span class="cu-status-group-header__label">x</span>');
    expect(board.dropTargetStage(other)).toBeUndefined();
  });

  it('reads older cards (.cdk-drag with a /t/{id} link) and columns (data-status)', () => {
    document.body.innerHTML = `<div class="cdk-drop-list" data-status="onboarding">
      <cu-board-task class="cdk-drag"><div><a data-test="board-task__name-link__Acme" href="/t/868a6gkvn">Acme</a></div></cu-board-task>
      <cu-board-task class="cdk-drag"><div><a href="/t/9012345/ONB-9">Custom</a></div></cu-board-task></div>`;
    expect(items().map((item) => listing.itemRecordId(item))).toEqual(['868a6gkvn', undefined]);
    expect(board.dropTargetStage(items()[0]!.closest(board.dropTarget)!)).toBe('onboarding');
  });

  it('never badges the clones the CDK draws while dragging', () => {
    document.body.innerHTML = '<li class="cdk-drag board-group__task-list-item cdk-drag-placeholder" data-id="868a6gkvn"></li>';
    expect(document.querySelector(listing.ignoreSelector!)).not.toBeNull();
  });
});
