import { i18n } from '#i18n';
import { useState, type ReactNode } from 'react';
import { useEditorStore, type ListName } from './editor-store';

interface ReorderableListProps<T extends { key: string }> {
  list: ListName;
  entries: T[];
  /** How the entry is named to screen readers ("Goals"). */
  nameOf(entry: T): string;
  children(entry: T, index: number): ReactNode;
}

/**
 * A list whose entries move by drag (native HTML drag and drop, by the handle) and by keyboard
 * (the Move up / Move down buttons, or Alt+Arrow keys on the handle); each move is announced.
 */
export function ReorderableList<T extends { key: string }>({ list, entries, nameOf, children }: ReorderableListProps<T>) {
  const move = useEditorStore((state) => state.move);
  const announce = useEditorStore((state) => state.announce);
  const [dragged, setDragged] = useState<string>();
  const [over, setOver] = useState<number>();

  const moveTo = (entry: T, index: number) => {
    if (index < 0 || index >= entries.length) return;
    move(list, entry.key, index);
    announce(i18n.t('editor.moved', [nameOf(entry), String(index + 1), String(entries.length)]));
  };

  return (
    <ol className="reorderable">
      {entries.map((entry, index) => (
        <li
          key={entry.key}
          className={`reorderable__item${over === index && dragged ? ' reorderable__item--over' : ''}`}
          data-testid={`${list}-entry`}
          onDragOver={(event) => {
            if (!dragged) return;
            event.preventDefault();
            setOver(index);
          }}
          onDrop={(event) => {
            event.preventDefault();
            const moved = entries.find((candidate) => candidate.key === dragged);
            if (moved) moveTo(moved, index);
            setDragged(undefined);
            setOver(undefined);
          }}
        >
          <div className="reorderable__controls">
            <button
              type="button"
              className="reorderable__handle"
              draggable
              aria-label={i18n.t('editor.dragHandle', [nameOf(entry)])}
              title={i18n.t('editor.dragHint')}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', nameOf(entry));
                setDragged(entry.key);
              }}
              onDragEnd={() => {
                setDragged(undefined);
                setOver(undefined);
              }}
              onKeyDown={(event) => {
                if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                event.preventDefault();
                moveTo(entry, index + (event.key === 'ArrowUp' ? -1 : 1));
              }}
            >
              {'\u2630'}
            </button>
            <button type="button" className="small" disabled={index === 0} aria-label={i18n.t('editor.moveUp', [nameOf(entry)])} onClick={() => moveTo(entry, index - 1)}>
              {'\u2191'}
            </button>
            <button
              type="button"
              className="small"
              disabled={index === entries.length - 1}
              aria-label={i18n.t('editor.moveDown', [nameOf(entry)])}
              onClick={() => moveTo(entry, index + 1)}
            >
              {'\u2193'}
            </button>
          </div>
          <div className="reorderable__body">{children(entry, index)}</div>
        </li>
      ))}
    </ol>
  );
}
