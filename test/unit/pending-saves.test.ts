import { afterEach, describe, expect, it } from 'vitest';
import { holdUnsaved, releaseSaved, unsavedOf } from '../../components/panel/pending-saves';
import type { SaveField } from '../../lib/message-schemas';
import { dealRef } from './helpers';

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const typed = (fieldId: string, value: string, typedAt: number, recordId = '1001'): SaveField => ({
  ref: dealRef(recordId),
  templateId: 'sales-to-onboarding',
  fieldId,
  value,
  typedAt,
});

afterEach(() => localStorage.clear());

describe('keystrokes not yet saved', () => {
  it('are held until saved, newest per field, for the next panel of the same record', () => {
    holdUnsaved(typed('clientGoals', 'abc', T0), 'Client goals');
    holdUnsaved(typed('clientGoals', 'abcdefghijklmnopq', T0 + 5), 'Client goals');
    holdUnsaved(typed('scope', 'CRM', T0 + 6), 'Scope');
    holdUnsaved(typed('clientGoals', 'another deal', T0, '2002'), 'Client goals');
    releaseSaved(typed('clientGoals', 'abc', T0));
    expect(unsavedOf(dealRef('1001'), 'sales-to-onboarding').map(({ input }) => input.value).sort()).toEqual(['CRM', 'abcdefghijklmnopq']);
    releaseSaved(typed('clientGoals', 'abcdefghijklmnopq', T0 + 5));
    expect(unsavedOf(dealRef('1001'), 'sales-to-onboarding')).toEqual([{ input: typed('scope', 'CRM', T0 + 6), label: 'Scope' }]);
  });

  it('ignores what it cannot read back as a keystroke', () => {
    localStorage.setItem('baton.unsaved:hubspot/deal/1001/sales-to-onboarding/clientGoals', '{"input":{"value":1}}');
    expect(unsavedOf(dealRef('1001'), 'sales-to-onboarding')).toEqual([]);
  });
});
