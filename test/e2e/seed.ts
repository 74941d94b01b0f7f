import type { RecordRef } from '../../lib/record';
import type { Session } from './harness';
import { fillChecklist, waitSaved } from './panel-helpers';

/** Types a draft for a record the way a user does: in the panel page, here opened on its own. */
export async function seedDraft(session: Session, ref: RecordRef, values: Record<string, string>, template?: string): Promise<void> {
  const page = await session.context.newPage();
  const hash = new URLSearchParams({ ...ref, guard: 'active', guardControl: 'seed' });
  await page.goto(`chrome-extension://${session.extensionId}/panel.html#${hash}`);
  const panel = page.mainFrame();
  await panel.waitForSelector('.checklist');
  if (template) await panel.getByRole('tab', { name: template }).click();
  await fillChecklist(panel, values);
  await waitSaved(panel);
  await page.close();
}
