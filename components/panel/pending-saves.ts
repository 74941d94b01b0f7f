import * as z from 'zod/mini';
import { SaveFieldSchema, type SaveField } from '../../lib/message-schemas';
import { recordLabel, type RecordRef } from '../../lib/record';

// Keystrokes the worker has not yet confirmed. An update or a switch off of the extension
// destroys this panel with its messages still on their way ("abcdefghijklmnopq" was stored
// as "abc"): each keystroke is first written here, synchronously, so the panel that the new
// script's dock opens sends it again. localStorage of the extension's origin, partitioned
// like the panel itself by the host site, so the next panel in the same tab reads it.

const PREFIX = 'baton.unsaved:';

const PendingSchema = z.object({ input: SaveFieldSchema, label: z.string() });
export type PendingSave = z.infer<typeof PendingSchema>;

const keyOf = (input: Pick<SaveField, 'ref' | 'templateId' | 'fieldId'>) => `${PREFIX}${recordLabel(input.ref)}/${input.templateId}/${input.fieldId}`;

/** Holds the newest keystroke of a field until it is saved. */
export function holdUnsaved(input: SaveField, label: string): void {
  try {
    localStorage.setItem(keyOf(input), JSON.stringify({ input, label }));
  } catch {
    // No storage here (a browser that refuses it to framed extension pages): the keystroke
    // is still sent; only this safety net is missing.
  }
}

/** The keystroke was saved: forget it, unless a newer one of the same field is held. */
export function releaseSaved(input: SaveField): void {
  const held = read(keyOf(input));
  if (held && held.input.typedAt <= input.typedAt) localStorage.removeItem(keyOf(input));
}

/** Keystrokes of this record and template that an earlier panel did not see saved. */
export function unsavedOf(ref: RecordRef, templateId: string): PendingSave[] {
  let keys: string[];
  try {
    keys = Object.keys(localStorage);
  } catch {
    return [];
  }
  const prefix = `${PREFIX}${recordLabel(ref)}/${templateId}/`;
  return keys.filter((key) => key.startsWith(prefix)).flatMap((key) => read(key) ?? []);
}

function read(key: string): PendingSave | undefined {
  try {
    const result = PendingSchema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
