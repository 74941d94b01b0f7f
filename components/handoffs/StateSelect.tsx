import { i18n } from '#i18n';
import { HANDOFF_STATES, type HandoffState } from '../../lib/handoff-state';

/** A filter by handoff state, in the order a handoff moves through; '' is every state. */
export function StateSelect({ label, allLabel, value, onChange, testId }: { label: string; allLabel: string; value: HandoffState | ''; onChange: (state: HandoffState | '') => void; testId?: string }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as HandoffState | '')} data-testid={testId}>
        <option value="">{allLabel}</option>
        {HANDOFF_STATES.map((state) => (
          <option key={state} value={state}>
            {i18n.t(`handoffs.state.${state}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
