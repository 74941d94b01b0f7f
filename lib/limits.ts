/** No field value may be longer, whatever its template says: a draft is one IndexedDB row and one message. */
export const HARD_MAX_LENGTH = 50_000;
