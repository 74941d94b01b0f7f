import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { useTeamViewState, type HandoffsTab } from './team/team-view-store';

const TABS: HandoffsTab[] = ['mine', 'team'];

/**
 * My handoffs / Team, as tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys, Home and End
 * move between them and show the tab reached.
 */
export function HandoffsTabs({ mine, team }: { mine: ReactNode; team: ReactNode }) {
  const tab = useTeamViewState((state) => state.tab);
  const show = useTeamViewState((state) => state.show);
  const buttons = useRef<Partial<Record<HandoffsTab, HTMLButtonElement | null>>>({});
  const label: Record<HandoffsTab, string> = { mine: i18n.t('teamView.tabMine'), team: i18n.t('teamView.tabTeam') };

  function onKeyDown(event: KeyboardEvent) {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1 + TABS.length, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const chosen = TABS[next % TABS.length]!;
    show(chosen);
    buttons.current[chosen]?.focus();
  }

  return (
    <>
      <div className="tabs" role="tablist" aria-label={i18n.t('teamView.tabsLabel')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              buttons.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            className="tabs__tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => show(name)}
          >
            {label[name]}
          </button>
        ))}
      </div>
      {TABS.map((name) => (
        <div key={name} role="tabpanel" id={`panel-${name}`} aria-labelledby={`tab-${name}`} hidden={tab !== name}>
          {tab === name ? (name === 'mine' ? mine : team) : null}
        </div>
      ))}
    </>
  );
}
