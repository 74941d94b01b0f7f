import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { HostApp } from '../../lib/record';
import { HOST_APPS } from '../../lib/record';
import { SEEN_STAGES_KEPT, withSeenStage, type SeenStages } from '../../lib/seen-stages';

// In storage.local (worker writes, the editor reads); a value that no longer parses reads as none.

const KEY = 'seenStages';
const SeenStagesSchema = z.partialRecord(z.enum(HOST_APPS), z.array(z.string().check(z.maxLength(300))).check(z.maxLength(SEEN_STAGES_KEPT)));

export const seenStages = {
  async get(): Promise<SeenStages> {
    const parsed = SeenStagesSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
    return parsed.success ? parsed.data : {};
  },
  async remember(host: HostApp, label: string): Promise<void> {
    await seenStages.rememberAll([[host, label]]);
  },
  /** Many labels (a board's columns) in one read and at most one write. */
  async rememberAll(labels: readonly (readonly [HostApp, string])[]): Promise<void> {
    const seen = await seenStages.get();
    const next = labels.reduce((known, [host, label]) => withSeenStage(known, host, label), seen);
    if (next !== seen) await browser.storage.local.set({ [KEY]: next });
  },
};
