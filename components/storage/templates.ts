import type { RecordRef } from '../../lib/record';
import { applicableTemplates } from '../../lib/checklist-status';
import type { Template } from '../../lib/template';
import type { BatonDb } from './db';

/**
 * Keeps this version and makes it the template's current one unless a newer one is current.
 * `force`: the current one whatever its number (an organization's managed template wins).
 */
async function keepVersion(db: BatonDb, template: Template, force = false): Promise<void> {
  await db.templateVersions.put(template);
  const stored = await db.templates.get(template.id);
  if (force || !stored || stored.version <= template.version) await db.templates.put(template);
}

/** Adds shipped (or team- or organization-published) templates that are new or newer. */
export async function installTemplates(db: BatonDb, templates: Template[], { force = false } = {}): Promise<void> {
  await db.transaction('rw', db.templates, db.templateVersions, async () => {
    for (const template of templates) {
      const stored = await db.templates.get(template.id);
      if (force ? !sameTemplate(stored, template) : !stored || stored.version < template.version) await keepVersion(db, template, force);
    }
  });
}

function sameTemplate(a: Template | undefined, b: Template): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Templates that apply to records of this kind, those that gate a stage first. */
export async function templatesFor(db: BatonDb, ref: RecordRef): Promise<Template[]> {
  return applicableTemplates(await db.templates.toArray(), ref);
}

/**
 * Stores a template the user imported (already parsed by the schema). A newer version of the
 * same template is never replaced by an older one.
 */
export async function importTemplate(db: BatonDb, template: Template): Promise<{ replaced?: Template }> {
  return db.transaction('rw', db.templates, db.templateVersions, async () => {
    const stored = await db.templates.get(template.id);
    if (stored && stored.version > template.version) {
      throw new Error(`"${stored.name}" version ${stored.version} is installed; this file holds the older version ${template.version}.`);
    }
    await keepVersion(db, template);
    return { replaced: stored };
  });
}

/** The number the next save of this template gets: one past every version Baton has held. */
export async function nextVersion(db: BatonDb, templateId: string): Promise<number> {
  const versions = await db.templateVersions.where('id').equals(templateId).toArray();
  const current = await db.templates.get(templateId);
  return Math.max(0, current?.version ?? 0, ...versions.map((template) => template.version)) + 1;
}

/**
 * Saves an edit as a new version (every save is one); throws if someone saved the same
 * number meanwhile (another tab of the editor), so neither save is lost silently.
 */
export async function saveNewVersion(db: BatonDb, template: Template): Promise<void> {
  await db.transaction('rw', db.templates, db.templateVersions, async () => {
    if (await db.templateVersions.get([template.id, template.version])) {
      throw new Error(`Version ${template.version} of "${template.name}" was saved meanwhile; reopen the template.`);
    }
    await keepVersion(db, template);
  });
}
