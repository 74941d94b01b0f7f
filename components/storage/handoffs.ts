import Dexie from 'dexie';
import { applicableTemplates, checklistStatus, type Handoff } from '../../lib/checklist-status';
import type { ChecklistStatus } from '../../lib/gate';
import type { RecordStatus, SaveField, StageSighting } from '../../lib/message-schemas';
import type { Template } from '../../lib/template';
import { ownEntry } from '../../lib/own-key';
import { recordLabel, type RecordRef } from '../../lib/record';
import { TYPING_BURST_MS, type StoredHandoff } from '../../lib/stored';
import { stageSighting } from '../../lib/unverified';
import { completeness } from '../../lib/completeness';
import { completenessChange, fieldChange, handoffOf, moveChange } from '../../lib/sync/local-changes';
import { knownSeq, newStamp, outboxTables, queueChanges, queueFieldChange } from '../sync/outbox';
import type { BatonDb, HandoffKey } from './db';
import { templatesFor } from './templates';
import { carryValues, renamedIds } from '../../lib/template-editor/template-changes';

export function handoffKey(ref: RecordRef, templateId: string): HandoffKey {
  return [ref.host, ref.objectType, ref.recordId, templateId];
}

const versionKey = (id: string, version: number) => `${id}\n${version}`;

/**
 * The older template versions these drafts were started on, read in one query. A draft stays
 * on its version until the rep opts in to the current one; a version Baton no longer holds
 * (a draft from before versions were kept) reads as the current one.
 */
async function keptVersions(db: BatonDb, drafts: StoredHandoff[], current: Template[]): Promise<Map<string, Template>> {
  const currentVersion = new Map(current.map((template) => [template.id, template.version]));
  const keys = drafts
    .filter((draft) => currentVersion.has(draft.templateId) && currentVersion.get(draft.templateId) !== draft.templateVersion)
    .map((draft): [string, number] => [draft.templateId, draft.templateVersion]);
  const found = await db.templateVersions.bulkGet(keys);
  return new Map(found.filter((template) => template !== undefined).map((template) => [versionKey(template.id, template.version), template]));
}

/** The template a draft is judged by: the version it is on, and the current one if that is newer. */
function draftTemplate(current: Template, draft: StoredHandoff | undefined, kept: Map<string, Template>): Pick<Handoff, 'template' | 'newer'> {
  const older = draft ? kept.get(versionKey(draft.templateId, draft.templateVersion)) : undefined;
  return older ? { template: older, newer: current } : { template: current };
}

/** Each applicable template with what was typed into it for this record. */
export async function recordHandoffs(db: BatonDb, ref: RecordRef): Promise<Handoff[]> {
  return db.transaction('r', db.templates, db.templateVersions, db.handoffs, async () => {
    const templates = await templatesFor(db, ref);
    const drafts = await db.handoffs.where('[host+objectType+recordId]').equals([ref.host, ref.objectType, ref.recordId]).toArray();
    const kept = await keptVersions(db, drafts, templates);
    return templates.map((template) => {
      const stored = drafts.find((draft) => draft.templateId === template.id);
      return { ...draftTemplate(template, stored, kept), values: stored?.values ?? {}, verifiedStage: stored?.verifiedStage };
    });
  });
}

/** Every local handoff on this template, each with the version it is on (the editor counts what a new version would change). */
export async function templateHandoffs(db: BatonDb, templateId: string): Promise<Pick<Handoff, 'template' | 'values'>[]> {
  return db.transaction('r', db.templates, db.templateVersions, db.handoffs, async () => {
    const current = await db.templates.get(templateId);
    if (!current) return [];
    const drafts = await db.handoffs.filter((draft) => draft.templateId === templateId).toArray();
    const kept = await keptVersions(db, drafts, [current]);
    return drafts.map((draft) => ({ template: draftTemplate(current, draft, kept).template, values: draft.values }));
  });
}

