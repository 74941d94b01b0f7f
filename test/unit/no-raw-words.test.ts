import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every word a user reads goes through locales/en.yml (a translation is one file): a TSX file
// that renders English straight from its source would stay English in every language.

const ROOT = resolve(__dirname, '../..');
/** Attributes a user reads or hears. */
const WORDED_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
/** A literal holding a letter is words; punctuation, numbers and symbols ("·", "→", "4/6") are not. */
const HAS_LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The literal text of a string or template literal (its fixed parts), else undefined. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return undefined;
}

/** "file:line: text" for each English literal the file renders. */
export function rawWords(path: string, source = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${relative(ROOT, path)}:${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    // {'Words'} and {`Words ${x}`} as a child, or as a branch of a condition that is a child.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const branch of branches(node.expression)) {
        const text = literalText(branch);
        if (text !== undefined && HAS_LETTER.test(text)) report(branch, text);
      }
    }
    if (ts.isJsxAttribute(node) && WORDED_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const branch of value ? branches(value) : []) {
        const text = literalText(branch);
        if (text !== undefined && HAS_LETTER.test(text)) report(branch, `${node.name.getText(file)}=${text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The values an expression can render: both arms of a?b:c, either side of a||b / a??b / a&&b. */
function branches(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return branches(node.expression);
  if (ts.isConditionalExpression(node)) return [...branches(node.whenTrue), ...branches(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
    return [...branches(node.left), ...branches(node.right)];
  }
  return [node];
}

describe('words on screen', () => {
  it('no TSX file under components/ or entrypoints/ renders an English literal', () => {
    const files = [...tsxFiles(join(ROOT, 'components')), ...tsxFiles(join(ROOT, 'entrypoints'))];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((path) => rawWords(path))).toEqual([]);
  });

  it('catches JSX text, worded attributes and literal branches, and lets symbols and i18n calls through', () => {
    const source = `
      export const A = () => <p title="Open it" aria-label={'Close'}>Hello {ok ? 'Yes' : i18n.t('k')} {'\\u2192'} · 4/6</p>;
      export const B = () => <input placeholder={i18n.t('k')} aria-label={\`Remove \${x}\`} className="Big words" data-testid="Some id" />;
    `;
    expect(rawWords(join(ROOT, 'components/x.tsx'), source).map((entry) => entry.replace(/^.*?: /, ''))).toEqual([
      'title=Open it',
      'aria-label=Close',
      'Hello',
      'Yes',
      'aria-label=Remove',
    ]);
  });
});
