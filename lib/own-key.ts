/**
 * A record's entry by its own key only. Field ids are chosen by template authors, and one
 * named like a member every object inherits ("constructor", "toString") would otherwise read
 * Object.prototype's function where no value was typed.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
