import { browser } from 'wxt/browser';
import type { BatonDb } from '../../components/storage/db';
import { managedPolicy } from '../../components/storage/managed-policy';
import { teamConnection } from '../../components/storage/team-connection';
import { installTemplates } from '../../components/storage/templates';
import { fetchTeamTemplates } from '../../components/sync/team-templates';
import { managedTemplateIds } from '../../lib/managed-policy';
import { refreshTabs } from './notify-tabs';

// Templates reach this Baton from two places besides its own editor: the organization's policy
// (managed storage: read at start and whenever the administrator changes it; its templates win
// over any other version) and the team server (fetched at start, on connecting, and on an alarm).

const FETCH_ALARM = 'baton-team-templates';
/** Chrome fires alarms at most every 30 s; a rolled-out template may take this long to arrive. */
const FETCH_EVERY_MINUTES = 15;

async function installManaged(db: BatonDb): Promise<void> {
  const { templates } = await managedPolicy.get();
  if (templates?.length) await installTemplates(db, templates, { force: true });
}

async function fetchFromTeam(db: BatonDb): Promise<void> {
  const connection = await teamConnection.get();
  if (!connection) return;
  // Unreachable or refused: the templates held stay as they are, the next alarm tries again.
  await fetchTeamTemplates(db, connection, managedTemplateIds(await managedPolicy.get())).catch(() => undefined);
}

/**
 * Registered synchronously with the worker's other listeners. Resolves once the organization's
 * templates are installed: the worker answers no status before that, so a guard never judges
 * by a template the policy has replaced.
 */
export function registerTemplateRollout(db: BatonDb, installed: Promise<void>): Promise<void> {
  const refreshAfter = (work: Promise<void>) => void work.then(refreshTabs, () => undefined);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FETCH_ALARM) refreshAfter(fetchFromTeam(db));
  });
  void browser.alarms.create(FETCH_ALARM, { periodInMinutes: FETCH_EVERY_MINUTES });
  teamConnection.watch((connection) => {
    if (connection) refreshAfter(fetchFromTeam(db));
  });
  managedPolicy.watch(() => refreshAfter(installManaged(db)));

  const managed = installed.then(() => installManaged(db));
  refreshAfter(managed.then(() => fetchFromTeam(db)));
  return managed;
}
