import { describe, expect, it } from 'vitest';
import { panelHash, type PanelLocation } from '../../lib/panel-location';
import { parsePanelHash } from '../../lib/panel-location-parse';
import { dealRef } from './helpers';

const location: PanelLocation = {
  ref: dealRef('1001'),
  guard: 'active',
  guardControl: 'the deal stage control in the highlight card',
};

describe('the panel location in the iframe fragment', () => {
  it('round-trips a record with its guard state', () => {
    const hash = panelHash(location);
    expect(hash).toMatch(/^#host=hubspot&objectType=deal&recordId=1001&/);
    expect(parsePanelHash(hash)).toEqual(location);
  });

  it.each([
    'Acme & Sons #2 <b>"big" deal</b>',
    "O'Brien's 50% + 10 seats = 100%?",
    'Zürich — 東京 — 🚀',
    'guard=inactive&recordId=666',
  ])('round-trips the title %j untouched', (recordTitle) => {
    const withTitle = { ...location, recordTitle };
    expect(parsePanelHash(panelHash(withTitle))).toEqual(withTitle);
  });

  it('round-trips a blocked move and its attempt number', () => {
    const blocked = { ...location, blocked: { stage: 'Closed won & paid', attempt: 3 } };
    expect(parsePanelHash(panelHash(blocked))).toEqual(blocked);
  });

  it('reads a fragment without the leading "#"', () => {
    expect(parsePanelHash(panelHash(location).slice(1))).toEqual(location);
  });

  it.each([
    ['no record at all', ''],
    ['an unknown host', '#host=evil&objectType=deal&recordId=1'],
    ['no record id', '#host=hubspot&objectType=deal'],
    ['a record id that is a path', '#host=hubspot&objectType=deal&recordId=..%2F1'],
    ['an object type with markup', '#host=hubspot&objectType=%3Cb%3E&recordId=1'],
  ])('names no record for %s', (_case, hash) => {
    expect(parsePanelHash(hash)).toBeUndefined();
  });

  it('treats an unknown guard value as still searching, and a missing control name as the stage control', () => {
    expect(parsePanelHash('#host=hubspot&objectType=deal&recordId=1&guard=disabled')).toEqual({
      ref: dealRef('1'),
      guard: 'searching',
      guardControl: 'the stage control',
    });
  });

  it('treats a garbled attempt number as 0', () => {
    const hash = '#host=hubspot&objectType=deal&recordId=1&blockedStage=Closed+won&attempt=lots';
    expect(parsePanelHash(hash)?.blocked).toEqual({ stage: 'Closed won', attempt: 0 });
  });
});
