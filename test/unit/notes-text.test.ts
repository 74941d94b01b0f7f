import { afterEach, describe, expect, it } from 'vitest';
import { recordNotesText } from '../../components/page/notes-text';
import { clickup } from '../../lib/hosts/clickup';
import { hubspot } from '../../lib/hosts/hubspot';
import { salesforce } from '../../lib/hosts/salesforce';

// What Draft from notes reads of a record page, on markup as the apps render it
// (host-apps.md, "Corrections"), both generations where there are two.

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
afterEach(() => document.body.replaceChildren());

describe('recordNotesText', () => {
  it('reads every HubSpot timeline note, both generations, Baton’s or not', () => {
    const doc = page(`<div data-test-id="timeline-note-event"><div data-test-id="rte-content" contenteditable="true"><p>Called Jane.</p></div></div>
      <div data-test-id="timeline-note-event"><div class="SanitizedText__StyledText-sc-1 x">Pilot in March.</div></div>
      <div data-test-id="rte-content">A composer, not a note</div>`);
    expect(recordNotesText(doc, hubspot.notesText)).toEqual(['Called Jane.', 'Pilot in March.']);
  });

  it('reads a Salesforce post once, though its bodies nest', () => {
    const doc = page(`<div class="cuf-feedBodyText"><span class="feedBodyInner">Renewal risk: budget freeze.</span></div>`);
    expect(recordNotesText(doc, salesforce.notesText)).toEqual(['Renewal risk: budget freeze.']);
  });

  it('reads ClickUp comments and the task description', () => {
    const doc = page(`<cu-task-description><div class="ql-editor">Kickoff on 3 March.</div></cu-task-description>
      <div data-test="comment__text">Dana takes it from here.</div><div class="ql-editor">Some other editor</div>`);
    expect(recordNotesText(doc, clickup.notesText)).toEqual(['Kickoff on 3 March.', 'Dana takes it from here.']);
  });

  it('takes text, never markup, and skips empty notes', () => {
    const doc = page(`<div class="cuf-feedBodyText">&lt;img src=x onerror=alert(1)&gt; said <b>yes</b></div><div class="cuf-feedBodyText">  </div>`);
    expect(recordNotesText(doc, salesforce.notesText)).toEqual(['<img src=x onerror=alert(1)> said yes']);
  });
});
