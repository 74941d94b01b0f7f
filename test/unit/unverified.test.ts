import { describe, expect, it } from 'vitest';
import { stageSighting, unverifiedMove } from '../../lib/unverified';
import { missingFields, unverifiedHeadline } from '../../components/words/checklist-words';
import { checklist } from './helpers';

describe('unverifiedMove', () => {
  it('flags a record shown in "Closed won" while its handoff misses fields', () => {
    const incomplete = checklist({ missing: ['Client goals', 'Next owner'] });
    const move = unverifiedMove([incomplete], 'Closed won');
    expect(move).toEqual({ stage: 'Closed won', blockers: [incomplete] });
    expect(unverifiedHeadline(move!)).toBe('Moved to “Closed won” without a complete handoff');
    expect(missingFields(move!.blockers)).toBe('Client goals, Next owner (Sales → Onboarding)');
  });

  it('matches the stage as the gate does, whatever the case and spacing', () => {
    expect(unverifiedMove([checklist({ missing: ['Scope'] })], '  CLOSED\n won ')).toBeDefined();
  });

  it('says nothing of a stage no checklist gates', () => {
    expect(unverifiedMove([checklist({ missing: ['Scope'] })], 'Contract sent')).toBeUndefined();
  });

  it('says nothing once the checklist is complete', () => {
    expect(unverifiedMove([checklist()], 'Closed won')).toBeUndefined();
  });

  it('says nothing while the checklist or the stage is unknown', () => {
    expect(unverifiedMove(undefined, 'Closed won')).toBeUndefined();
    expect(unverifiedMove([checklist({ missing: ['Scope'] })], undefined)).toBeUndefined();
  });

  it('never flags a move Baton saw complete in that stage, even after a field was emptied', () => {
    const emptiedLater = checklist({ missing: ['Scope'], verifiedStage: 'Closed won' });
    expect(unverifiedMove([emptiedLater], 'closed won')).toBeUndefined();
  });

  it('flags the record again in another gated stage than the one verified', () => {
    const other = checklist({ gateStages: 'closed won|onboarding', missing: ['Scope'], verifiedStage: 'Closed won' });
    expect(unverifiedMove([other], 'Onboarding')?.blockers).toEqual([other]);
  });

  it('names only the checklists that gate the stage and are incomplete', () => {
    const gating = checklist({ missing: ['Scope'] });
    const notGating = checklist({ templateId: 'other', gateStages: 'delivery', missing: ['Risks'] });
    const complete = checklist({ templateId: 'done' });
    expect(unverifiedMove([gating, notGating, complete], 'Closed won')?.blockers).toEqual([gating]);
  });
});

describe('stageSighting', () => {
  it('is unverified for an incomplete record in a gated stage', () => {
    expect(stageSighting([checklist({ missing: ['Scope'] })], 'Closed won')).toBe('unverified');
  });

  it('is verified for a complete record in a gated stage not yet recorded as verified', () => {
    expect(stageSighting([checklist()], 'Closed won')).toBe('verified');
  });

  it('is nothing once recorded, and nothing in a stage no checklist gates', () => {
    expect(stageSighting([checklist({ verifiedStage: 'Closed won' })], 'Closed won')).toBeUndefined();
    expect(stageSighting([checklist({ missing: ['Scope'] })], 'Contract sent')).toBeUndefined();
  });
});
