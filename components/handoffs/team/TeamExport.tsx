import { i18n } from '#i18n';
import { exportFileName } from '../../../lib/handoff-export';
import { teamCsv, teamExportDocument, type TeamHandoff } from '../../../lib/team-view';
import { download } from '../download';
import type { LoadedTeamView } from './use-team-view';

/** Downloads the team handoffs shown (and, in JSON, the indicators) as the server sent them. */
export function TeamExport({ rows, view }: { rows: TeamHandoff[]; view: LoadedTeamView }) {
  function downloadJson() {
    const now = new Date();
    const file = teamExportDocument(rows, view.metrics, view.weeks, view.loadedAt, now);
    download(exportFileName('json', now, 'baton-team'), JSON.stringify(file, null, 2), 'application/json');
  }

  function downloadCsv() {
    // The byte order mark tells Excel the file is UTF-8.
    download(exportFileName('csv', new Date(), 'baton-team'), '\uFEFF' + teamCsv(rows), 'text/csv;charset=utf-8');
  }

  return (
    <fieldset className="export">
      <legend>{i18n.t('teamView.exportTitle', rows.length)}</legend>
      <button type="button" disabled={rows.length === 0} onClick={downloadJson}>
        {i18n.t('teamView.exportJson')}
      </button>
      <button type="button" disabled={rows.length === 0} onClick={downloadCsv}>
        {i18n.t('teamView.exportCsv')}
      </button>
    </fieldset>
  );
}