/** The rep opts in: the record's handoff moves to the template's current version. */
export async function adoptCurrentVersion(db: BatonDb, ref: RecordRef, templateId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.templates, db.templateVersions, db.handoffs, db.revisions, ...outboxTables(db)], async () => {
    const current = await db.templates.get(templateId);
    if (!current) throw new Error(`No template "${templateId}"`);
    const key = handoffKey(ref, templateId);
    const stored = await db.handoffs.get(key);
    const from = stored ? await db.templateVersions.get([templateId, stored.templateVersion]) : undefined;
    const renamed = stored && from ? renamedIds(from, current) : new Map<string, string>();
    if (!stored || renamed.size === 0) {
      await db.handoffs.update(key, { templateVersion: current.version, updatedAt: now });
      return;
    }
    // A renamed field keeps what was typed in it and its history, under its new id.
    const typedAt = { ...stored.typedAt };
    for (const [oldId, newId] of renamed) {
      if (!Object.hasOwn(typedAt, oldId)) continue;
      typedAt[newId] = typedAt[oldId]!;
      delete typedAt[oldId];
    }
    const values = carryValues(stored.values, from!, current);
    await db.handoffs.put({ ...stored, templateVersion: current.version, values, typedAt, updatedAt: now });
    for (const [oldId, newId] of renamed) {
      await db.revisions.where('[host+objectType+recordId+templateId+field]').equals([...key, oldId]).modify({ field: newId });
      const value = ownEntry(stored.values, oldId);
      // The team hears the answer under its new id, as if the rep had typed it there.
      if (value !== undefined) {
        const edit = { ref, templateId, fieldId: newId, value, typedAt: now, recordTitle: stored.recordTitle, recordUrl: stored.recordUrl };
        await queueFieldChange(db, fieldChange(edit, await knownSeq(db, handoffOf(ref, templateId), newId), newStamp(now)), now);
      }
    }
  });
}

/** What the content script's guard and badge need, computed here so it never loads templates. */
export async function recordStatus(db: BatonDb, ref: RecordRef): Promise<RecordStatus> {
  const [status] = await recordStatuses(db, [ref]);
  return status!;
}

/**
 * The status of many records (a board or a list) in one read: one query for their drafts,
 * one for the templates, however many records there are.
 */
export async function recordStatuses(db: BatonDb, refs: RecordRef[]): Promise<RecordStatus[]> {
  // Taken as the read starts: a read that starts later sees every write this one saw.
  // Sub-millisecond, so two reads in the same millisecond are still ordered.
  const asOf = performance.timeOrigin + performance.now();
  return db.transaction('r', db.templates, db.templateVersions, db.handoffs, async () => {
    const templates = await db.templates.toArray();
    const drafts = await draftsOf(db, refs);
    const kept = await keptVersions(db, drafts, templates);
    const draftsByRecord = new Map<string, StoredHandoff[]>();
    for (const draft of drafts) draftsByRecord.set(recordLabel(draft), [...(draftsByRecord.get(recordLabel(draft)) ?? []), draft]);
    // A board holds records of one kind, most with nothing typed yet: their templates and
    // their empty checklists are worked out once per kind, not once per record.
    const untouched = new Map<string, { applicable: Template[]; empty: ChecklistStatus[] }>();
    const forKind = (ref: RecordRef) => {
      const kind = `${ref.host}/${ref.objectType}`;
      let known = untouched.get(kind);
      if (!known) untouched.set(kind, (known = untouchedOfKind(templates, ref)));
      return known;
    };
    return refs.map((ref) => {
      const { applicable, empty } = forKind(ref);
      const stored = draftsByRecord.get(recordLabel(ref));
      if (!stored) return { ref, started: false, asOf, checklists: empty };
      const checklists = applicable.map((template) => {
        const draft = stored.find((candidate) => candidate.templateId === template.id);
        return checklistStatus({ ...draftTemplate(template, draft, kept), values: draft?.values ?? {}, verifiedStage: draft?.verifiedStage }, ref);
      });
      const started = stored.some((draft) => Object.values(draft.values).some((value) => value.trim() !== ''));
      return { ref, started, asOf, checklists };
    });
  });
}

/** The templates that apply to records of this record's kind, and their checklists with nothing typed. */
function untouchedOfKind(templates: Template[], ref: RecordRef): { applicable: Template[]; empty: ChecklistStatus[] } {
  const applicable = applicableTemplates(templates, ref);
  return { applicable, empty: applicable.map((template) => checklistStatus({ template, values: {} }, ref)) };
}

/**
 * What a board or list opening needs to badge any record of its kind without asking again:
 * the status of every record of the kind with a stored handoff, and the checklists of one with
 * none, read in one transaction. Undefined where the kind holds more than `max` records.
 */
