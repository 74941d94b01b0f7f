import { afterEach, describe, expect, it } from 'vitest';
import { batonNoteTexts } from '../../components/page/note-texts';
import { hubspot } from '../../lib/hosts/hubspot';
import { salesforce } from '../../lib/hosts/salesforce';
import { MAX_NOTE_CHARS } from '../../lib/note-format';

// Which note texts the record script hands to the panel, on markup as the apps render it
// (host-apps.md, "Corrections").

const TRAILER = 'Baton · sales-to-onboarding v1 · hubspot deal 1001 · 6/6 required';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
afterEach(() => document.body.replaceChildren());

describe('batonNoteTexts', () => {
  it('reads each Salesforce Chatter post once, though .feedBodyInner sits inside .cuf-feedBodyText', () => {
    const doc = page(`<div class="cuf-feedBodyText"><span class="feedBodyInner"><p>Brief one</p><p>${TRAILER}</p></span></div>
      <span class="feedBodyInner">Older markup ${TRAILER}</span>`);
    expect(batonNoteTexts(doc, salesforce.notes)).toEqual([`Brief one${TRAILER}`, `Older markup ${TRAILER}`]);
  });

  it('reads HubSpot timeline notes in both generations, and comments on them as notes of their own', () => {
    const doc = page(`<div data-test-id="timeline-note-event"><div data-test-id="rte-content" contenteditable="true"><p>New ${TRAILER}</p></div></div>
      <div data-test-id="timeline-note-event"><div class="SanitizedText__StyledText-sc-1 x">Old ${TRAILER}</div>
        <div data-test-id="comment-1"><div class="SanitizedText__StyledText-sc-1 x">Comment ${TRAILER}</div></div></div>
      <div data-test-id="rte-content">Not a timeline note ${TRAILER}</div>`);
    expect(batonNoteTexts(doc, hubspot.notes)).toEqual([`New ${TRAILER}`, `Old ${TRAILER}`, `Comment ${TRAILER}`]);
  });

  it(`passes on at most the first ${MAX_NOTE_CHARS} characters of a note, and only notes marked as Baton's`, () => {
    const doc = page(`<div class="cuf-feedBodyText">${TRAILER} ${'x'.repeat(MAX_NOTE_CHARS)}</div><div class="cuf-feedBodyText">An ordinary post</div>`);
    const texts = batonNoteTexts(doc, salesforce.notes);
    expect(texts.map((text) => text.length)).toEqual([MAX_NOTE_CHARS]);
  });
});
