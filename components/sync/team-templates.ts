import { TemplateListSchema } from '../../lib/sync/schemas';
import type { TeamConnection } from '../../lib/sync/connection';
import { TemplateSchema, type Template } from '../../lib/template';
import type { BatonDb } from '../storage/db';
import { installTemplates } from '../storage/templates';
import { teamRequest } from './team-request';

/**
 * The team's published templates, installed where newer than what this Baton holds. Templates
 * the organization manages are left alone: its policy wins over the team server.
 */
export async function fetchTeamTemplates(db: BatonDb, connection: TeamConnection, managedIds: ReadonlySet<string>): Promise<Template[]> {
  const { templates } = await teamRequest(connection, '/v1/templates', TemplateListSchema);
  const accepted = templates.filter((template) => !managedIds.has(template.id));
  await installTemplates(db, accepted);
  return accepted;
}

/** Publishes one version to the whole team; the server refuses anyone but an admin. */
export function publishTemplate(connection: TeamConnection, template: Template): Promise<Template> {
  return teamRequest(connection, '/v1/templates', TemplateSchema, { method: 'PUT', body: template });
}