export async function kindStatuses(
  db: BatonDb,
  kind: Pick<RecordRef, 'host' | 'objectType'>,
  max: number,
): Promise<{ stored: RecordStatus[]; untouched: ChecklistStatus[]; asOf: number } | undefined> {
  return db.transaction('r', db.templates, db.templateVersions, db.handoffs, async () => {
    const keys = await db.handoffs
      .where('[host+objectType+recordId]')
      .between([kind.host, kind.objectType, Dexie.minKey], [kind.host, kind.objectType, Dexie.maxKey])
      .primaryKeys();
    const recordIds = [...new Set(keys.map(([, , recordId]) => recordId))];
    if (recordIds.length > max) return undefined;
    // Taken before the statuses' own reads: never newer than what they saw.
    const asOf = performance.timeOrigin + performance.now();
    const stored = await recordStatuses(db, recordIds.map((recordId) => ({ ...kind, recordId })));
    const untouched = untouchedOfKind(await db.templates.toArray(), { ...kind, recordId: '' }).empty;
    return { stored, untouched, asOf };
  });
}

/** Below this many records, a board's read looks each one up. */
const MANY_RECORDS = 50;

/**
 * Every draft of these records. A board asks for a thousand records of one kind, most with
 * nothing typed: looking each one up walks the index a thousand times (~10–25 ms in the
 * worker), while reading every draft of that kind is one range, so that is read instead
 * whenever the kind holds no more than twice as many drafts as records asked for.
 */
async function draftsOf(db: BatonDb, refs: RecordRef[]): Promise<StoredHandoff[]> {
  const index = db.handoffs.where('[host+objectType+recordId]');
  const lookUp = () => index.anyOf(refs.map((ref) => [ref.host, ref.objectType, ref.recordId])).toArray();
  const [first] = refs;
  if (!first || refs.length < MANY_RECORDS || refs.some((ref) => ref.host !== first.host || ref.objectType !== first.objectType)) return lookUp();
  const ofKind = index.between([first.host, first.objectType, Dexie.minKey], [first.host, first.objectType, Dexie.maxKey]);
  if ((await ofKind.count()) > 2 * refs.length) return lookUp();
  const wanted = new Set(refs.map((ref) => ref.recordId));
  return (await ofKind.toArray()).filter((draft) => wanted.has(draft.recordId));
}

/**
 * Stores one field's value and logs the change, in one transaction: when this resolves the
 * keystroke is on disk. Keystrokes of one panel into the same field within TYPING_BURST_MS
 * amend the newest revision, so a typed paragraph is one entry in the log, not hundreds;
 * another panel's (another tab's) keystroke starts its own entry, so both edits stay logged.
 */
export async function saveFieldValue(db: BatonDb, input: SaveField, now = Date.now()): Promise<void> {
  const { ref, templateId, fieldId, value, typedAt, editor } = input;
  await db.transaction('rw', [db.templates, db.templateVersions, db.handoffs, db.revisions, ...outboxTables(db)], async () => {
    const current = await db.templates.get(templateId);
    if (!current) throw new Error(`No template "${templateId}"`);
    const key = handoffKey(ref, templateId);
    const stored = await db.handoffs.get(key);
    // A draft stays on the version it started on (until the rep opts in): its fields count.
    const { template } = draftTemplate(current, stored, await keptVersions(db, stored ? [stored] : [], [current]));
    if (!template.fields.some((field) => field.id === fieldId)) {
      throw new Error(`Template "${template.name}" has no field "${fieldId}"`);
    }
    const oldValue = ownEntry(stored?.values, fieldId) ?? '';
    // A keystroke overtaken by a newer one (sent later, stored first) changes nothing.
    if ((ownEntry(stored?.typedAt, fieldId) ?? -Infinity) > typedAt) return;
    // Everything else the row holds (sent time, answer, safety-net marks) stays as it was.
    const next: StoredHandoff = {
      ...stored,
      ...ref,
      templateId,
      templateVersion: template.version,
      values: { ...stored?.values, [fieldId]: value },
      typedAt: { ...stored?.typedAt, [fieldId]: typedAt },
      recordTitle: input.recordTitle ?? stored?.recordTitle,
      recordUrl: input.recordUrl ?? stored?.recordUrl,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
    };
    await db.handoffs.put(next);
    // Typing back what was there is newer than an overtaken keystroke, but no change to log.
    if (oldValue === value) return;
    await queueEdit(db, input, template, stored, next, now);
    const last = await db.revisions
      .where('[host+objectType+recordId+templateId+field]')
      .equals([...key, fieldId])
      .last();
    if (last?.id !== undefined && now - last.at < TYPING_BURST_MS && last.editor === editor) {
      await db.revisions.update(last.id, { newValue: value, at: now });
    } else {
      await db.revisions.add({ ...ref, templateId, field: fieldId, oldValue, newValue: value, startedAt: now, at: now, editor });
    }
  });
}

