import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BatonDb } from '../../components/storage/db';
import { useTestDb } from './test-db';
import { importTemplate, installTemplates } from '../../components/storage/templates';
import { effectiveSetting, managedTemplateIds, ManagedPolicySchema, parseManagedPolicy } from '../../lib/managed-policy';
import { FieldSchema, HOST_TARGET, TemplateSchema, type Template } from '../../lib/template';
import { salesToOnboarding } from './helpers';

const local = salesToOnboarding();
const { ownerField: _owner, ...ownerless } = local;
const managed: Template = { ...ownerless, name: 'Sales → Onboarding (company)', version: 1, fields: local.fields.slice(0, 2) };

describe('managed policy', () => {
  it('keeps the valid templates of a policy and leaves out the one that does not parse', () => {
    const policy = parseManagedPolicy({ teamServer: 'https://baton.example.com', templates: [managed, { id: 'broken' }], aiProvider: 'sometimes' });
    expect(policy).toEqual({ teamServer: 'https://baton.example.com', templates: [managed] });
    expect([...managedTemplateIds(policy)]).toEqual([local.id]);
  });

  it('a managed value wins over the local one and is locked; an unmanaged one is the local value', () => {
    expect(effectiveSetting('https://mine.example', 'https://org.example')).toEqual({ value: 'https://org.example', locked: true });
    expect(effectiveSetting('https://mine.example', undefined)).toEqual({ value: 'https://mine.example', locked: false });
  });

  it('the Chrome managed_schema names every key the policy parser reads, and every template and field key', () => {
    const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8'));
    const keys = (object: { properties: object }) => Object.keys(object.properties).sort();
    const template = schema.properties.templates.items;
    expect(keys(schema)).toEqual(Object.keys(ManagedPolicySchema.shape).sort());
    expect(keys(template)).toEqual(Object.keys(TemplateSchema.shape).sort());
    expect(keys(template.properties.fields.items)).toEqual(Object.keys(FieldSchema.shape).sort());
    expect(keys(template.properties.appliesTo.items)).toEqual(Object.keys(HOST_TARGET.shape).sort());
  });
});

describe('managed templates in the store', () => {
  let db: BatonDb;
  useTestDb([], (opened) => (db = opened));

  it('replace a local template even when the local version number is higher', async () => {
    await importTemplate(db, { ...local, version: 7 });
    await installTemplates(db, [managed], { force: true });
    expect(await db.templates.get(local.id)).toEqual(managed);
    // Installing the same policy again changes nothing.
    await installTemplates(db, [managed], { force: true });
    expect(await db.templateVersions.where('id').equals(local.id).count()).toBe(2);
  });

  it('shipped or team templates do not replace a newer local version', async () => {
    await importTemplate(db, { ...local, version: 7 });
    await installTemplates(db, [managed]);
    expect((await db.templates.get(local.id))?.version).toBe(7);
  });
});
