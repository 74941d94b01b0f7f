import { i18n } from '#i18n';
import { TemplateImport } from './TemplateImport';
import { TemplateList } from './TemplateList';
import { WhiteLabelHosts } from './WhiteLabelHosts';
import { YourName } from './YourName';

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
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{i18n.t('options.templates')}</h2>
        <TemplateList />
        <TemplateImport />
      </section>
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">{i18n.t('options.hosts')}</h2>
        <WhiteLabelHosts />
      </section>
    </main>
  );
}
