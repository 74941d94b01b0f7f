import { i18n } from '#i18n';
import { useState } from 'react';
import { useEditorStore } from './editor-store';
import { EntryInput } from './EntryInput';
import { ProblemText } from './ProblemText';
import { problemAnchor } from '../../lib/template-editor/problem-words';
import { ReorderableList } from './ReorderableList';

/** What the next owner ticks before accepting the handoff. */
export function ReceiptEditor({ disabled }: { disabled: boolean }) {
  const receipt = useEditorStore((state) => state.draft?.receipt ?? []);
  const setReceipt = useEditorStore((state) => state.setReceipt);
  const addReceipt = useEditorStore((state) => state.addReceipt);
  const remove = useEditorStore((state) => state.remove);
  const [text, setText] = useState('');
  const add = () => {
    if (!text.trim()) return;
    addReceipt(text.trim());
    setText('');
  };

  return (
    <section aria-labelledby="receipt-title">
      <h2 id="receipt-title">{i18n.t('editor.receipt')}</h2>
      <p className="muted">{i18n.t('editor.receiptHelp')}</p>
      <ReorderableList list="receipt" entries={receipt} nameOf={(item) => item.text}>
        {(item, index) => (
          <fieldset className="row" disabled={disabled}>
            <label>
              {i18n.t('editor.receiptItem', [String(index + 1)])}
              <input data-anchor={problemAnchor(['receipt', index])} value={item.text} onChange={(event) => setReceipt(item.key, event.target.value)} />
              <ProblemText path={['receipt', index]} />
            </label>
            <button type="button" className="secondary" onClick={() => remove('receipt', item.key)}>
              {i18n.t('editor.removeReceipt', [item.text])}
            </button>
          </fieldset>
        )}
      </ReorderableList>
      <fieldset className="row" disabled={disabled}>
        <label>
          {i18n.t('editor.newReceiptItem')}
          <EntryInput value={text} onChange={setText} onEnter={add} />
        </label>
        <button type="button" className="secondary" disabled={!text.trim()} onClick={add}>
          {i18n.t('editor.addReceipt')}
        </button>
      </fieldset>
    </section>
  );
}
