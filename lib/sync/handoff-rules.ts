import type { Role } from './roles';
import type { Change } from './schemas';

// Who may change what of one handoff. The server asks here for every pushed change, with the
// caller read from their token (never from text in the change) and the handoff's facts read from
// its own tables. A demanding team's rules:
// - the sender (the first to write the handoff) and the team's leads fill its checklist, mark it
//   ready and send it; a teammate who is neither is refused. A draft a lead started is the first
//   rep's who writes in it (leads prepare records for their reps), until it is sent;
// - only the next owner the handoff names (by email) or a lead accepts or sends it back, and never
//   its sender, lead or not: nobody signs off their own handoff;
// - the record's title and link are the sender's report of their page (see titleFrom).
// Stage moves and template choices are reports of what a member's own browser saw or picked:
// every member may push them, attributed to their account. The same rules, in words, are in
// README (Security model) and under sync.rules in locales/en.yml.

export interface Actor {
  email: string;
  role: Role;
}

export interface HandoffFacts {
  /** Email of the member who started the handoff; undefined if nobody has written it yet. */
  sender?: string;
  /** The sender is a lead or admin (a draft of theirs passes to the first rep who writes it). */
  senderIsLead?: boolean;
  /** The handoff has been sent (or answered): it no longer changes hands. */
  sent?: boolean;
  /** What the handoff's next-owner field says now (free text that may hold an email). */
  nextOwner?: string;
}

/** `adopts`: the writer becomes the handoff's sender (a lead's draft taken up by a rep). */
export type RuleOutcome = { ok: true; adopts?: boolean } | { ok: false; reason: string };

export function mayChange(change: Change, actor: Actor, facts: HandoffFacts): RuleOutcome {
  switch (change.kind) {
    case 'field':
    case 'state':
    case 'briefSent':
      return mayWrite(actor, facts);
    case 'receipt':
      return mayAnswer(actor, facts);
    case 'templateChoice':
    case 'move':
      return { ok: true };
  }
}

/** A new handoff is the writer's own; an existing one, its sender's and the leads'. */
function mayWrite(actor: Actor, facts: HandoffFacts): RuleOutcome {
  if (facts.sender === undefined || sameEmail(facts.sender, actor.email) || isLead(actor)) return { ok: true };
  if (facts.senderIsLead && !facts.sent) return { ok: true, adopts: true };
  return refuse(`this handoff is ${facts.sender}'s: only they or a lead can change its checklist or send it`);
}

function mayAnswer(actor: Actor, facts: HandoffFacts): RuleOutcome {
  // Nobody has written it: there is nothing sent to answer, which the state machine says.
  if (facts.sender === undefined) return { ok: true };
  if (sameEmail(facts.sender, actor.email)) {
    return refuse('you sent this handoff: its next owner or a lead accepts it or sends it back');
  }
  if (isLead(actor) || namesPerson(facts.nextOwner, actor.email)) return { ok: true };
  const named = emailsIn(facts.nextOwner ?? '');
  if (named.length > 0) return refuse(`this handoff is for ${named.join(', ')}: only they or a lead can accept it or send it back`);
  return refuse('this handoff names no next owner by email: only a lead can accept it or send it back until its sender writes their email');
}

/** Whether the title and link of a change should replace what the server holds. */
export function titleFrom(actor: Actor, facts: HandoffFacts, adopts = false): boolean {
  return adopts || facts.sender === undefined || sameEmail(facts.sender, actor.email);
}

/** True when the next-owner text holds this email address as a whole ("Dana <dana@a.test>" names dana@a.test). */
export function namesPerson(nextOwner: string | undefined, email: string): boolean {
  return emailsIn(nextOwner ?? '').some((named) => sameEmail(named, email));
}

/** Checked word by word, each at most an email's length: a 50,000-character value costs one pass. */
const EMAIL_WORD = /^[^@]+@[^@.]+(\.[^@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;

function emailsIn(text: string): string[] {
  return text
    .split(/[\s<>(),;"']+/)
    .filter((word) => word.length <= MAX_EMAIL_LENGTH && EMAIL_WORD.test(word))
    .map((word) => word.toLowerCase());
}

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function isLead(actor: Actor): boolean {
  return actor.role === 'lead' || actor.role === 'admin';
}

function refuse(reason: string): RuleOutcome {
  return { ok: false, reason };
}
