import { describe, expect, it, vi } from 'vitest';
import { askForJson, type Complete } from '../../lib/ai/ask';
import { AiError } from '../../lib/ai/failure';
import { draftRequest, MAX_FIELD_CHARS, MAX_NOTES_CHARS, summaryRequest } from '../../lib/ai/prompts';
import { draftSuggestions, summaryBullets } from '../../lib/ai/suggestions';
import { template } from './helpers';

const fieldsTemplate = template({
  fields: [
    { id: 'timeline', label: 'Promised timeline', kind: 'text', required: true },
    { id: 'nextOwner', label: 'Next owner', kind: 'text', required: true },
    { id: 'discount', label: 'Discount agreed', kind: 'text', private: true },
    { id: 'tier', label: 'Tier', kind: 'select', options: ['Gold', 'Silver'] },
    { id: 'signed', label: 'Signed', kind: 'checkbox' },
  ],
});
const fields = fieldsTemplate.fields;

const NOTES = ['Called Jane: she wants the pilot live by 15 March.', 'Dana Scott takes over onboarding. Discount 30% agreed, keep it quiet.'];

const never = new AbortController().signal;
const answers = (...texts: string[]): Complete => {
  const queue = [...texts];
  return vi.fn(async () => queue.shift() ?? '');
};
const VALID = JSON.stringify({ fields: [{ fieldId: 'timeline', value: 'Live by 15 March', source: 'she wants the pilot live by 15 March.' }] });

describe('what a Draft sends', () => {
  it('asks for empty fields only, never a private field nor a checkbox, and names the private ones it left out', () => {
    const request = draftRequest(fields, { nextOwner: 'Dana Scott' }, NOTES);
    expect(request.fieldIds).toEqual(['timeline', 'tier']);
    expect(request.privateLabels).toEqual(['Discount agreed']);
    const sent = request.messages.map((message) => message.content).join('\n');
    expect(sent).not.toContain('Discount agreed');
    expect(sent).toContain('- tier: Tier (select); one of: Gold | Silver');
    expect(sent).toContain(NOTES[0]);
  });

  it(`sends at most ${MAX_NOTES_CHARS} characters of notes, cutting the note that crosses the cap`, () => {
    const long = Array.from({ length: 10 }, (_, index) => `${index} ${'word '.repeat(600)}`);
    const request = draftRequest(fields, {}, long);
    expect(request.notesText.length).toBe(MAX_NOTES_CHARS);
    expect(request.truncated).toBe(true);
    expect(request.messages[1]!.content.endsWith(`${request.notesText}\n</notes>`)).toBe(true);
    expect(draftRequest(fields, {}, NOTES).truncated).toBe(false);
  });

  it('sends the answer shape as a JSON schema', () => {
    const { jsonSchema } = draftRequest(fields, {}, NOTES);
    expect(jsonSchema).toMatchObject({ type: 'object', required: ['fields'] });
    expect(jsonSchema).not.toHaveProperty('$schema');
  });
});

describe('what a Summarize sends', () => {
  const brief = [
    { fieldId: 'timeline', label: 'Promised timeline', value: 'Live by 15 March' },
    { fieldId: 'discount', label: 'Discount agreed', value: '30%' },
    { fieldId: 'scope', label: 'Scope', value: 'x'.repeat(MAX_FIELD_CHARS + 500) },
    { fieldId: 'empty', label: 'Empty', value: '' },
  ];
  it('leaves private and empty fields out and cuts each value at the cap', () => {
    const request = summaryRequest(brief, new Set(['discount']));
    expect(request.fieldIds).toEqual(['timeline', 'scope']);
    expect(request.privateLabels).toEqual(['Discount agreed']);
    expect(request.messages[1]!.content).not.toContain('30%');
    expect(request.messages[1]!.content).toContain(`[scope] Scope: ${'x'.repeat(MAX_FIELD_CHARS)}\n`.trimEnd());
    expect(request.messages[1]!.content).not.toContain('x'.repeat(MAX_FIELD_CHARS + 1));
    expect(request.truncated).toBe(true);
  });
  it('links each bullet to a field that was sent, dropping any other', () => {
    const bullets = summaryBullets(
      { bullets: [{ text: 'Live by 15 March', kind: 'date', fieldId: 'timeline' }, { text: 'Invented', kind: 'risk', fieldId: 'nope' }] },
      brief,
    );
    expect(bullets).toEqual([{ text: 'Live by 15 March', kind: 'date', fieldId: 'timeline', label: 'Promised timeline' }]);
  });
});

