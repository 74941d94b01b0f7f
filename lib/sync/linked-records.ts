import { taskFromUrl } from '../hosts/clickup';
import { dealFromUrl as hubspotDeal } from '../hosts/hubspot';
import { dealFromUrl as pipedriveDeal } from '../hosts/pipedrive';
import { opportunityFromUrl } from '../hosts/salesforce';
import { recordLabel, type RecordRef } from '../record';

// A handoff reaches the next owner's record through the links its sender typed: a rep pastes
// the onboarding task's address into the brief, and whoever opens that task sees the handoff.

const URL_PATTERN = /https:\/\/[^\s<>"')\]]+/g;
const READERS = [hubspotDeal, opportunityFromUrl, pipedriveDeal, taskFromUrl];

/** Every host-app record named by an https link in the texts, once each. */
export function linkedRecords(texts: Iterable<string>): RecordRef[] {
  const found = new Map<string, RecordRef>();
  for (const text of texts) {
    for (const [link] of text.matchAll(URL_PATTERN)) {
      if (!URL.canParse(link)) continue;
      const url = new URL(link);
      for (const read of READERS) {
        const ref = read(url);
        if (ref) found.set(recordLabel(ref), ref);
      }
    }
  }
  return [...found.values()];
}
