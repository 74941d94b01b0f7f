import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Receipt, Revision, StoredHandoff } from '../../lib/stored';
import type { Template } from '../../lib/template';

// Opened only in extension-origin contexts (background, panel, extension pages): IndexedDB
// opened from a content script would belong to the CRM's origin.

export type HandoffKey = [host: string, objectType: string, recordId: string, templateId: string];

export class BatonDb extends Dexie {
  templates!: EntityTable<Template, 'id'>;
  handoffs!: Table<StoredHandoff, HandoffKey>;
  revisions!: EntityTable<Revision, 'id'>;
  receipts!: Table<Receipt, HandoffKey>;
  /** Every version of every template Baton has held: a handoff keeps the version it started on. */
  templateVersions!: Table<Template, [id: string, version: number]>;

  constructor(name = 'baton') {
    super(name);
    this.version(1).stores({
      templates: 'id',
      handoffs: '[host+objectType+recordId+templateId], [host+objectType+recordId], updatedAt',
      revisions: '++id, [host+objectType+recordId+templateId+field], [host+objectType+recordId+templateId], at',
    });
    // v2: the next owner's receipts (issue: incoming context). Additive: no data moves.
    this.version(2).stores({
      receipts: '[host+objectType+recordId+templateId], updatedAt',
    });
    // v4: template versions (issue 12). The templates held today become the first kept
    // versions, so the handoffs started on them stay on them when a newer one arrives.
    this.version(4)
      .stores({ templateVersions: '[id+version], id' })
      .upgrade(async (tx) => {
        await tx.table('templateVersions').bulkPut(await tx.table('templates').toArray());
      });
  }
}

let shared: BatonDb | undefined;

/** The one database of this context, opened on first use. */
export function batonDb(): BatonDb {
  shared ??= new BatonDb();
  return shared;
}
