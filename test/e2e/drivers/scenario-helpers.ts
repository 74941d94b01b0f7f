import type { Box, E2EPage, Surface } from './driver';

// Scenario steps written once, against the driver: each browser runs the same user actions.

export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The side panel's frame (Baton's panel page, not the move dialog), once it has drawn. */
export function panelOf(page: E2EPage): Promise<Surface> {
  return findFrame(page, 'panel', () => location.pathname.endsWith('/panel.html') && document.querySelector('.panel') !== null && document.querySelector('[role="dialog"]') === null);
}

/** The dialog a refused drag opens on a board. */
export function moveDialogOf(page: E2EPage): Promise<Surface> {
  return findFrame(page, 'move dialog', () => location.pathname.endsWith('/panel.html') && document.querySelector('[role="dialog"] [data-testid="complete-move"]') !== null);
}

async function findFrame(page: E2EPage, what: string, drawn: () => boolean): Promise<Surface> {
  return until(
    async () => {
      for (const frame of page.childFrames()) {
        // Every frame is asked (Firefox may report an extension frame's URL as about:blank).
        const found = await frame.evaluate(drawn, undefined).catch(() => false);
        if (found) return frame;
      }
      return undefined;
    },
    (frame) => frame !== undefined,
    `Baton's ${what}`,
  ) as Promise<Surface>;
}

export const textOf = (surface: Surface, selector: string) =>
  surface.evaluate((query) => document.querySelector(query)?.textContent ?? '', selector);

export const waitText = (surface: Surface, selector: string, accept: (text: string) => boolean, what = selector) =>
  until(() => textOf(surface, selector), accept, what);

/** Clicks into a checklist field and types, as a user does (React sees real input events). */
export async function typeInto(page: E2EPage, panel: Surface, fieldId: string, text: string): Promise<void> {
  // Focused, not clicked: Firefox over BiDi clicks an element scrolled into view inside a
  // frame at the wrong point. The text itself is typed on the keyboard, as a user would.
  const focused = (id: string) => {
    const field = document.querySelector<HTMLElement>(`[data-field="${id}"] textarea, [data-field="${id}"] input`);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
    return field !== null && document.activeElement === field;
  };
  await until(() => panel.evaluate(focused, fieldId), (done) => done, `the ${fieldId} field to take focus`);
  await page.type(text);
  await until(() => fieldValue(panel, fieldId), (value) => value === text, `${fieldId} to read "${text}"`);
}

export const fieldValue = (panel: Surface, fieldId: string) =>
  panel.evaluate((id) => document.querySelector<HTMLInputElement>(`[data-field="${id}"] textarea, [data-field="${id}"] input`)?.value ?? '', fieldId);

export async function fillFields(page: E2EPage, panel: Surface, values: Record<string, string>): Promise<void> {
  for (const [fieldId, text] of Object.entries(values)) await typeInto(page, panel, fieldId, text);
  await waitText(panel, '[data-testid="save-status"]', (text) => text.startsWith('Saved'), 'the panel to say Saved');
}

/** Clicks the element matching `selector` whose text reads `text` (a menu item by its label). */
export async function clickText(surface: Surface, selector: string, text: string): Promise<void> {
  const marked = await until(() => surface.evaluate(
    ([query, label]) => {
      for (const element of document.querySelectorAll('[data-e2e-target]')) element.removeAttribute('data-e2e-target');
      const target = [...document.querySelectorAll(query)].find((element) => element.textContent?.replace(/\s+/g, ' ').trim() === label);
      target?.setAttribute('data-e2e-target', '');
      return target !== undefined;
    },
    [selector, text] as const,
  ), (found) => found, `a ${selector} that reads "${text}"`);
  if (!marked) throw new Error(`No ${selector} reads "${text}"`);
  await surface.click('[data-e2e-target]');
}

/** The host fixture's own record of stage changes it committed. */
export const commitsOf = (page: E2EPage) =>
  page.evaluate(() => (window as unknown as { __fixture: { commits: { stage: string; via: string }[] } }).__fixture.commits.map((commit) => commit.stage), undefined);

/** The dock tab's text: what the tab's guard decides on. */
export const guardBadge = (page: E2EPage) =>
  page.evaluate(() => document.querySelector('baton-dock')?.shadowRoot?.querySelector('.tab')?.textContent ?? '', undefined);

/** On the HubSpot board fixture: drags a card not yet started into Closed won with the mouse; Baton's dialog opens. */
export async function dragIntoClosedWon(page: E2EPage, recordId: string): Promise<Surface> {
  const card = `[data-test-id="cdb-column-item"]:has([data-selenium-id="${recordId}"])`;
  await until(() => page.evaluate((query) => document.querySelector(`${query} baton-badge`)?.getAttribute('data-state'), card), (state) => state === 'not-started', 'the card badge');
  const from = await page.box(card);
  const to = await page.box('[data-test-id="cdb-column"]:has([data-rbd-droppable-id="closedwon"])');
  await dragWithMouse(page, from, { x: to.x + to.width / 2, y: to.y + 60 });
  return moveDialogOf(page);
}

async function dragWithMouse(page: E2EPage, from: Box, to: { x: number; y: number }): Promise<void> {
  await page.mouseMove(from.x + from.width / 2, from.y + 12);
  await page.mouseDown();
  await page.mouseMove(from.x + from.width / 2 + 8, from.y + 14, 4);
  await page.mouseMove(to.x, to.y, 20);
  await new Promise((done) => setTimeout(done, 150));
  await page.mouseUp();
}

/** A keyboard drag on a react-beautiful-dnd board, from the focused card: Space lifts, one arrow per column right, Space drops. */
export async function keyboardDragRightOn(page: E2EPage, columns = 1): Promise<void> {
  const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));
  await page.press('Space');
  await settle(200);
  for (let step = 0; step < columns; step += 1) await page.press('ArrowRight');
  await settle(300);
  await page.press('Space');
}
