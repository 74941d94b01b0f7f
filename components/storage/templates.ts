import type { RecordRef } from '../../lib/record';
import { applicableTemplates } from '../../lib/checklist-status';
import type { Template } from '../../lib/template';
import type { BatonDb } from './db';

/** Adds shipped templates that are new or newer; a user's edits of the same version stay. */
export async function installTemplates(db: BatonDb, templates: Template[]): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    for (const template of templates) {
      const stored = await db.templates.get(template.id);
      if (!stored || stored.version < template.version) await db.templates.put(template);
    }
  });
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
  return db.transaction('rw', db.templates, async () => {
    const stored = await db.templates.get(template.id);
    if (stored && stored.version > template.version) {
      throw new Error(`"${stored.name}" version ${stored.version} is installed; this file holds the older version ${template.version}.`);
    }
    await db.templates.put(template);
    return { replaced: stored };
  });
}
