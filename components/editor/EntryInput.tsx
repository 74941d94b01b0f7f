import { i18n } from '#i18n';
import type { InputHTMLAttributes } from 'react';
import type { FieldKind } from '../../lib/template';
import { FIELD_KINDS } from '../../lib/template';

/** A text input whose Enter adds what was typed (a new field, stage, item or template) instead of submitting anything. */
export function EntryInput({
  value,
  onChange,
  onEnter,
  ...attributes
}: { value: string; onChange(value: string): void; onEnter(): void; 'data-anchor'?: string } & Pick<InputHTMLAttributes<HTMLInputElement>, 'id' | 'list' | 'maxLength' | 'aria-describedby'>) {
  return (
    <input
      {...attributes}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onEnter();
      }}
    />
  );
}

/** The field kinds, named for people. */
export function KindSelect({ value, onChange }: { value: FieldKind; onChange(kind: FieldKind): void }) {
  return (
    <select value={value} onChange={(event) => onChange(event.target.value as FieldKind)}>
      {FIELD_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {i18n.t(`editor.kinds.${kind}`)}
        </option>
      ))}
    </select>
  );
}
