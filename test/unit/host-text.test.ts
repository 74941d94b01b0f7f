import { afterEach, describe, expect, it } from 'vitest';
import { batonNoteTexts } from '../../components/page/note-texts';
import { recordNotesText } from '../../components/page/notes-text';
import { hostLabel, hostText } from '../../lib/host-text';
import { optionLabel, textOf } from '../../lib/hosts/dom';
import { pipedrive } from '../../lib/hosts/pipedrive';

// A host page can put any character in a title, a stage or a note; a NUL among them made the
// team server refuse the whole push (issue 21, item 5). Baton keeps only text it can store and send.

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('text read from a host page', () => {
  it('loses control characters and lone surrogates, keeping tabs, line breaks and every real character', () => {
    expect(hostText('Acme\u0000 Corp\u0007\u001b[0m\u007f\u0085\u009f')).toBe('Acme Corp[0m');
    expect(hostText('line one\nline\ttwo\r\n')).toBe('line one\nline\ttwo\r\n');
    expect(hostText('Zoë 😀 日本 – done')).toBe('Zoë 😀 日本 – done');
    expect(hostText('half \ud83d pair \ude00 end')).toBe('half  pair  end');
  });

  it('as a one-line label, is trimmed and nothing when only control characters were there', () => {
    expect(hostLabel('  Closed\u0000 won \n')).toBe('Closed won');
    expect(hostLabel('\u0000\u0001')).toBeUndefined();
    expect(hostLabel(null)).toBeUndefined();
  });
});

describe('where Baton reads the page', () => {
  it('a record title or stage read from the page holds no NUL', () => {
    document.body.innerHTML = '<h1 id="t">Acme\u0000 deal</h1><div role="option" id="o" aria-label="Closed\u0000won"></div>';
    expect(textOf(document.getElementById('t'))).toBe('Acme deal');
    expect(optionLabel(document.getElementById('o')!)).toBe('Closedwon');
  });

  it('a Pipedrive title from document.title holds no NUL', () => {
    document.title = 'Big\u0000 order - Deals';
    expect(pipedrive.recordTitle(document)).toBe('Big order');
  });

  it('notes read from the page hold no NUL', () => {
    document.body.innerHTML = '<div class="note">Baton · brief\u0000 text</div><div class="note">Plain\u0000 note</div>';
    expect(batonNoteTexts(document, '.note')).toEqual(['Baton · brief text']);
    expect(recordNotesText(document, '.note').map((text) => text.includes('\u0000'))).toEqual([false, false]);
  });
});
