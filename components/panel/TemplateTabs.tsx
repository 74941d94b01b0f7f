import { i18n } from '#i18n';
import type { KeyboardEvent } from 'react';
import type { ChecklistStatus } from '../../lib/gate';
import type { Template } from '../../lib/template';
import { checklistCount } from '../words/checklist-words';

export const tabId = (templateId: string) => `template-tab-${templateId}`;
export const TAB_PANEL_ID = 'template-panel';

interface TemplateTabsProps {
  templates: Template[];
  /** Each template's own count, shown on its tab (the header badge counts checklists). */
  checklists: ChecklistStatus[] | undefined;
  activeId: string | undefined;
  onSelect(templateId: string): void;
}

/** One tab per template that applies to the record, with its own count; arrow keys move between them (WAI-ARIA tabs). */
export function TemplateTabs({ templates, checklists, activeId, onSelect }: TemplateTabsProps) {
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
        const status = checklists?.find((checklist) => checklist.templateId === template.id);
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
            <span className="tab__name">{template.name}</span>
            {status ? (
              <span className="tab__count" data-complete={status.missing.length === 0}>
                {checklistCount(status)}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
