import { i18n } from '#i18n';
import type { GateTerm } from '../../lib/template-editor/gate-terms';

// A gate in the editor's words, wherever a gate is shown (the editor, the settings page's
// template list): a lead reads "any stage with the word “onboarding”", never a regular expression.

export function termText(term: GateTerm): string {
  if (term.kind === 'label') return i18n.t('editor.gateLabel', [term.text]);
  if (term.kind === 'contains') return i18n.t('editor.gateContains', [term.text]);
  if (term.kind === 'words') return i18n.t('editor.gateWords', [eitherOf(term.words.map((word) => `“${word}”`))]);
  return i18n.t('editor.gatePattern', [term.source]);
}

/** "“a”, “b” or “c”" in the user's language. */
function eitherOf(items: string[]): string {
  return new Intl.ListFormat(i18n.t('@@ui_locale').replace('_', '-'), { type: 'disjunction' }).format(items);
}
