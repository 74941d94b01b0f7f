import { i18n } from '#i18n';
import { useState } from 'react';
import { HOST_APPS, HOST_NAMES, type HostApp } from '../../lib/record';
import type { SeenStages } from '../../lib/seen-stages';
import { useEditorStore } from './editor-store';
import { GateEditor } from './GateEditor';
import { objectTypesOf } from '../../lib/template-editor/object-types';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { ProblemText } from './ProblemText';

/** Where the template applies (host app + object type) and, for each, the stages it gates. */
export function TargetsEditor({ seen, disabled }: { seen: SeenStages; disabled: boolean }) {
  const targets = useEditorStore((state) => state.draft?.targets ?? []);
  const setTarget = useEditorStore((state) => state.setTarget);
  const addTarget = useEditorStore((state) => state.addTarget);
  const remove = useEditorStore((state) => state.remove);
  const [host, setHost] = useState<HostApp>('hubspot');

  return (
    <fieldset className="targets" disabled={disabled}>
      <legend>{i18n.t('editor.appliesTo')}</legend>
      <ProblemText path={['appliesTo']} />
      {targets.map((target, index) => (
        <div key={target.key} className="target" data-testid="target">
          <div className="row">
            <strong>{HOST_NAMES[target.host]}</strong>
            <label>
              {i18n.t('editor.objectType')}
              {/* Offered from the adapters: a typed "tasks" would save and never apply. An imported unknown one stays listed, marked by its problem. */}
              <select data-anchor={problemAnchor(['appliesTo', index, 'objectType'])} value={target.objectType} onChange={(event) => setTarget(target.key, { objectType: event.target.value })}>
                {[...new Set([...objectTypesOf(target.host), target.objectType])].map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
              <ProblemText path={['appliesTo', index, 'objectType']} />
            </label>
            <button type="button" className="secondary" onClick={() => remove('targets', target.key)}>
              {i18n.t('editor.removeTarget', [HOST_NAMES[target.host], target.objectType])}
            </button>
          </div>
          <GateEditor target={target} anchor={['appliesTo', index, 'gateStages']} knownLabels={seen[target.host] ?? []} />
          <ProblemText path={['appliesTo', index, 'gateStages']} />
        </div>
      ))}
      <div className="row">
        <label>
          {i18n.t('editor.hostApp')}
          <select data-anchor={problemAnchor(['appliesTo'])} value={host} onChange={(event) => setHost(event.target.value as HostApp)}>
            {HOST_APPS.map((app) => (
              <option key={app} value={app}>
                {HOST_NAMES[app]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => addTarget(host)}>
          {i18n.t('editor.addTarget')}
        </button>
      </div>
    </fieldset>
  );
}