/** The team server hears of the edit, and of completeness crossing over, in the edit's transaction. */
async function queueEdit(db: BatonDb, input: SaveField, template: Template, before: StoredHandoff | undefined, after: StoredHandoff, now: number) {
  const handoff = handoffOf(input.ref, input.templateId);
  const baseSeq = await knownSeq(db, handoff, input.fieldId);
  await queueFieldChange(db, fieldChange({ ...input, recordTitle: after.recordTitle, recordUrl: after.recordUrl }, baseSeq, newStamp(now)), now);
  const state = completenessChange(
    handoff,
    completeness(template, before?.values ?? {}).complete,
    completeness(template, after.values).complete,
    after.sentAt !== undefined || after.answer !== undefined,
    newStamp(now),
  );
  if (state) await queueChanges(db, [state], now);
}

/**
 * Safety net: what tabs saw of records in gated stages, judged against the store (a tab's view
 * may be stale). A complete checklist in its gated stage is remembered as handed off; an
 * incomplete one gets its first sighting logged, once per stage, on a handoff row created if
 * nothing was typed yet (so the handoffs page lists it). Returns the records whose status changed.
 */
export async function recordStageSightings(db: BatonDb, sightings: StageSighting[], now = Date.now()): Promise<RecordRef[]> {
  const changed: RecordRef[] = [];
  // A few records a transaction: a long list shows a hundred or more in gated stages at once,
  // and logging them in one transaction held the handoffs for 300-450 ms, while every status
  // read and keystroke save waited behind it. Each record's log stands alone.
  for (let from = 0; from < sightings.length; from += SIGHTINGS_PER_TRANSACTION) {
    changed.push(...(await recordSightingsTogether(db, sightings.slice(from, from + SIGHTINGS_PER_TRANSACTION), now)));
  }
  return changed;
}

/** How many sightings share one transaction (see recordStageSightings). */
const SIGHTINGS_PER_TRANSACTION = 16;

async function recordSightingsTogether(db: BatonDb, sightings: StageSighting[], now: number): Promise<RecordRef[]> {
  const changed: RecordRef[] = [];
  await db.transaction('rw', [db.templates, db.templateVersions, db.handoffs, db.revisions, ...outboxTables(db)], async () => {
    for (const { ref, stage, recordTitle, recordUrl } of sightings) {
      for (const handoff of await recordHandoffs(db, ref)) {
        const status = checklistStatus(handoff, ref);
        const sighting = stageSighting([status], stage);
        if (!sighting) continue;
        const key = handoffKey(ref, handoff.template.id);
        const stored = await db.handoffs.get(key);
        if (sighting === 'verified') {
          // A complete checklist has typed values, so its row exists.
          if (stored) await db.handoffs.update(key, { verifiedStage: stage });
          changed.push(ref);
          continue;
        }
        if (stored?.unverified?.stage === stage) continue;
        const untouched: StoredHandoff = {
          ...ref,
          templateId: handoff.template.id,
          templateVersion: handoff.template.version,
          values: {},
          typedAt: {},
          recordTitle,
          recordUrl,
          createdAt: now,
          updatedAt: now,
        };
        await db.handoffs.put({ ...(stored ?? untouched), unverified: { stage, seenAt: now } });
        const missing = status.missing.map((field) => field.label);
        await db.revisions.add({ ...ref, templateId: handoff.template.id, field: '', oldValue: '', newValue: '', startedAt: now, at: now, unverifiedMove: { stage, missing } });
        await queueChanges(db, [moveChange(ref, stage, 'unverified', newStamp(now))], now);
      }
    }
  });
  return changed;
}
