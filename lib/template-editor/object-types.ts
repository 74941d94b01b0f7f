import { clickupListing } from '../hosts/clickup';
import { hubspotListing } from '../hosts/hubspot';
import { pipedriveListing } from '../hosts/pipedrive';
import { salesforceListing } from '../hosts/salesforce';
import type { HostApp } from '../record';

// The kinds of record Baton reads on each app, as its adapters name them: a template's
// "object type" is picked from these, since a typo ("tasks") would save and never apply.

const ADAPTED: Record<HostApp, readonly string[]> = {
  hubspot: [hubspotListing.objectType],
  salesforce: [salesforceListing.objectType],
  pipedrive: [pipedriveListing.objectType],
  clickup: [clickupListing.objectType],
};

export function objectTypesOf(host: HostApp): readonly string[] {
  return ADAPTED[host];
}

export function defaultObjectType(host: HostApp): string {
  return ADAPTED[host][0]!;
}

/** An object type no adapter of this app reads: a template applying to it would never show. */
export function isUnknownObjectType(host: HostApp, objectType: string): boolean {
  return !ADAPTED[host].includes(objectType.trim());
}
