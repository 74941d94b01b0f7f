import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../lib/safe-pattern';
import { TemplateSchema } from '../../lib/template';
import { defaultTemplates } from '../../lib/default-templates';

// Patterns that backtrack exponentially (or with a large polynomial) on some inputs: V8 has no
// linear-time engine, so one of these in a template hangs the worker or the CRM tab.
const CATASTROPHIC = ['^(a+)+$', '(a|a)+$', '(a|aa)+', '(.*a){12}', '(a*)*b', '(\\w+\\s?)+$', '^(\\d+)*$', '(x+x+)+y', '(a?){20}a{20}', '((ab|a)c?)+$'];

// What the built-in templates, the tests and the fixtures use, and ordinary shapes a lead writes.
const ORDINARY = [
  '^(?!.*\\s(and|&)\\s)[^,;/+&]+$',
  '@example\\.com$',
  '\\b(in progress|delivery|active)\\b',
  '^won$|closed won',
  '(?:^Closed won$)|(?:enterprise)',
  '^[A-Za-z][-A-Za-z0-9.:_]*$',
  '^[^#]*#?$',
  '^https://developer.mozilla.org/docs/',
  '\\d{4}-\\d{2}-\\d{2}',
  '^(https?://)?[a-z.]+$',
  '^(\\d{2}-){3}\\d{2}$',
  '^(ab|cd)+$',
  '^(?:[a-z]|-)+$',
  '(?<=x)y',
];

describe('patterns that could hang a tab', () => {
  it.each(CATASTROPHIC)('refuses %s', (source) => {
    expect(patternProblem(source)).toMatch(/exponential time/);
  });

  it.each(ORDINARY)('accepts %s', (source) => {
    expect(patternProblem(source)).toBeUndefined();
  });

  it('says what to do, not just that it is wrong', () => {
    expect(patternProblem('^(a+)+$')).toMatch(/simplify/i);
    expect(patternProblem('(a|aa)+')).toMatch(/alternatives/);
    expect(patternProblem('(')).toMatch(/not a valid regular expression/);
  });

  it('checks each pattern in well under a millisecond', () => {
    const sources = [...CATASTROPHIC, ...ORDINARY];
    for (const source of sources) patternProblem(source);
    const rounds = 200;
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const source of sources) patternProblem(source);
    const microseconds = ((performance.now() - started) * 1000) / (rounds * sources.length);
    console.info(`safe-pattern check: ${microseconds.toFixed(1)} µs per pattern`);
    expect(microseconds).toBeLessThan(1000);
  });
});

describe('templates refuse a catastrophic pattern', () => {
  const base = {
    id: 'risky',
    name: 'Risky',
    version: 1,
    appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: 'closed won' }],
    fields: [{ id: 'owner', label: 'Owner', kind: 'text', pattern: '^[a-z]+$' }],
  };

  it('in a field pattern, naming the field', () => {
    const parsed = TemplateSchema.safeParse({ ...base, fields: [{ ...base.fields[0], pattern: '^(a+)+$' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['fields', 0, 'pattern'], message: expect.stringMatching(/^Field pattern: .*exponential time/) }),
    ]);
  });

  it('in a gate', () => {
    const parsed = TemplateSchema.safeParse({ ...base, appliesTo: [{ host: 'hubspot', objectType: 'deal', gateStages: '(won|wo)+$' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['appliesTo', 0, 'gateStages'], message: expect.stringMatching(/^Guarded stages: .*exponential time/) }),
    ]);
  });

  it('while every built-in template still parses', () => {
    expect(TemplateSchema.safeParse(base).success).toBe(true);
    for (const template of defaultTemplates()) expect(TemplateSchema.safeParse(template).success).toBe(true);
  });
});
