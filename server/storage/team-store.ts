import type { HandoffState } from '../../lib/handoff-state';
import type { MetricEvent } from '../../lib/sync/metrics';
import type { Change, TeamHandoffs } from '../../lib/sync/schemas';
import { TemplateSchema, type Template } from '../../lib/template';
import type { Sql } from './sql';

/** What leads and admins read of the whole team, and the team's templates. */
export class TeamStore {
  constructor(private readonly sql: Sql) {}

  async handoffs(teamId: number): Promise<TeamHandoffs> {
    const rows = await this.sql.query<HandoffRow>(
      `SELECT h.host, h.object_type, h.record_id, h.template_id, h.state, h.title, h.url, h.updated_at, m.email AS owner
         FROM handoffs h JOIN members m ON m.id = h.owner_id
        WHERE h.team_id = $1 ORDER BY h.updated_at DESC`,
      [teamId],
    );
    return {
      handoffs: rows.map((row) => ({
        handoff: { host: row.host, objectType: row.object_type, recordId: row.record_id, templateId: row.template_id },
        state: row.state,
        owner: row.owner,
        ...(row.title === null ? {} : { title: row.title }),
        ...(row.url === null ? {} : { url: row.url }),
        updatedAt: row.updated_at,
      })),
    };
  }

  /** Briefs and receipts of all time (few), moves since `movesSince` (many), in server order. */
  async metricEvents(teamId: number, movesSince: number): Promise<MetricEvent[]> {
    const rows = await this.sql.query<{ body: Change; server_at: number; email: string }>(
      `SELECT c.body, c.server_at, m.email FROM changes c JOIN members m ON m.id = c.member_id
        WHERE c.team_id = $1 AND (c.kind IN ('briefSent', 'receipt') OR (c.kind = 'move' AND c.server_at >= $2))
        ORDER BY c.seq`,
      [teamId, movesSince],
    );
    return rows.flatMap(({ body, server_at: at, email: by }): MetricEvent[] => {
      if (body.kind === 'briefSent') return [{ kind: 'briefSent', handoff: body.handoff, at, by }];
      if (body.kind === 'receipt') return [{ kind: 'receipt', handoff: body.handoff, at, by, decision: body.answer.decision, reason: body.answer.reason }];
      if (body.kind === 'move') return [{ kind: 'move', at, outcome: body.outcome }];
      return [];
    });
  }

  async templates(teamId: number): Promise<Template[]> {
    const rows = await this.sql.query<{ body: unknown }>('SELECT body FROM templates WHERE team_id = $1 ORDER BY id', [teamId]);
    // A template stored before a rule it breaks was added (a pattern now refused as unsafe) is
    // left out rather than failing every member's template list; its admin publishes it again.
    return rows.flatMap((row) => {
      const parsed = TemplateSchema.safeParse(row.body);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async putTemplate(teamId: number, template: Template, now: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO templates (team_id, id, body, updated_at) VALUES ($1, $2, $3::text::jsonb, $4)
       ON CONFLICT (team_id, id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at`,
      [teamId, template.id, JSON.stringify(template), now],
    );
  }
}

interface HandoffRow {
  host: TeamHandoffs['handoffs'][number]['handoff']['host'];
  object_type: string;
  record_id: string;
  template_id: string;
  state: HandoffState;
  title: string | null;
  url: string | null;
  updated_at: number;
  owner: string;
}
