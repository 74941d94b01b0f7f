import { describe, expect, it } from 'vitest';
import { AI_REASONS } from '../../lib/ai/failure';
import { failureParts, mayRetry } from '../../lib/ai/failure-parts';
import { aiFailureSentence } from '../../components/ai/failure-words';

// "No suggestion: Cancelled." and "The endpoint failed (HTTP 500 model crashed)" read as a log
// line: each failure is one sentence a rep can act on, what the endpoint said goes aside, and
// Retry is offered wherever pressing it again can help.

describe('a failure reads as a sentence', () => {
  it.each(AI_REASONS.map((reason) => [reason]))('%s: starts with a capital, ends with a full stop, no placeholder left, no "No suggestion:" fragment', (reason) => {
    const sentence = aiFailureSentence({ reason, detail: reason === 'serverError' || reason === 'httpError' ? '502 upstream down' : '7' });
    expect(sentence).toMatch(/^[A-Z].*[.)]$/s);
    expect(sentence).not.toMatch(/\$\d|No suggestion:/);
  });

  it('keeps the HTTP status in the sentence and what the endpoint said aside', () => {
    expect(failureParts({ reason: 'serverError', detail: '500 model crashed' })).toEqual({ inline: '500', aside: 'model crashed' });
    expect(aiFailureSentence({ reason: 'serverError', detail: '500 model crashed' })).not.toContain('model crashed');
    expect(aiFailureSentence({ reason: 'serverError', detail: '500 model crashed' })).toContain('HTTP 500');
    expect(failureParts({ reason: 'badAnswer', detail: 'fields.0.value: Invalid input' })).toEqual({ inline: '', aside: 'fields.0.value: Invalid input' });
    expect(failureParts({ reason: 'timeout', detail: '30' })).toEqual({ inline: '30' });
  });

  it('a request stopped by collapsing the panel says so', () => {
    expect(aiFailureSentence({ reason: 'panelHidden' })).toMatch(/panel was collapsed/);
  });
});

describe('Retry is offered where pressing again can help', () => {
  it.each(['timeout', 'serverError', 'badAnswer', 'unreachable', 'panelHidden', 'cancelled', 'ollamaOrigin'] as const)('%s: Retry', (reason) => expect(mayRetry(reason)).toBe(true));
  it.each(['off', 'noNotes', 'nothingToAsk'] as const)('%s: no Retry (nothing would change)', (reason) => expect(mayRetry(reason)).toBe(false));
});
