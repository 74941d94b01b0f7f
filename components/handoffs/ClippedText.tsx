import { i18n } from '#i18n';
/** Long enough for a sentence; a pasted brief would push every other column off screen. */
const CLIP_AT = 120;

/** A stored value as plain text: long ones are cut, with the full text one click (or Enter) away. */
export function ClippedText({ value }: { value: string }) {
  if (value === '') return <span className="muted">{i18n.t('handoffs.log.empty')}</span>;
  if (value.length <= CLIP_AT) return <span className="value">{value}</span>;
  return (
    <details className="clipped">
      <summary>
        <span className="value">{value.slice(0, CLIP_AT)}…</span> <span className="muted">{i18n.t('handoffs.log.showAll', [value.length])}</span>
      </summary>
      <p className="value value--full">{value}</p>
    </details>
  );
}