describe('parsing the answer, with one repair', () => {
  const request = draftRequest(fields, {}, NOTES);

  it('takes a valid answer, even wrapped in a code fence', async () => {
    const result = await askForJson(request, answers('```json\n' + VALID + '\n```'), never);
    expect(result).toMatchObject({ ok: true, repaired: false });
  });

  it('asks once more after malformed JSON, telling the model what was wrong, and takes the repaired answer', async () => {
    const complete = answers('{"fields": [', VALID);
    const result = await askForJson(request, complete, never);
    expect(result).toMatchObject({ ok: true, repaired: true });
    const retry = vi.mocked(complete).mock.calls[1]![0];
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: '{"fields": [' });
    expect(retry.at(-1)!.content).toMatch(/^That answer was not valid: not JSON/);
  });

  it('repairs an answer of the wrong shape', async () => {
    const result = await askForJson(request, answers('{"fields":[{"fieldId":"timeline"}]}', VALID), never);
    expect(result).toMatchObject({ ok: true, repaired: true });
  });

  it('gives no suggestion after a second bad answer, with the parser’s reason', async () => {
    const complete = answers('nope', '{"answer": 1}');
    const result = await askForJson(request, complete, never);
    expect(result).toEqual({ ok: false, reason: 'badAnswer', detail: 'fields: Invalid input: expected array, received undefined' });
    expect(complete).toHaveBeenCalledTimes(2);
  });

  it('does not retry a transport failure', async () => {
    const complete: Complete = vi.fn(async () => {
      throw new AiError('ollamaOrigin', 'http://localhost:11434');
    });
    expect(await askForJson(request, complete, never)).toEqual({ ok: false, reason: 'ollamaOrigin', detail: 'http://localhost:11434' });
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('tells a timeout from a cancel', async () => {
    const hang: Complete = (_messages, _schema, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    expect(await askForJson(request, hang, AbortSignal.timeout(10))).toEqual({ ok: false, reason: 'timeout' });
    const cancel = new AbortController();
    const pending = askForJson(request, hang, cancel.signal);
    cancel.abort();
    expect(await pending).toEqual({ ok: false, reason: 'cancelled' });
  });
});

describe('suggestions keep to the notes', () => {
  const asked = fields.filter((field) => ['timeline', 'nextOwner', 'tier'].includes(field.id));
  const notesText = draftRequest(fields, {}, NOTES).notesText;
  it('keeps a value whose sentence is in the notes, says when the notes are silent, and drops invented or unfit ones', () => {
    const suggestions = draftSuggestions(
      {
        fields: [
          { fieldId: 'timeline', value: 'Live by 15 March', source: 'Called Jane:  she wants the pilot live by 15 March.' },
          { fieldId: 'nextOwner', value: 'Pat Doe', source: 'Pat Doe will own onboarding.' },
          { fieldId: 'tier', value: 'Platinum', source: 'Called Jane: she wants the pilot live by 15 March.' },
          { fieldId: 'discount', value: '30%', source: 'Discount 30% agreed, keep it quiet.' },
        ],
      },
      asked,
      notesText,
      { template: fieldsTemplate, values: {} },
    );
    expect(suggestions.map((suggestion) => [suggestion.fieldId, suggestion.kind])).toEqual([
      ['timeline', 'suggested'],
      ['nextOwner', 'unsupported'],
      ['tier', 'unfit'],
    ]);
    expect(draftSuggestions({ fields: [] }, asked, notesText, { template: fieldsTemplate, values: {} }).every((suggestion) => suggestion.kind === 'notAnswered')).toBe(true);
  });
});
