import { i18n } from '#i18n';
import type { KeyboardEvent } from 'react';
import type { Template } from '../../lib/template';

export const tabId = (templateId: string) => `template-tab-${templateId}`;
export const TAB_PANEL_ID = 'template-panel';

interface TemplateTabsProps {
  templates: Template[];
  activeId: string | undefined;
  onSelect(templateId: string): void;
}

/** One tab per template that applies to the record; arrow keys move between them (WAI-ARIA tabs). */
export function TemplateTabs({ templates, activeId, onSelect }: TemplateTabsProps) {
  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = templates[(index + step + templates.length) % templates.length]!;
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={i18n.t('panel.templates')}>
      {templates.map((template, index) => {
        const selected = template.id === activeId;
        return (
          <button
            key={template.id}
            id={tabId(template.id)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={TAB_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(template.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {template.name}
          </button>
        );
      })}
    </div>
  );
}
