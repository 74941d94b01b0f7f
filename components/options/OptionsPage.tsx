import { i18n } from '#i18n';
import { AiSettingsForm } from './AiSettingsForm';
import { ManagedSettings } from './ManagedSettings';
import { TemplateImport } from './TemplateImport';
import { TemplateList } from './TemplateList';
import { WhiteLabelHosts } from './WhiteLabelHosts';
import { YourName } from './YourName';
import { TeamServer } from './TeamServer';

/** Baton's settings: the handoff templates, and ClickUp on the team's own domain. */
export function OptionsPage() {
  return (
    <main className="options">
      <h1>Baton settings</h1>
      <section aria-labelledby="you-title">
        <h2 id="you-title">You</h2>
        <YourName />
        <p>
          <a href="/handoffs.html">All handoffs on this device</a>: states, revision logs, export and import.
        </p>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{i18n.t('sync.title')}</h2>
        <TeamServer />
      </section>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">Handoff templates</h2>
        <p>
          <a href="/editor.html">{i18n.t('editor.openEditor')}</a>: create, duplicate, edit, archive and publish templates.
        </p>
        <TemplateList />
        <TemplateImport />
      </section>
      <ManagedSettings />
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">ClickUp on your own domain</h2>
        <WhiteLabelHosts />
      </section>
      <section aria-labelledby="ai-title">
        <h2 id="ai-title">{i18n.t('ai.settings.title')}</h2>
        <AiSettingsForm />
      </section>
    </main>
  );
}
