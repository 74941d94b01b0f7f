import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../lib/handoff-export';
import { teamCsv, teamExportDocument, teamOwners, visibleTeamRows, type TeamHandoff } from '../../lib/team-view';

const T0 = Date.UTC(2026, 10, 26, 9, 30);

function row(recordId: string, owner: string, state: TeamHandoff['state'], updatedAt: number, title?: string): TeamHandoff {
  return { handoff: { host: 'hubspot', objectType: 'deal', recordId, templateId: 'sales-to-onboarding' }, owner, state, updatedAt, ...(title ? { title } : {}) };
}

const ROWS = [
  row('1', 'rita@acme.test', 'sent', T0 + 2, 'Globex'),
  row('2', 'rex@acme.test', 'accepted', T0 + 1, 'Acme'),
  row('3', 'rita@acme.test', 'draft', T0 + 3),
];
const ALL = { owner: '', state: '' } as const;
const ids = (rows: TeamHandoff[]) => rows.map((shown) => shown.handoff.recordId);

describe('the team view rows', () => {
  it('filters by owner and by state, and lists each owner once, alphabetically', () => {
    expect(ids(visibleTeamRows(ROWS, { owner: 'rita@acme.test', state: '' }, { column: 'updatedAt', descending: true }))).toEqual(['3', '1']);
    expect(ids(visibleTeamRows(ROWS, { owner: '', state: 'accepted' }, { column: 'updatedAt', descending: true }))).toEqual(['2']);
    expect(teamOwners(ROWS)).toEqual(['rex@acme.test', 'rita@acme.test']);
  });

  it('sorts states in the order a handoff moves through, owners and records alphabetically, ties latest first', () => {
    expect(ids(visibleTeamRows(ROWS, ALL, { column: 'state', descending: false }))).toEqual(['3', '1', '2']);
    expect(ids(visibleTeamRows(ROWS, ALL, { column: 'owner', descending: false }))).toEqual(['2', '3', '1']);
    // A record without a title sorts by its id, beside the titled ones.
    expect(ids(visibleTeamRows(ROWS, ALL, { column: 'record', descending: false }))).toEqual(['3', '2', '1']);
  });

  it('exports CSV with cells made safe like the local export, and JSON with the indicators', () => {
    const csv = teamCsv([row('9', '=cmd@evil.test', 'sentBack', T0, 'Deal, "quoted"')]);
    expect(csv).toBe(
      'owner,host,objectType,recordId,record title,record url,template id,state,updatedAt\r\n' +
        `'=cmd@evil.test,hubspot,deal,9,"Deal, ""quoted""",,sales-to-onboarding,sent back,${new Date(T0).toISOString()}\r\n`,
    );
    const document = teamExportDocument(ROWS, undefined, 8, T0, new Date(T0 + 5));
    expect(document).toMatchObject({ format: 'baton-team-view', weeks: 8, loadedAt: new Date(T0).toISOString(), handoffs: ROWS });
    expect(exportFileName('csv', new Date(2027, 0, 5), 'baton-team')).toBe('baton-team-2027-01-05.csv');
  });
});
