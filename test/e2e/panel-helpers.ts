import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

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
  await expect.poll(() => panel.getByTestId('save-status').innerText()).toMatch(/^Saved/);
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
