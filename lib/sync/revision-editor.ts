// Who wrote a revision log entry. An entry a pull brings carries the writer's email as its
// editor, tagged so that a local panel's editor id is never read as an email.

const TEAM_TAG = 'team:';
/** RevisionSchema keeps at most this many characters of an editor. */
const MAX_EDITOR_LENGTH = 64;

/** The editor of an entry the team server relayed from `by`. */
export function teamEditor(by: string): string {
  return `${TEAM_TAG}${by}`.slice(0, MAX_EDITOR_LENGTH);
}

/** The teammate who wrote an entry; undefined for entries typed here or written by `me` (the connected member). */
export function teammateOf(editor: string | undefined, me: string | undefined): string | undefined {
  if (!editor?.startsWith(TEAM_TAG) || (me !== undefined && editor === teamEditor(me))) return undefined;
  return editor.slice(TEAM_TAG.length);
}
