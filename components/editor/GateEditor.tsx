import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { TargetDraft } from '../../lib/template-editor/editor-state';
import { matchingLabels, type GateTerm } from '../../lib/template-editor/gate-terms';
import { useEditorStore } from './editor-store';
import { EntryInput } from './EntryInput';

interface GateEditorProps {
  target: TargetDraft;
  /** Stage labels Baton has seen on this app's pages, newest first. */
  knownLabels: string[];
}

function termText(term: GateTerm): string {
  if (term.kind === 'label') return i18n.t('editor.gateLabel', [term.text]);
  if (term.kind === 'contains') return i18n.t('editor.gateContains', [term.text]);
  return i18n.t('editor.gatePattern', [term.source]);
}

/**
 * The stages this target gates: labels picked from those seen, or free text matching every
 * label that contains it; with a live preview of the seen labels the gate would stop.
 */
export function GateEditor({ target, knownLabels }: GateEditorProps) {
  const id = useId();
  const addGate = useEditorStore((state) => state.addGate);
  const removeGate = useEditorStore((state) => state.removeGate);
  const [typed, setTyped] = useState('');
  const [exact, setExact] = useState(false);
  const matches = matchingLabels(target.gates, knownLabels);
  const typedText = typed.trim();
  // Text matches every stage containing it ("closed won" also stops "Closed Won – Enterprise"),
  // unless the author asks for exactly that stage.
  const add = () => {
    if (!typedText) return;
    addGate(target.key, { kind: exact ? 'label' : 'contains', text: typedText });
    setTyped('');
  };

  return (
    <div className="gate-editor">
      <ul className="gate-terms" aria-label={i18n.t('editor.gatesOf', [target.objectType])}>
        {target.gates.map((term, index) => (
          <li key={`${index}/${termText(term)}`}>
            {termText(term)}{' '}
            <button type="button" className="small secondary" aria-label={i18n.t('editor.removeGate', [termText(term)])} onClick={() => removeGate(target.key, index)}>
              {'\u00D7'}
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-stage`}>{i18n.t('editor.addStage')}</label>
      <div className="row">
        <EntryInput id={`${id}-stage`} list={`${id}-seen`} value={typed} onChange={setTyped} onEnter={add} />
        <datalist id={`${id}-seen`}>
          {knownLabels.map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <label className="inline">
          <input type="checkbox" checked={exact} onChange={(event) => setExact(event.target.checked)} />
          {i18n.t('editor.exactStage')}
        </label>
        <button type="button" className="secondary" disabled={!typedText} onClick={add}>
          {i18n.t('editor.addStageButton')}
        </button>
      </div>
      <p className="gate-matches" aria-live="polite" data-testid="gate-matches">
        {target.gates.length === 0
          ? i18n.t('editor.noGate')
          : knownLabels.length === 0
            ? i18n.t('editor.noLabelsSeen')
            : matches.length > 0
              ? i18n.t('editor.matches', [matches.join(', ')])
              : i18n.t('editor.matchesNone')}
      </p>
    </div>
  );
}
