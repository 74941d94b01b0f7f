import { describe, expect, it } from 'vitest';
import { isHostAppUrl } from '../../lib/hosts/origins';
import type { PanelLocation } from '../../lib/panel-location';
import { DockShowSchema, FrameTicketSchema } from '../../lib/panel-location-schema';
import { dealRef } from './helpers';

const location: PanelLocation = {
  ref: dealRef('1001'),
  guard: 'active',
  guardControl: 'the deal stage control in the highlight card',
  recordTitle: 'Acme & Sons #2 <b>"big" deal</b>',
  blocked: { stage: 'Closed won', attempt: 3 },
  recordUrl: 'https://app.hubspot.com/contacts/4455/record/0-3/1001',
};

describe('what a tab’s script reports for its panel or dialog', () => {
  it('accepts a record with its guard state, title and link as they are', () => {
    expect(DockShowSchema.parse({ role: 'panel', location })).toEqual({ role: 'panel', location });
  });

  it.each([
    ['an unknown frame role', { role: 'popup', location }],
    ['an unknown host', { role: 'panel', location: { ...location, ref: { ...location.ref, host: 'evil' } } }],
    ['a record id that is a path', { role: 'panel', location: { ...location, ref: dealRef('../1') } }],
    ['an unknown guard state', { role: 'panel', location: { ...location, guard: 'disabled' } }],
    ['a link that is not https', { role: 'panel', location: { ...location, recordUrl: 'javascript:alert(1)' } }],
  ])('refuses %s', (_case, report) => {
    expect(DockShowSchema.safeParse(report).success).toBe(false);
  });

  it('takes a ticket only in the shape the worker issues', () => {
    expect(FrameTicketSchema.safeParse(crypto.randomUUID()).success).toBe(true);
    expect(FrameTicketSchema.safeParse('a'.repeat(36)).success).toBe(false);
  });
});

describe('links Baton stores for a record', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1/record/0-3/2', true],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001/view', true],
    ['https://tasks.example.com/t/1', true],
    ['https://evil.example/phish', false],
    ['http://app.hubspot.com/contacts/1/record/0-3/2', false],
    ['not a url', false],
  ])('%s is a host app page: %s', (url, expected) => {
    expect(isHostAppUrl(url, ['https://tasks.example.com'])).toBe(expected);
  });
});
