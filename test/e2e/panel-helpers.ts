import { expect } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';

/** What a rep would type for a complete Sales -> Onboarding handoff. */
export const COMPLETE_HANDOFF: Record<string, string> = {
  'Client goals': 'Cut onboarding time for new stores from 6 weeks to 2.',
  'Scope and deliverables': 'POS integration for 12 stores; no custom reporting.',
  'Promised timeline': 'Live by 15 March',
  'Objections and risks': 'IT is wary of another vendor; budget review in Q2.',
  'Decision maker': 'Jane Doe, COO',
  'Next owner': 'dana@example.com',
};

export async function fillChecklist(panel: Frame, values: Record<string, string> = COMPLETE_HANDOFF): Promise<void> {
  for (const [label, value] of Object.entries(values)) await panel.getByLabel(label, { exact: false }).first().fill(value);
}

/** Resolves once the value is on disk (the panel says so after the worker's write). */
export async function waitSaved(panel: Frame): Promise<void> {
  await panel.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.startsWith('Saved'), undefined, { timeout: 8000 });
}

export function badge(panel: Frame) {
  return panel.getByTestId('completeness-badge');
}

/** The host page's own record of stage changes it committed. */
export function commits(page: Page): Promise<{ stage: string; via: string }[]> {
  return page.evaluate(() => (window as unknown as { __fixture: { commits: { stage: string; via: string }[] } }).__fixture.commits);
}

export function pollText(locator: { innerText(): Promise<string> }) {
  return expect.poll(() => locator.innerText().catch(() => ''), { timeout: 8000 });
}

/** Resolves once the tab's own guard (the dock tab's badge) shows this completeness. */
export async function guardShows(page: Page, badgeText: string): Promise<void> {
  await expect
    .poll(() => page.locator('baton-dock .tab').evaluate((tab) => tab.textContent ?? '').catch(() => ''), { timeout: 8000 })
    .toContain(badgeText);
}

/** The dialog a refused drag opens on a board (the panel page in dialog mode). */
export async function moveDialog(page: Page, timeout = 8000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await page.locator('baton-move-dialog iframe').elementHandle({ timeout: 50 }).catch(() => null);
    const frame = await element?.contentFrame();
    if (frame) {
      await frame.waitForSelector('[role="dialog"]', { timeout: Math.max(1, deadline - Date.now()) });
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The move dialog never appeared');
    await page.waitForTimeout(50);
  }
}

/** A mouse drag with the pointer, in small steps, the way a person drags. */
export async function mouseDrag(page: Page, from: Locator, to: Locator) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + 12);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 8, start.y + 14, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + 60, { steps: 20 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/** A keyboard drag on a react-beautiful-dnd board, from the focused card: Space lifts, one arrow per column right, Space drops. */
export async function keyboardDragRight(page: Page, columns = 1) {
  await page.keyboard.press('Space');
  await page.waitForTimeout(200);
  for (let step = 0; step < columns; step += 1) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  await page.keyboard.press('Space');
}
