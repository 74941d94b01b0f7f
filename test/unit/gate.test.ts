import { describe, expect, it } from 'vitest';
import { checklistStatus, gateStagesFor } from '../../lib/checklist-status';
import { gateDecision, isComplete, type GateDecision } from '../../lib/gate';
import { badgeText, blockMessage, checklistCount } from '../../components/words/checklist-words';
import { checklist, completeSalesValues, dealRef, salesToOnboarding, template } from './helpers';

const hubspotDeal = { host: 'hubspot', objectType: 'deal' } as const;

function blocked(decision: GateDecision): Extract<GateDecision, { kind: 'block' }> {
  if (decision.kind !== 'block') throw new Error('expected the move to be blocked');
  return decision;
}

describe('gateStagesFor', () => {
  const multi = template({
    fields: [{ id: 'a', label: 'A', kind: 'text' }],
    appliesTo: [
      { host: 'hubspot', objectType: 'deal', gateStages: 'closed won' },
      { host: 'hubspot', objectType: 'deal', gateStages: 'contract signed' },
      { host: 'hubspot', objectType: 'ticket', gateStages: 'resolved' },
      { host: 'pipedrive', objectType: 'deal', gateStages: 'won' },
      { host: 'salesforce', objectType: 'deal' },
    ],
  });

  it('takes only the stages for the same host and object type', () => {
    expect(gateStagesFor(multi, hubspotDeal)).toBe('(?:closed won)|(?:contract signed)');
    expect(gateStagesFor(multi, { host: 'pipedrive', objectType: 'deal' })).toBe('(?:won)');
  });

  it('gates nothing where the template applies without gateStages, or does not apply', () => {
    expect(gateStagesFor(multi, { host: 'salesforce', objectType: 'deal' })).toBeUndefined();
    expect(gateStagesFor(multi, { host: 'clickup', objectType: 'deal' })).toBeUndefined();
  });
});

describe('checklistStatus', () => {
  it('summarises a half-filled Sales → Onboarding handoff for the guard', () => {
    const values = { ...completeSalesValues(), decisionMaker: '', nextOwner: ' ' };
    expect(checklistStatus({ template: salesToOnboarding(), values }, dealRef())).toEqual({
      templateId: 'sales-to-onboarding',
      templateName: 'Sales → Onboarding',
      gateStages: '(?:closed won)',
      required: 6,
      filled: 4,
      missing: [
        { fieldId: 'decisionMaker', label: 'Decision maker' },
        { fieldId: 'nextOwner', label: 'Next owner' },
      ],
    });
  });
});

describe('gateDecision', () => {
  const incomplete = checklist({ missing: ['Next owner'] });

  it('blocks any move while the checklist is not known yet (fails closed)', () => {
    expect(gateDecision(undefined, 'Closed won')).toEqual({ kind: 'block', stage: 'Closed won', reason: 'unknown' });
    expect(gateDecision(undefined, 'Closed lost')).toMatchObject({ kind: 'block', reason: 'unknown' });
  });

  it('blocks "Closed won" while Next owner is empty', () => {
    expect(gateDecision([incomplete], 'Closed won')).toEqual({
      kind: 'block',
      stage: 'Closed won',
      reason: 'incomplete',
      blockers: [incomplete],
    });
  });

  it.each(['closed won', 'CLOSED WON', '  Closed\n   won ', '\tClosed  won\n'])(
    'recognises the host label %j as "Closed won"',
    (label) => {
      expect(gateDecision([incomplete], label).kind).toBe('block');
    },
  );

  it('lists the missing labels', () => {
    const decision = blocked(gateDecision([checklist({ missing: ['Decision maker', 'Next owner'] })], 'Closed won'));
    expect(decision.reason === 'incomplete' && decision.blockers[0]?.missing.map((field) => field.label)).toEqual([
      'Decision maker',
      'Next owner',
    ]);
  });

  it.each(['Closed lost', 'Contract sent', 'Appointment scheduled'])('allows "%s" even when incomplete', (stage) => {
    expect(gateDecision([incomplete], stage)).toEqual({ kind: 'allow' });
  });

  it('allows "Closed won" once the checklist is complete', () => {
    expect(gateDecision([checklist()], 'Closed won')).toEqual({ kind: 'allow' });
  });

  it('allows any move on a record no template applies to', () => {
    expect(gateDecision([], 'Closed won')).toEqual({ kind: 'allow' });
  });

  describe('with several templates', () => {
    const legal = checklist({ templateId: 'legal', templateName: 'Sales → Legal', required: 2, missing: ['Contract PDF'] });
    const notes = checklist({ templateId: 'notes', templateName: 'Account notes', gateStages: undefined, missing: ['Notes'] });

    it('blocks if any gating template is incomplete', () => {
      const decision = blocked(gateDecision([checklist(), legal], 'Closed won'));
      expect(decision.reason === 'incomplete' && decision.blockers).toEqual([legal]);
    });

    it('ignores incomplete templates that gate no stage', () => {
      expect(gateDecision([checklist(), notes], 'Closed won')).toEqual({ kind: 'allow' });
    });

    it('ignores incomplete templates that gate other stages', () => {
      const renewal = checklist({ templateId: 'renewal', gateStages: '^renewed$', missing: ['Renewal date'] });
      expect(gateDecision([checklist(), renewal], 'Closed won')).toEqual({ kind: 'allow' });
    });
  });
});

describe('blockMessage', () => {
  it('names the stage and each missing field with its template', () => {
    const decision = blocked(
      gateDecision(
        [
          checklist({ missing: ['Decision maker', 'Next owner'] }),
          checklist({ templateId: 'legal', templateName: 'Sales → Legal', missing: ['Contract PDF'] }),
        ],
        'Closed won',
      ),
    );
    expect(blockMessage(decision)).toBe(
      'Moving to "Closed won" needs: Decision maker, Next owner (Sales → Onboarding); Contract PDF (Sales → Legal).',
    );
  });

  it('says the move is on hold while the checklist is not loaded', () => {
    const message = blockMessage(blocked(gateDecision(undefined, 'Closed won')));
    expect(message).toMatch(/^Moving to "Closed won" is on hold: .*not loaded/);
  });
});

describe('badge and completeness across templates', () => {
  it('one template: its own fields, "3 of 4 required"', () => {
    expect(badgeText([checklist({ required: 4, missing: ['Next owner'] })])).toBe('3 of 4 required');
  });

  it('several templates: says it counts checklists, never adds their fields up ("5 of 16" after a complete escalation)', () => {
    const statuses = [
      checklist({ templateId: 'escalation', required: 4 }),
      checklist({ required: 6, missing: ['Next owner', 'Timeline', 'Scope'] }),
      checklist({ templateId: 'legal', required: 6, missing: ['Contract PDF', 'Signatory', 'Terms', 'Law', 'Court', 'Date'] }),
    ];
    expect(badgeText(statuses)).toBe('1 of 3 checklists complete');
    expect(isComplete(statuses)).toBe(false);
  });

  it('each template shows its own count on its tab', () => {
    expect(checklistCount(checklist({ required: 4, missing: ['Next owner'] }))).toBe('3 of 4 required');
  });

  it('is complete when no template misses anything', () => {
    const statuses = [checklist(), checklist({ templateId: 'legal', required: 2 })];
    expect(badgeText(statuses)).toBe('2 of 2 checklists complete');
    expect(isComplete(statuses)).toBe(true);
  });

  it('counts a non-gating template as incomplete too', () => {
    expect(isComplete([checklist({ gateStages: undefined, missing: ['Notes'] })])).toBe(false);
  });
});
