import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Receipt, Revision, StoredHandoff, TemplateChoice } from '../../lib/stored';
import type { Template } from '../../lib/template';
import type { FieldSeq, OutboxEntry, SyncMeta, SyncedBrief } from '../../lib/sync/local-sync';
import type { VaultEntry } from './vault';

// Opened only in extension-origin contexts (background, panel, extension pages): IndexedDB
// opened from a content script would belong to the CRM's origin.

export type HandoffKey = [host: string, objectType: string, recordId: string, templateId: string];

export class BatonDb extends Dexie {
  templates!: EntityTable<Template, 'id'>;
  handoffs!: Table<StoredHandoff, HandoffKey>;
  revisions!: EntityTable<Revision, 'id'>;
  receipts!: Table<Receipt, HandoffKey>;
  outbox!: EntityTable<OutboxEntry, 'order'>;
  syncMeta!: Table<SyncMeta, SyncMeta['key']>;
  fieldSeqs!: Table<FieldSeq, [...HandoffKey, string]>;
  syncedBriefs!: EntityTable<SyncedBrief, 'id'>;
  /** Every version of every template Baton has held: a handoff keeps the version it started on. */
  templateVersions!: Table<Template, [id: string, version: number]>;
  /** The template each record is handed off with, once someone picked one. */
  templateChoices!: Table<TemplateChoice, [host: string, objectType: string, recordId: string]>;
  /** The team connection (its token) and the AI key: here, not in storage.local, which CRM tabs' content scripts can read. */
  vault!: Table<VaultEntry, VaultEntry['key']>;

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
    // v3: team sync (issue 9). The outbox of changes not yet on the server, the pull cursor and
    // connection mirror, the server sequence of each field's value (a push's baseSeq), and the
    // briefs teammates sent, found by the records they link. Additive: no data moves.
    this.version(3).stores({
      outbox: '++order, &id',
      syncMeta: 'key',
      fieldSeqs: '[host+objectType+recordId+templateId+field]',
      syncedBriefs: 'id, *linked',
    });
    // v4: template versions (issue 12). The templates held today become the first kept
    // versions, so the handoffs started on them stay on them when a newer one arrives.
    this.version(4)
      .stores({ templateVersions: '[id+version], id' })
      .upgrade(async (tx) => {
        await tx.table('templateVersions').bulkPut(await tx.table('templates').toArray());
      });
    // v5: the template a record is handed off with (issue 9: synced with the team), kept per
    // record rather than in the panel's memory. Additive: no data moves.
    this.version(5).stores({ templateChoices: '[host+objectType+recordId]' });
    // v6: secrets out of storage.local (issue 21). Additive; the worker moves the old values
    // in on start (move-secrets.ts), since they were never in IndexedDB.
    this.version(6).stores({ vault: 'key' });
  }
}

let shared: BatonDb | undefined;

/** The one database of this context, opened on first use. */
export function batonDb(): BatonDb {
  shared ??= new BatonDb();
  return shared;
}
