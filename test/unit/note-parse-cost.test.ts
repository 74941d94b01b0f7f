import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../lib/brief';
import { defaultTemplates } from '../../lib/default-templates';
import { MAX_NOTE_CHARS } from '../../lib/note-format';
import { parseReceipt } from '../../lib/receipt';

// A co-worker can write any note into a record, and the panel parses up to fifty of them on
// every change. Each crafted note below made a regular expression retry from every position,
// so parsing cost grew with the square of the note's length (issue 13, item 9).

const installed = defaultTemplates();
const BRIEF_TRAILER = '\nBaton · sales-to-onboarding v1 · hubspot deal 1001 · 6/6 required';
const RECEIPT_TRAILER = '\nBaton receipt · sales-to-onboarding v1 · hubspot deal 1001 · accepted';

/** `chars` long (give or take a repetition), ending in a trailer so the whole parse runs. */
const crafted: Record<string, (chars: number) => string> = {
  'a sign-off with many dates and no closing full stop': (chars) =>
    `Handed off by ${' on 2026-11-26 14:03 UTC to x'.repeat(Math.floor(chars / 28))}${BRIEF_TRAILER}`,
  'a receipt line of many "Accepted by" and no date': (chars) => `${'Accepted by '.repeat(Math.floor(chars / 12))}${RECEIPT_TRAILER}`,
  'a receipt line of many "Sent back by" and no date': (chars) => `${'Sent back by '.repeat(Math.floor(chars / 13))}${RECEIPT_TRAILER}`,
  'many near-trailers': (chars) => `${'Baton - a v1 - hubspot deal 1 - 1 / 1\n'.repeat(Math.floor(chars / 38))}${BRIEF_TRAILER}`,
};

const parseBoth = (text: string) => (parseBrief(text, installed), parseReceipt(text));

/**
 * The fastest of a few runs, in ms: on a loaded machine a run is only ever slowed down (by
 * other processes, the garbage collector), so the fastest is the closest to the parser's own cost.
 */
function fastestMs(text: string): number {
  parseBoth(text); // warm up the regular expressions and the JIT
  return Math.min(
    ...Array.from({ length: 9 }, () => {
      const start = performance.now();
      parseBoth(text);
      return performance.now() - start;
    }),
  );
}

describe('parsing a crafted note', () => {
  it.each(Object.entries(crafted))('takes time in proportion to its length: %s', (_, make) => {
    // Both sizes within the cap, so what is measured is the parser, not the cap.
    const small = fastestMs(make(12_000));
    const large = fastestMs(make(48_000));
    // Four times the text: linear is ~4×, the quadratic parser took ~16×. 1 ms of slack for
    // timer resolution on tiny numbers.
    expect(large).toBeLessThan(8 * small + 1);
    expect(large).toBeLessThan(15);
  });

  it(`reads at most ${MAX_NOTE_CHARS} characters of a note`, () => {
    expect(MAX_NOTE_CHARS).toBe(50_000);
    for (const make of Object.values(crafted)) {
      const atCap = fastestMs(make(MAX_NOTE_CHARS));
      expect(fastestMs(make(4 * MAX_NOTE_CHARS))).toBeLessThan(2 * atCap + 1);
    }
  });

  it('ignores a brief whose trailer lies beyond the cap', () => {
    const padded = `${'x'.repeat(MAX_NOTE_CHARS)}\nHandoff brief · Sales → Onboarding\nHanded off by Sam on 2026-11-25 14:03 UTC.${BRIEF_TRAILER}`;
    expect(parseBrief(padded, installed)).toBeUndefined();
  });
});
