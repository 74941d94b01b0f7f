import { i18n } from '#i18n';
import { useState } from 'react';
import { exportFileName, toCsv, toExportDocument, type HandoffRow } from '../../lib/handoff-export';
import { handoffId } from '../../lib/handoff-import';
import { batonDb } from '../storage/db';
import { download } from './download';

type Scope = 'all' | 'shown';

/** Downloads every handoff, or the ones shown, as JSON (to import elsewhere) or CSV (for a spreadsheet). */
export function HandoffExport({ all, shown }: { all: HandoffRow[]; shown: HandoffRow[] }) {
  const [scope, setScope] = useState<Scope>('all');
  const rows = scope === 'all' ? all : shown;

  async function downloadJson() {
    const ids = new Set(rows.map((row) => row.id));
    const revisions = (await batonDb().revisions.toArray()).filter((revision) => ids.has(handoffId(revision)));
    const now = new Date();
    const file = toExportDocument(rows.map((row) => row.handoff), revisions, now);
    download(exportFileName('json', now), JSON.stringify(file, null, 2), 'application/json');
  }

  function downloadCsv() {
    // The byte order mark tells Excel the file is UTF-8 (labels such as "Sales → Onboarding").
    download(exportFileName('csv', new Date()), '\uFEFF' + toCsv(rows), 'text/csv;charset=utf-8');
  }

  return (
    <fieldset className="export">
      <legend>{i18n.t('handoffs.export.legend')}</legend>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
        {i18n.t('handoffs.export.all', all.length)}
      </label>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'shown'} onChange={() => setScope('shown')} />
        {i18n.t('handoffs.export.shown', [shown.length])}
      </label>
      <button type="button" disabled={rows.length === 0} onClick={() => void downloadJson()}>
        {i18n.t('handoffs.export.json')}
      </button>
      <button type="button" disabled={rows.length === 0} onClick={downloadCsv}>
        {i18n.t('handoffs.export.csv')}
      </button>
    </fieldset>
  );
}
