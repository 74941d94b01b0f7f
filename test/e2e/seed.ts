import type { RecordRef } from '../../lib/record';
import { CLICKUP, HUBSPOT, PIPEDRIVE, SALESFORCE, panelFrame, serve, type FixtureSite, type Session } from './harness';
import { fillChecklist, waitSaved } from './panel-helpers';

/** Each host app's record page for a record, and the fixture site that serves it. */
const RECORD_PAGES: Record<RecordRef['host'], { site: FixtureSite; url(recordId: string): string }> = {
  hubspot: { site: HUBSPOT, url: (id) => `https://app.hubspot.com/contacts/4455/record/0-3/${id}` },
  salesforce: { site: SALESFORCE, url: (id) => `https://acme.lightning.force.com/lightning/r/Opportunity/${id}/view` },
  pipedrive: { site: PIPEDRIVE, url: (id) => `https://acme.pipedrive.com/deal/${id}` },
  clickup: { site: CLICKUP, url: (id) => `https://app.clickup.com/t/${id}` },
};

/**
 * Types a draft for a record the way a user does: in the panel beside the record's page (the
 * panel shows only the record its tab shows). The page is served here, whatever the session serves.
 */
export async function seedDraft(session: Session, ref: RecordRef, values: Record<string, string>, template?: string): Promise<void> {
  const { site, url } = RECORD_PAGES[ref.host];
  const page = await session.context.newPage();
  await page.route(site.pattern, (route) => serve(route, site));
  await page.goto(url(ref.recordId));
  const panel = await panelFrame(page);
  await panel.waitForSelector('.checklist');
  if (template) await panel.getByRole('tab', { name: template }).click();
  await fillChecklist(panel, values);
  await waitSaved(panel);
  await page.close();
}
