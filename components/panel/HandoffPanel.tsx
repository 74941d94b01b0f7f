import { i18n } from '#i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checklistStatus } from '../../lib/checklist-status';
import { gateDecision, isComplete } from '../../lib/gate';
import { badgeText } from '../words/checklist-words';
import { messenger } from '../../lib/messages';
import { recordLabel } from '../../lib/record';
import { batonDb } from '../storage/db';
import { recordHandoffs } from '../storage/handoffs';
import { chooseTemplate, chosenTemplate } from '../storage/template-choices';
import { dockCollapsed } from '../storage/preferences';
import { completeness } from '../../lib/completeness';
import { BriefActions } from './BriefActions';
import { ChecklistForm } from './ChecklistForm';
import { IncomingContext } from './IncomingContext';
import { MoveDialog } from './MoveDialog';
import { BlockNotice, GuardNotice, UnverifiedNotice } from './Notices';
import { unverifiedMove } from '../../lib/unverified';
import { usePanelStore } from './panel-store';
import { SaveStatus } from './SaveStatus';
import { TAB_PANEL_ID, tabId, TemplateTabs } from './TemplateTabs';
import type { PanelLocation } from '../../lib/panel-location';
import { useDockFrame } from './use-dock-frame';
import { PanelMenu } from './PanelMenu';
import { DraftFromNotes } from '../ai/DraftFromNotes';
import { flagsByField } from '../../lib/quality';
import { ReviewCount } from './QualityFlags';
import { useTeamMembers } from './use-team-members';
import { VersionNotice } from './VersionNotice';
import { keepSyncLive } from '../sync/heartbeat';
import { SyncStatus } from './SyncStatus';

/**
 * The checklist for the record the host tab shows. Lives in an extension-page iframe that
 * Baton's dock made; in any other frame (or on its own) it shows nothing.
 */
export function HandoffPanel() {
  const frame = useDockFrame();
  if (frame.kind === 'waiting') return null;
  if (frame.kind === 'foreign') return <ForeignPage />;
  return <RecordPanel location={frame.view.location} dialog={frame.view.role === 'dialog'} />;
}

function ForeignPage() {
  return (
    <main className="panel">
      <p className="notice notice--error" role="alert">{i18n.t('panel.foreign')}</p>
    </main>
  );
}

