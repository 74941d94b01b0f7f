import { TemplateImport } from './TemplateImport';
import { TemplateList } from './TemplateList';
import { WhiteLabelHosts } from './WhiteLabelHosts';

/** Baton's settings: the handoff templates, and ClickUp on the team's own domain. */
export function OptionsPage() {
  return (
    <main className="options">
      <h1>Baton settings</h1>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">Handoff templates</h2>
        <TemplateList />
        <TemplateImport />
      </section>
      <section aria-labelledby="hosts-title">
        <h2 id="hosts-title">ClickUp on your own domain</h2>
        <WhiteLabelHosts />
      </section>
    </main>
  );
}
