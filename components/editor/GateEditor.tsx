import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { TargetDraft } from '../../lib/template-editor/editor-state';
import { matchingLabels, stagesInPattern } from '../../lib/template-editor/gate-terms';
import { termText } from '../words/gate-words';
import { useEditorStore } from './editor-store';
import { EntryInput } from './EntryInput';
import { problemAnchor } from '../../lib/template-editor/problem-words';

interface GateEditorProps {
  target: TargetDraft;
  /** Where the gate's problems point (["appliesTo", n, "gateStages"]). */
  anchor: PropertyKey[];
  /** Stage labels Baton has seen on this app's pages, newest first. */
  knownLabels: string[];
}

/**
 * The stages this target gates: labels picked from those seen, or free text matching every
 * label that contains it; with a live preview of the seen labels the gate would stop.
 */
export function GateEditor({ target, anchor, knownLabels }: GateEditorProps) {
  const id = useId();
  const addGate = useEditorStore((state) => state.addGate);
  const addGates = useEditorStore((state) => state.addGates);
  const removeGate = useEditorStore((state) => state.removeGate);
  const [typed, setTyped] = useState('');
  const [exact, setExact] = useState(false);
  const matches = matchingLabels(target.gates, knownLabels);
  const typedText = typed.trim();
  const split = stagesInPattern(typedText);
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
        <EntryInput id={`${id}-stage`} data-anchor={problemAnchor(anchor)} list={`${id}-seen`} value={typed} onChange={setTyped} onEnter={add} />
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
      {split ? (
        <div className="notice" data-testid="pattern-typed">
          <p>{i18n.t('editor.patternTyped')}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              addGates(target.key, split);
              setTyped('');
            }}
          >
            {i18n.t('editor.patternSplit', [split.map(termText).join('; ')])}
          </button>
        </div>
      ) : null}
      <p className="gate-matches" aria-live="polite" data-testid="gate-matches">
        {target.gates.length === 0
          ? i18n.t('editor.noGate')
          : knownLabels.length === 0
            ? i18n.t('editor.noLabelsSeen')
            : matches.length > 0
              ? i18n.t('editor.matches', [matches.join(', ')])
              : i18n.t('editor.matchesNoneYet')}
      </p>
    </div>
  );
}