function RecordPanel({ location, dialog }: { location: PanelLocation | undefined; dialog: boolean }) {
  const ref = location?.ref;
  const refKey = ref ? recordLabel(ref) : '';
  const [loadError, setLoadError] = useState<string>();

  // Wakes the worker, which installs the shipped templates on first run; the live query
  // below then sees them appear.
  useEffect(() => {
    if (!ref) return;
    setLoadError(undefined);
    messenger.sendMessage('getRecordStatus', ref).catch((error: unknown) => setLoadError(String(error)));
    // Deps: refKey identifies ref
  }, [refKey]);
  // The record's chosen template is read with its handoffs: a tab shown for now gives way to it together.
  const record = useLiveQuery(async () => (ref ? { handoffs: await recordHandoffs(batonDb(), ref), chosen: await chosenTemplate(batonDb(), ref) } : undefined), [refKey]);
  const handoffs = record?.handoffs;
  useEffect(() => keepSyncLive(), []);

  const members = useTeamMembers();
  const activeTemplateId = usePanelStore((state) => state.activeTemplateId);
  const selectTemplate = usePanelStore((state) => state.selectTemplate);
  const checklists = useMemo(
    () => (handoffs && ref ? handoffs.map((handoff) => checklistStatus(handoff, ref)) : undefined),
    // Deps: refKey identifies ref
    [handoffs, refKey],
  );
  const blocked = location?.blocked;
  const decision = blocked && checklists ? gateDecision(checklists, blocked.stage) : undefined;

  // Another record, or a new pick for this one (here or a teammate's): the chosen template shows.
  // A pick made here shows at once and is stored after; until the stored choice has caught up
  // with the newest pick made here, an older one arriving must not take the tab back (seen when
  // arrow keys switch tabs faster than the store answers).
  const pendingPick = useRef<string | undefined>(undefined);
  useEffect(() => {
    pendingPick.current = undefined;
    selectTemplate(undefined);
  }, [refKey]);
  useEffect(() => {
    if (pendingPick.current !== undefined) {
      if (record?.chosen !== pendingPick.current) return;
      pendingPick.current = undefined;
    }
    selectTemplate(undefined);
  }, [record?.chosen]);
  // After a blocked move, show the first template that stands in the way.
  const blockedAttempt = blocked?.attempt;
  const firstBlocker = decision?.kind === 'block' && decision.reason === 'incomplete' ? decision.blockers[0] : undefined;
  useEffect(() => {
    if (firstBlocker) selectTemplate(firstBlocker.templateId);
    // Deps: once per blocked attempt
  }, [blockedAttempt]);

  if (!location || !ref) return <main className="panel"><p className="empty">{i18n.t('panel.noRecord')}</p></main>;
  if (dialog && blocked) {
    return handoffs && checklists ? (
      <MoveDialog recordRef={ref} recordTitle={location.recordTitle} stage={blocked.stage} handoffs={handoffs} checklists={checklists} />
    ) : null;
  }
  const handoffOn = (templateId: string | undefined) => handoffs?.find((handoff) => handoff.template.id === templateId);
  const active = handoffOn(activeTemplateId) ?? handoffOn(record?.chosen) ?? handoffs?.[0];
  // The rep's pick is kept for the record (and goes to the team); the tab shows at once.
  const choose = (templateId: string) => {
    // Picking the stored choice again changes nothing stored: nothing to wait for.
    pendingPick.current = templateId === record?.chosen ? undefined : templateId;
    selectTemplate(templateId);
    chooseTemplate(batonDb(), ref, templateId).then(
      () => messenger.sendMessage('syncNow').catch(() => undefined),
      (error: unknown) => {
        pendingPick.current = undefined;
        console.warn('Baton could not keep the template picked for this record', error);
      },
    );
  };

  return (
    <main className="panel" aria-labelledby="panel-title">
      <header className="panel__header">
        <h1 id="panel-title">{i18n.t('panel.title')}</h1>
        <span className="badge" data-complete={checklists ? isComplete(checklists) : false} data-testid="completeness-badge">
          {checklists ? badgeText(checklists) : i18n.t('common.loading')}
        </span>
        {active ? <ReviewCount count={flagsByField(active.template.fields, active.values, { members }).size} /> : null}
        <PanelMenu />
        <button type="button" className="icon-button" aria-label={i18n.t('panel.collapse')} onClick={() => void dockCollapsed.set(true)}>
          {'\u2192'}
        </button>
      </header>
      {location.recordTitle ? <p className="panel__record">{location.recordTitle}</p> : null}
      <UnverifiedNotice move={unverifiedMove(checklists, location.shownStage)} />
      <GuardNotice guard={location.guard} control={location.guardControl} />
      {location.covered ? (
        <p className="notice notice--error" role="alert" data-testid="panel-covered">
          {i18n.t('panel.covered')}
        </p>
      ) : null}
      {blocked && decision ? (
        <BlockNotice stage={blocked.stage} decision={decision} attempt={blocked.attempt} />
      ) : null}
      {loadError && !handoffs ? <p className="notice notice--error" role="alert">{i18n.t('panel.loadError', [loadError])}</p> : null}
      <IncomingContext recordRef={ref} />
      {active ? (
        <DraftFromNotes key={`${refKey}/${active.template.id}`} recordRef={ref} recordTitle={location.recordTitle} recordUrl={location.recordUrl} handoff={active} members={members} />
      ) : null}
      {handoffs && handoffs.length > 1 ? (
        <TemplateTabs templates={handoffs.map((handoff) => handoff.template)} checklists={checklists} activeId={active?.template.id} onSelect={choose} />
      ) : null}
      {active ? <VersionNotice recordRef={ref} handoff={active} /> : null}
      {active ? (
        <div id={TAB_PANEL_ID} role={handoffs && handoffs.length > 1 ? 'tabpanel' : undefined} aria-labelledby={handoffs && handoffs.length > 1 ? tabId(active.template.id) : undefined}>
          <ChecklistForm
            key={`${refKey}/${active.template.id}`}
            recordRef={ref}
            recordTitle={location.recordTitle}
            handoff={active}
            recordUrl={location.recordUrl}
            focusAttempt={decision?.kind === 'block' ? (blockedAttempt ?? 0) : 0}
            blocking={decision?.kind === 'block'}
            members={members}
          />
        </div>
      ) : handoffs ? (
        <p className="empty">{i18n.t('panel.noTemplate')}</p>
      ) : null}
      {active && completeness(active.template, active.values).complete ? (
        <BriefActions key={`${refKey}/${active.template.id}`} recordRef={ref} recordTitle={location.recordTitle} handoff={active} movedTo={location.movedTo} />
      ) : null}
      <SaveStatus />
      <SyncStatus />
    </main>
  );
}
