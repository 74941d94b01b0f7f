import { describe, expect, it } from 'vitest';
import { parseHandoffDocument } from '../../lib/handoff-import';

// zod/mini has no messages of its own: an import must still say what is wrong in words.
describe('handoff import messages', () => {
  it('names the problem in words, not only "Invalid input"', () => {
    const handoff = { host: 'hubspot', objectType: 'deal', recordId: '6001', templateId: 'sales-to-onboarding', templateVersion: 1, values: { clientGoals: 'x'.repeat(50_001) }, typedAt: { clientGoals: 1 }, createdAt: 1, updatedAt: 1 };
    const result = parseHandoffDocument({ format: 'baton-handoffs', version: 1, exportedAt: new Date(0).toISOString(), handoffs: [handoff], revisions: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContainEqual(expect.stringMatching(/^handoffs\[0\]\.values\.clientGoals: Too big/));
  });
});
