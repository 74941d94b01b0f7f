import type { QualityCheck, TemplateField } from './template';

// Answer-quality checks: deterministic, no AI. They flag an answer that will not help the next
// owner; they never block a move unless the template marks the field's checks `blocking`.

/** One flag under a field: which check found what. */
export interface QualityFlag {
  check: QualityCheck;
  /** The team-membership variant of "person": shaped like a person, but not on the team. */
  notMember?: boolean;
}

/** What the panel may know beyond the answer: the team's members, when it can read them. */
export interface QualityContext {
  /** Emails (and names) of the team's members, lower case; undefined: membership is not checked. */
  members?: readonly string[];
}

/** An answer shorter than this is "short" unless the template says otherwise. */
export const DEFAULT_MIN_LENGTH = 10;

/**
 * Answers that say nothing yet, compared after lower-casing and trimming punctuation and spaces.
 * "asap" and "soon" are placeholders too: they promise no date anyone can hold.
 */
const PLACEHOLDERS = new Set([
  'tbd', 'tbc', 'tba', 'to be decided', 'to be confirmed', 'to be defined', 'to be determined',
  'n/a', 'na', 'n.a', 'none', 'nothing', 'nil', '-', '--', '?', '??', '???', '...', 'x', 'xx', 'xxx',
  'soon', 'asap', 'as soon as possible', 'later', 'shortly', 'whenever', 'eventually',
  'the usual', 'as usual', 'usual', 'same as always', 'same as before', 'standard', 'normal',
  'todo', 'to do', 'unknown', 'not sure', 'idk', "don't know", 'dont know', 'see notes', 'see above',
  'ask me', 'ask sales', 'various', 'etc', 'misc', 'test', 'placeholder',
]);

/** Marks of an unfinished answer anywhere in it: "Live by TBD", "Jane (tbc)". */
const UNFINISHED_MARK = /(^|[^a-z])(tbd|tbc|tba)([^a-z]|$)|\?\?|xxx/i;

const MONTHS = 'jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?';
const WEEKDAYS = 'mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?';
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|a few|a couple of';
const UNITS = '(business |working )?(days?|weeks?|wks?|months?|mos?|quarters?|years?|sprints?)';

/**
 * What counts as a date or a duration in a timeline. Decided:
 * - dates: 2026-03-15, 15/03, 3/15/2026, 15.03.2026, "15 March", "March", "Q2", "H1", a weekday;
 * - durations: a number (or one..twelve, "a", "a few") and a unit: "6 weeks", "two sprints";
 * - calendar periods: "next week", "next month", "next quarter", "this Friday", "end of month",
 *   "end of Q3": each names a period anyone can put in a calendar;
 * - not dates: "soon", "asap", "later", "shortly", "the usual" (nothing to hold anyone to).
 */
const DATE_OR_DURATION = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/,
  /\b\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?\b/,
  new RegExp(`\\b(${MONTHS})\\b`, 'i'),
  /\b(q[1-4]|h[12])\b/i,
  new RegExp(`\\b(${WEEKDAYS})\\b`, 'i'),
  new RegExp(`\\b(\\d+|${NUMBER_WORDS})[ -]?${UNITS}\\b`, 'i'),
  /\b(this|next|end of( the)?|within( the)?|by( the)?( end of)?( the)?) (week|month|quarter|year|sprint)\b/i,
  /\b(tomorrow|today|tonight|eow|eom|eoq|eoy)\b/i,
  /\b20\d{2}\b/,
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** One to four words of letters (any script), hyphens, apostrophes, dots: "Dana O'Neil", "J. Doe". */
const NAME = /^\p{L}[\p{L}\p{M}'’.-]*( \p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
/**
 * Words that name a group, a role or nobody ("the team", "sales", "someone"), and one-word
 * replies that are shaped like a first name but name nobody ("ok", "yes", "done").
 */
const NOT_A_PERSON = /\b(team|sales|support|onboarding|success|cs|ops|operations|delivery|department|dept|group|someone|somebody|anyone|anybody|whoever|everyone|nobody|me|us|them|we|they|it|management|manager|tbd|tbc|unknown|usual|ok|okay|k|yes|yep|no|done|fine|sure|good|same)\b/i;

const normalize = (value: string) => value.trim().toLowerCase().replace(/^[\s.,;:!]+|[\s.,;:!]+$/g, '').replace(/\s+/g, ' ');

export function isPlaceholder(value: string): boolean {
  const plain = normalize(value);
  return PLACEHOLDERS.has(plain) || UNFINISHED_MARK.test(value);
}

export function hasDateOrDuration(value: string): boolean {
  return DATE_OR_DURATION.some((pattern) => pattern.test(value));
}

export function looksLikePerson(value: string): boolean {
  const plain = value.trim().replace(/\s+/g, ' ');
  if (EMAIL.test(plain)) return true;
  return NAME.test(plain) && !NOT_A_PERSON.test(plain) && !isPlaceholder(plain);
}

/** An answer names a member when it is one's email, or holds it, or equals a member's name. */
function namesMember(value: string, members: readonly string[]): boolean {
  const plain = normalize(value);
  return members.some((member) => plain === member || plain.includes(member));
}

/**
 * The flags of one answer, in the template's order of checks. An empty answer has none:
 * "empty" is completeness' business, and a flag on a field nobody has touched helps nobody.
 */
export function qualityFlags(field: Pick<TemplateField, 'quality'>, value: string, context: QualityContext = {}): QualityFlag[] {
  const checks = field.quality?.checks ?? [];
  const answer = value.trim();
  if (answer === '' || checks.length === 0) return [];
  const flags: QualityFlag[] = [];
  for (const check of checks) {
    if (check === 'short' && answer.length < (field.quality?.minLength ?? DEFAULT_MIN_LENGTH)) flags.push({ check });
    if (check === 'placeholder' && isPlaceholder(answer)) flags.push({ check });
    if (check === 'date' && !hasDateOrDuration(answer)) flags.push({ check });
    if (check === 'person') {
      if (!looksLikePerson(answer)) flags.push({ check });
      else if (context.members && context.members.length > 0 && !namesMember(answer, context.members)) flags.push({ check, notMember: true });
    }
  }
  return flags;
}

/** The flags of every field of a template that has any, by field id. */
export function flagsByField(fields: readonly TemplateField[], values: Readonly<Record<string, string>>, context: QualityContext = {}): Map<string, QualityFlag[]> {
  const found = new Map<string, QualityFlag[]>();
  for (const field of fields) {
    const flags = qualityFlags(field, Object.hasOwn(values, field.id) ? values[field.id]! : '', context);
    if (flags.length > 0) found.set(field.id, flags);
  }
  return found;
}
