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
      <legend>Export</legend>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
        All {all.length} handoffs
      </label>
      <label>
        <input type="radio" name="export-scope" checked={scope === 'shown'} onChange={() => setScope('shown')} />
        The {shown.length} shown
      </label>
      <button type="button" disabled={rows.length === 0} onClick={() => void downloadJson()}>
        Download JSON
      </button>
      <button type="button" disabled={rows.length === 0} onClick={downloadCsv}>
        Download CSV
      </button>
    </fieldset>
  );
}
