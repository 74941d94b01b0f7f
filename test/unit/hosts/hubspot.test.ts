import { describe, expect, it } from 'vitest';
import { dealIdFromUrl, hubspot } from '../../../lib/hosts/hubspot';

// URL shapes from /work/shared/host-apps.md (HubSpot).

describe('HubSpot deal records', () => {
  it.each([
    ['https://app.hubspot.com/contacts/123456/record/0-3/9876543210', '9876543210'],
    ['https://app-eu1.hubspot.com/contacts/25000111/record/0-3/1001', '1001'],
    ['https://app-na2.hubspot.com/contacts/25000111/record/0-3/1001', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001/', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001?tab=activity', '1001'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001#notes', '1001'],
    // Sub-views of the record (a tab, a saved view) still show the same deal.
    ['https://app.hubspot.com/contacts/123456/record/0-3/1001/view/1', '1001'],
    ['https://APP.HubSpot.com/contacts/123456/record/0-3/1001', '1001'],
    // Legacy deal URL.
    ['https://app.hubspot.com/contacts/123456/deal/1001/', '1001'],
    ['https://app-eu1.hubspot.com/contacts/123456/deal/1001', '1001'],
  ])('%s is deal %s', (url, dealId) => {
    expect(dealIdFromUrl(new URL(url))).toBe(dealId);
    expect(hubspot.recordFromUrl(new URL(url))).toEqual({ host: 'hubspot', objectType: 'deal', recordId: dealId });
  });
});

describe('HubSpot pages that are not a deal record', () => {
  it.each([
    ['a contact', 'https://app.hubspot.com/contacts/123456/record/0-1/1001'],
    ['a company', 'https://app.hubspot.com/contacts/123456/record/0-2/1001'],
    ['a ticket', 'https://app.hubspot.com/contacts/123456/record/0-5/1001'],
    ['a custom object', 'https://app.hubspot.com/contacts/123456/record/2-123/1001'],
    ['the deal board', 'https://app.hubspot.com/contacts/1/objects/0-3/views/all/board'],
    ['the deal list', 'https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list?pipeline=default'],
    ['settings', 'https://app.hubspot.com/settings/123456/objects/deals'],
    ['reports', 'https://app.hubspot.com/reports-dashboard/123456/view/1001'],
    ['a deal id that is not a number', 'https://app.hubspot.com/contacts/123456/record/0-3/new'],
    ['a record path one level down', 'https://app.hubspot.com/x/contacts/123456/record/0-3/1001'],
    ['a deal id in the query only', 'https://app.hubspot.com/contacts/123456?record=0-3/1001'],
  ])('%s', (_page, url) => {
    expect(hubspot.recordFromUrl(new URL(url))).toBeUndefined();
  });

  it.each([
    'https://evil-hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.hubspot.com.evil.com/contacts/123456/record/0-3/1001',
    'https://hubspot.com/contacts/123456/record/0-3/1001',
    'https://www.hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.evilhubspot.com/contacts/123456/record/0-3/1001',
    'https://evil.com/https://app.hubspot.com/contacts/123456/record/0-3/1001',
    'https://app.hubspot.com@evil.com/contacts/123456/record/0-3/1001',
  ])('another host: %s', (url) => {
    expect(hubspot.recordFromUrl(new URL(url))).toBeUndefined();
  });
});
