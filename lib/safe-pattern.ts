import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';

// Template patterns (a field's `pattern`, a target's `gateStages`) run in V8's backtracking
// engine, which has no time limit: `^(a+)+$` takes seconds on 26 characters and doubles with each
// one more, hanging the worker, the panel or the CRM tab (issue 21, item 8). Every such pattern
// is checked here where it arrives (the template schema), so no catastrophic one is ever stored.
//
// The check refuses the two shapes behind exponential backtracking, conservatively (a safe
// pattern of these shapes is refused too; the message says how to write it instead):
// 1. a variable-length repetition inside a repeating one: (a+)+, (a*)*b, (.*a){12}, (a?){20};
// 2. a repeated group whose alternatives can begin with the same character: (a|aa)+, (a|a)+$.
// It parses with regexpp (the ECMAScript parser ESLint uses) rather than a hand-rolled reader,
// so every construct a template may use is read as V8 reads it. Polynomial cases (\S+@\S+) pass:
// values are capped in length (HARD_MAX_LENGTH), which bounds them (README, Security model).

const NESTED =
  'can take exponential time on some inputs: it repeats a part that itself repeats, like (a+)+ or (.*a){12}. Simplify it, e.g. ^a+$ instead of ^(a+)+$.';
const OVERLAPPING =
  'can take exponential time on some inputs: it repeats alternatives that can begin with the same character, like (a|aa)+. Simplify it: give each alternative a different first character, or use one character class.';
const INVALID = 'is not a valid regular expression.';

const parser = new RegExpParser({ strict: false });

/** Why a template pattern must be refused, as the end of a sentence ("The pattern …"); undefined when it is safe. */
export function patternProblem(source: string): string | undefined {
  let pattern: AST.Pattern;
  try {
    // Templates compile without the u flag (new RegExp(source, 'i')): parse the same syntax.
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });
  } catch {
    return INVALID;
  }
  let problem: string | undefined;
  visitRegExpAST(pattern, {
    onQuantifierEnter(quantifier) {
      if (problem || quantifier.max <= 1) return;
      if (contains(quantifier.element, (node) => node.type === 'Quantifier' && node.min !== node.max)) problem = NESTED;
      else if (contains(quantifier.element, (node) => (node.type === 'Group' || node.type === 'CapturingGroup') && alternativesOverlap(node.alternatives))) problem = OVERLAPPING;
    },
  });
  return problem;
}

function contains(root: AST.Node, test: (node: AST.Node) => boolean): boolean {
  let found = false;
  const visit = (node: AST.Node) => {
    found ||= test(node);
  };
  visitRegExpAST(root as AST.Element, {
    onQuantifierEnter: visit,
    onGroupEnter: visit,
    onCapturingGroupEnter: visit,
    onAssertionEnter: visit,
  });
  return found;
}

/** What an alternative begins with: one character matcher, or undefined when that is not plain. */
type FirstMatcher = AST.Character | AST.CharacterClass | AST.CharacterSet | undefined;

function firstMatcher(alternative: AST.Alternative): FirstMatcher {
  let element: AST.Element | undefined = alternative.elements[0];
  // a+, a{2,}: still begins with a. An optional first element (a?, a*) could be skipped: not plain.
  while (element?.type === 'Quantifier' && element.min >= 1) element = element.element;
  if (element?.type === 'Character' || element?.type === 'CharacterClass' || element?.type === 'CharacterSet') return element;
  return undefined;
}

function alternativesOverlap(alternatives: AST.Alternative[]): boolean {
  const firsts = alternatives.map(firstMatcher);
  return firsts.some((first, index) => firsts.slice(index + 1).some((other) => mayOverlap(first, other)));
}

/** Whether two first matchers can match one character; "yes" when that is not easily known. */
function mayOverlap(a: FirstMatcher, b: FirstMatcher): boolean {
  if (!a || !b) return true;
  if (a.type === 'Character') return b.type === 'Character' ? sameLetter(a.value, b.value) : matches(b, a.value);
  if (b.type === 'Character') return matches(a, b.value);
  return true;
}

function sameLetter(a: number, b: number): boolean {
  return String.fromCodePoint(a).toLowerCase() === String.fromCodePoint(b).toLowerCase();
}

/** The engine itself says whether the class takes the character, case-insensitively like the template. */
function matches(matcher: AST.CharacterClass | AST.CharacterSet, codePoint: number): boolean {
  return new RegExp(`^${matcher.raw}$`, 'i').test(String.fromCodePoint(codePoint));
}
