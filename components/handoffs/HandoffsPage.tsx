import { HandoffExport } from './HandoffExport';
import { HandoffFilters } from './HandoffFilters';
import { HandoffImport } from './HandoffImport';
import { HandoffTable } from './HandoffTable';
import { useHandoffsView } from './handoffs-store';
import { useHandoffRows } from './use-handoff-rows';
import { visibleRows } from './visible-rows';

/** Every handoff kept in this browser: where each stands, its change log, export and import. */
export function HandoffsPage() {
  const rows = useHandoffRows();
  const filters = useHandoffsView((state) => state.filters);
  const sort = useHandoffsView((state) => state.sort);
  const shown = rows ? visibleRows(rows, filters, sort) : [];
  return (
    <main className="handoffs-page">
      <h1>Baton handoffs</h1>
      <section aria-labelledby="list-title">
        <h2 id="list-title">Handoffs in this browser</h2>
        {rows === undefined ? (
          <p className="muted">Loading…</p>
        ) : rows.length === 0 ? (
          <p data-testid="no-handoffs">No handoffs yet. Open a CRM record and start its checklist, or import an export below.</p>
        ) : (
          <>
            <HandoffFilters total={rows.length} shown={shown.length} />
            {shown.length > 0 ? <HandoffTable rows={shown} /> : <p className="muted">No handoff matches these filters.</p>}
            <HandoffExport all={rows} shown={shown} />
          </>
        )}
      </section>
      <HandoffImport />
    </main>
  );
}
