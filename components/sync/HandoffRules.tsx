import { i18n } from '#i18n';

const RULES = ['sender', 'nextOwner', 'title', 'attributed'] as const;

/**
 * The team server's rules for who may change a handoff (lib/sync/handoff-rules.ts), shown where
 * its refusals appear, so a refused person reads why without asking anyone.
 */
export function HandoffRules() {
  return (
    <details className="handoff-rules" data-testid="handoff-rules">
      <summary>{i18n.t('sync.rulesTitle')}</summary>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{i18n.t(`sync.rules.${rule}`)}</li>
        ))}
      </ul>
    </details>
  );
}
