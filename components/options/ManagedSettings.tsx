import { i18n } from '#i18n';
import { useManagedPolicy } from '../managed/use-managed-policy';

/**
 * What the organization set for this Baton (managed storage), shown locked. Nothing when no
 * policy is installed. The settings each value overrides say so beside their own inputs too.
 */
export function ManagedSettings() {
  const policy = useManagedPolicy();
  const rows: [string, string][] = [];
  if (policy.teamServer !== undefined) rows.push([i18n.t('managed.teamServer'), policy.teamServer]);
  if (policy.aiProvider !== undefined) rows.push([i18n.t('managed.aiProvider'), i18n.t(`managed.aiProviders.${policy.aiProvider}`)]);
  if (policy.aiEndpoint !== undefined) rows.push([i18n.t('managed.aiEndpoint'), policy.aiEndpoint]);
  if (policy.templates?.length) rows.push([i18n.t('managed.templates'), policy.templates.map((template) => `${template.name} (v${template.version})`).join(', ')]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="managed-title" data-testid="managed-settings">
      <h2 id="managed-title">{i18n.t('managed.setByOrganization')}</h2>
      <p className="muted">{i18n.t('managed.summary')}</p>
      <dl className="managed">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <input readOnly aria-readonly="true" value={value} aria-label={name} aria-describedby="managed-title" /> <span className="locked-tag">🔒 {i18n.t('managed.setByOrganization')}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
