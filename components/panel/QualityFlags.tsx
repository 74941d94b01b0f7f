import { i18n } from '#i18n';
import { DEFAULT_MIN_LENGTH, type QualityFlag } from '../../lib/quality';
import type { TemplateField } from '../../lib/template';
import { qualityFlagText } from '../words/checklist-words';

/** What the quality checks found in one answer, in words, under the field. */
export function QualityFlags({ field, flags, id }: { field: TemplateField; flags: QualityFlag[]; id: string }) {
  if (flags.length === 0) return null;
  const minLength = field.quality?.minLength ?? DEFAULT_MIN_LENGTH;
  return (
    <ul id={id} className="quality-flags" data-testid="quality-flags">
      {flags.map((flag) => (
        <li key={`${flag.check}${flag.notMember ? '-member' : ''}`}>
          {qualityFlagText(flag, minLength)}
          {field.quality?.blocking && !flag.notMember ? ` ${i18n.t('ai.flags.blocking')}` : null}
        </li>
      ))}
    </ul>
  );
}

/** The small "N to review" note in the panel header. */
export function ReviewCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="review-count" title={i18n.t('ai.toReviewHint')} data-testid="review-count">
      {i18n.t('ai.toReview', count)}
    </span>
  );
}
