import { normalizeStage } from '../gate';
import { patternProblem } from '../safe-pattern';

// A gate is stored as one case-insensitive regular expression (HOST_TARGET.gateStages), which an
// operations lead should never have to write. The editor shows it as a list of terms: a stage
// label picked from those Baton has seen (matches that label only), free text (matches any
// label containing it), or, for a template written by hand, the raw pattern kept as it was.

export type GateTerm =
  | { kind: 'label'; text: string }
  | { kind: 'contains'; text: string }
  /** Any stage holding one of these as a whole word ("\\b(onboarding|kickoff)\\b", the built-in templates' style). */
  | { kind: 'words'; words: string[] }
  | { kind: 'pattern'; source: string };

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** A regex alternative that is nothing but literal characters (specials escaped). */
const LITERAL = /^(?:[^.*+?^${}()|[\]\\]|\\[.*+?^${}()|[\]\\])*$/;

export function escapeRegex(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

function unescapeRegex(source: string): string {
  return source.replace(/\\(.)/g, '$1');
}

export function termSource(term: GateTerm): string {
  if (term.kind === 'pattern') return term.source;
  if (term.kind === 'words') {
    const words = term.words.map((word) => escapeRegex(normalizeStage(word)));
    return words.length === 1 ? `\\b${words[0]}\\b` : `\\b(${words.join('|')})\\b`;
  }
  const literal = escapeRegex(normalizeStage(term.text));
  return term.kind === 'label' ? `^${literal}$` : literal;
}

/** The terms as the template's gateStages; undefined when there are none (no gate). */
export function gateSource(terms: GateTerm[]): string | undefined {
  const sources = terms.map(termSource).filter((source) => source !== '' && source !== '^$');
  return sources.length > 0 ? sources.join('|') : undefined;
}

/** Splits a stored gate into terms; joined again by gateSource it is the same string. */
export function gateTerms(source: string | undefined): GateTerm[] {
  if (!source) return [];
  return topLevelAlternatives(source).map((alternative): GateTerm => {
    const exact = /^\^(.*)\$$/.exec(alternative);
    if (exact && LITERAL.test(exact[1]!)) return { kind: 'label', text: unescapeRegex(exact[1]!) };
    if (LITERAL.test(alternative) && alternative !== '') return { kind: 'contains', text: unescapeRegex(alternative) };
    const words = wholeWords(alternative);
    return words ? { kind: 'words', words } : { kind: 'pattern', source: alternative };
  });
}

/** "\\b(a|b c)\\b" or "\\bword\\b" -> the literal words; undefined for any other pattern. */
function wholeWords(source: string): string[] | undefined {
  const match = /^\\b(?:\((.*)\)|(.*))\\b$/.exec(source);
  const inner = match?.[1] ?? match?.[2];
  if (inner === undefined) return undefined;
  const words = topLevelAlternatives(inner);
  return words.every((word) => word !== '' && LITERAL.test(word)) ? words.map(unescapeRegex) : undefined;
}

/**
 * Typed stage text that reads as a regular expression ("\\b(escalated|urgent)\\b", "won|lost"):
 * the editor takes typed text literally, so it says so and offers the stages it names instead.
 * Undefined for ordinary text, and for a pattern that names no plain stages.
 */
export function stagesInPattern(typed: string): GateTerm[] | undefined {
  const text = typed.trim();
  if (!/\\[bdswBDSW.]|[|^$*+?()[\]]/.test(text)) return undefined;
  if (patternProblem(text)) return undefined;
  try {
    new RegExp(text, 'i');
  } catch {
    return undefined;
  }
  const terms = gateTerms(text);
  return terms.every((term) => term.kind !== 'pattern') ? terms : undefined;
}

/** "a|(b|c)|d" -> ["a", "(b|c)", "d"]: bars inside groups and classes belong to their group. */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** Which of the known labels the gate would stop, as the guard judges them (lib/gate.ts). */
export function matchingLabels(terms: GateTerm[], known: readonly string[]): string[] {
  const source = gateSource(terms);
  // The preview runs on every edit, before the schema refuses the gate: a pattern that could
  // backtrack for seconds is not run at all (the problem under the gate says why).
  if (!source || patternProblem(source)) return [];
  let gate: RegExp;
  try {
    gate = new RegExp(source, 'i');
  } catch {
    return [];
  }
  return known.filter((label) => gate.test(normalizeStage(label)));
}
