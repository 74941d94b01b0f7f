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
      <h1>{i18n.t('options.title')}</h1>
      <section aria-labelledby="you-title">
        <h2 id="you-title">{i18n.t('options.you')}</h2>
        <YourName />
        <p>
          <a href="/handoffs.html">{i18n.t('options.handoffsLink')}</a>
          {i18n.t('options.handoffsLinkAfter')}
        </p>
      </section>
      <section aria-labelledby="team-title">
        <h2 id="team-title">{i18n.t('sync.title')}</h2>
        <TeamServer />
      </section>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{i18n.t('options.templates')}</h2>
        <p>
          <a href="/editor.html">{i18n.t('editor.openEditor')}</a>
          {i18n.t('editor.openEditorAfter')}
        </p>
        <TemplateList />
        <TemplateImport />
      </section>
      <ManagedSettings />
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{i18n.t('options.hosts')}</h2>
        <WhiteLabelHosts />
      </section>
      <section aria-labelledby="ai-title">
        <h2 id="ai-title">{i18n.t('ai.settings.title')}</h2>
        <AiSettingsForm />
      </section>
    </main>
  );
}
