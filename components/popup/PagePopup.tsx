import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { isComplete, totals } from '../../lib/gate';
import { PageRecordsSchema, type PageRecord } from '../../lib/message-schemas';
import { messenger } from '../../lib/messages';
import { CopyOutlineButton } from '../outline/CopyOutlineButton';
import { unverifiedMove } from '../../lib/unverified';

type PopupState = { kind: 'loading' } | { kind: 'unsupported' } | { kind: 'ready'; tabId: number; records: PageRecord[] };

/** The toolbar popup: this page's records that are not ready to hand off, each a link. */
export function PagePopup() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      try {
        // Never left at "Loading…": where there is no tab to read (the page opened in a frame,
        // where Firefox gives no tabs API), it says this page is not one it supports.
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) return setState({ kind: 'unsupported' });
        // A record page answers pageRecords; a board or list (its own script) listingRecords.
        // Text and links read from a host page: parsed before they are shown.
        const target = { tabId: tab.id, frameId: 0 };
        // The record script runs on every page of a supported app: no answer, no supported page.
        const onRecord = await messenger.sendMessage('pageRecords', undefined, target);
        const onListing = await messenger.sendMessage('listingRecords', undefined, target).catch(() => []);
        const records = PageRecordsSchema.parse([...onRecord, ...onListing]);
        setState({ kind: 'ready', tabId: tab.id, records });
      } catch {
        setState({ kind: 'unsupported' });
      }
    })();
  }, []);

  const open = (tabId: number, url: string) => {
    void browser.tabs.update(tabId, { url });
    window.close();
  };

  if (state.kind === 'loading') return <main className="popup">{i18n.t('popup.loading')}</main>;
  if (state.kind === 'unsupported') {
    return (
      <main className="popup">
        <h1>{i18n.t('popup.title')}</h1>
        <p>{i18n.t('popup.unsupported')}</p>
        <SettingsLink />
      </main>
    );
  }
  // Safety net: records the page shows in a gated stage without a complete handoff, counted apart.
  const unverified = state.records.filter((record) => unverifiedMove(record.status.checklists, record.stage));
  const incomplete = state.records.filter((record) => !isComplete(record.status.checklists) && !unverified.includes(record));
  return (
    <main className="popup">
      <h1>
        {state.records.length === 0
          ? i18n.t('popup.none')
          : incomplete.length > 0
            ? i18n.t('popup.notReady', incomplete.length)
            : unverified.length > 0
              ? i18n.t('popup.othersReady')
              : i18n.t('popup.allReady')}
      </h1>
      {unverified.length > 0 ? (
        <section className="unverified" data-testid="unverified-records">
          <h2>{i18n.t('popup.unverified', unverified.length)}</h2>
          <ul>
            {unverified.map((record) => (
              <li key={record.status.ref.recordId}>
                <RecordLink record={record} onOpen={(url) => open(state.tabId, url)} /> <span className="count">{i18n.t('popup.inStage', [record.stage ?? ''])}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ul data-testid="incomplete-records">
        {incomplete.map((record) => {
          const { filled, required } = totals(record.status.checklists);
          return (
            <li key={record.status.ref.recordId}>
              <RecordLink record={record} onOpen={(url) => open(state.tabId, url)} />{' '}
              <span className="count">
                {i18n.t('popup.filledOf', [filled, required])}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="links">
        <CopyOutlineButton tabId={state.tabId} />
      </p>
      <SettingsLink />
    </main>
  );
}

function SettingsLink() {
  return (
    <p className="links">
      <button type="button" className="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/handoffs.html') })}>
        {i18n.t('popup.allHandoffs')}
      </button>{' '}
      ·{' '}
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {i18n.t('popup.settings')}
      </button>
    </p>
  );
}

function RecordLink({ record, onOpen }: { record: PageRecord; onOpen(url: string): void }) {
  const name = record.title ?? record.status.ref.recordId;
  if (!record.url) return <>{name}</>;
  return (
    <a href={record.url} onClick={(event) => (event.preventDefault(), onOpen(record.url!))}>
      {name}
    </a>
  );
}
